// A local endpoint of the submission contract (../shared/spec/question-submission.md) for the
// form's tests, on another origin than the app (as the city's will be), with CORS. Tests tell it
// how to answer: any status with a body and headers, to hang past the form's time-out (before the
// headers, or in the middle of the body), or to be down altogether. It records every request it gets.
import { createServer } from "node:http";

const cors = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "POST",
  "access-control-allow-headers": "content-type, idempotency-key",
  // Without this a page cannot read when to try again after a 429.
  "access-control-expose-headers": "retry-after",
};

export async function startEndpoint() {
  const requests = [];
  const hung = [];
  let replies = [{ status: 201 }];
  const waiting = [];
  const server = createServer((req, res) => {
    if (req.method === "OPTIONS") {
      res.writeHead(204, cors);
      return res.end();
    }
    let raw = "";
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", () => {
      let body = null;
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
      requests.push({ method: req.method, headers: req.headers, body });
      waiting.splice(0).forEach((w) => w());
      // The replies are used in turn; the last one stays for every later request.
      const reply = replies.length > 1 ? replies.shift() : replies[0];
      const answer = () => {
        res.writeHead(reply.status, { ...cors, "content-type": "application/json", ...(reply.headers ?? {}) });
        res.end(reply.body === undefined ? "" : JSON.stringify(reply.body));
      };
      if (reply.hang) hung.push(res);
      else if (reply.stallBody) {
        // The status and headers, the first bytes of the body, then nothing more.
        res.writeHead(reply.status, { ...cors, "content-type": "application/json", ...(reply.headers ?? {}) });
        res.write('{"id":');
        hung.push(res);
      }
      else if (reply.delayMs) setTimeout(answer, reply.delayMs);
      else answer();
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${server.address().port}/pytania`;
  return {
    url,
    requests,
    /** How to answer the next requests, in turn, e.g. ({ status: 500 }, { status: 201 }). */
    reply(...next) {
      replies = next;
    },
    /** Resolves once `n` requests in all have arrived. */
    async received(n) {
      while (requests.length < n) await new Promise((r) => waiting.push(r));
    },
    async close() {
      hung.splice(0).forEach((res) => res.destroy());
      server.closeAllConnections?.();
      await new Promise((r) => server.close(r));
    },
  };
}

/** An address where nothing listens: the endpoint is down. */
export async function downEndpoint() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address();
  await new Promise((r) => probe.close(r));
  return `http://127.0.0.1:${port}/pytania`;
}
