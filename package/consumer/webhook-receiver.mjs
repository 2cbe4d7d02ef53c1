// A user's webhook receiver in plain JavaScript, with the package's verifyWebhook: the token, then the payload
// against the spec; 2xx for every event (unknown types too), the status WebhookRejected names otherwise. It
// prints its URL, then one JSON line per event it accepted.
import { createServer } from 'node:http';
import { WebhookRejected, verifyWebhook } from 'payjp-v2-contract/webhooks';

const token = process.env.PAYJP_WEBHOOK_TOKEN;
const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    try {
      const { known, event } = verifyWebhook({ headers: req.headers, body: Buffer.concat(chunks) }, { token });
      const amount = known && event.type === 'payment_flow.succeeded' ? event.data.amount : null;
      console.log(JSON.stringify({ id: event.id, type: event.type, known, amount }));
      res.writeHead(200).end();
    } catch (error) {
      if (!(error instanceof WebhookRejected)) throw error;
      res.writeHead(error.status).end(error.message);
    }
  });
});
server.listen(0, '127.0.0.1', () => console.log(`receiver: http://127.0.0.1:${server.address().port}/webhooks`));
process.on('SIGTERM', () => server.close());
