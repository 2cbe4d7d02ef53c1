// A client that closes its connection before its request is read in full (or breaks the message's framing):
// nobody is left to answer and nothing failed on the server's side, so no server logs it as its own error.
import type { IncomingMessage } from 'node:http';

/** Whether `error`, raised while the body of `req` was read, is the request stream's own (the client left). */
export const isClientGone = (req: IncomingMessage, error: unknown): boolean => req.errored !== null && error === req.errored;
