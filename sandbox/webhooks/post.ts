// One delivery attempt: the event POSTed to the endpoint with its token, within the timeout. Never throws:
// the endpoint's status, or what went wrong instead (timeout, refused connection…).
export type AttemptOutcome = { status: number } | { error: string };

export async function post(url: string, token: string, body: string, timeoutMs: number, closing: AbortSignal): Promise<AttemptOutcome> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-payjp-webhook-token': token, 'user-agent': 'payjp-v2-sandbox-webhooks' },
      body,
      redirect: 'manual',
      signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), closing]),
    });
    // The body is ignored (any 2xx acknowledges); cancelling it frees the connection at once.
    await response.body?.cancel();
    return { status: response.status };
  } catch (error) {
    return { error: describe(error, timeoutMs) };
  }
}

function describe(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  if (error instanceof DOMException && error.name === 'AbortError') return 'the sandbox closed';
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (typeof cause?.code === 'string') return `${cause.code}${typeof cause.message === 'string' ? `: ${cause.message}` : ''}`;
  return error instanceof Error ? error.message : String(error);
}
