// The development intake: a small local endpoint for both of the app's contracts, on its own
// origin (as the city's will be), with CORS:
// - POST /pytania: "Zgłoś swoje pytanie" (../shared/spec/question-submission.md);
// - POST /opinie: "Czy ta odpowiedź była pomocna?" (../shared/spec/feedback.md).
// It checks each request as the contracts say (every field, `Idempotency-Key` equal to
// `client_id`), answers 201 for something new, 200 for a `client_id` it has (a question is not
// recorded twice; a vote is replaced, not added), 400 with `{"errors": {field: message}}`, 413 over
// 64 KB, 429 with `Retry-After` over its rate limit; and keeps what it accepted in two JSON files a
// developer can read (dir/pytania.json, dir/opinie.json), read again when it restarts.
//
// `make serve` runs it beside the app (node scripts/intake.mjs --port 8081 --dir target/intake);
// the browser tests start it with startIntake() and may script its answers (reply(): any status,
// body and headers, a hang, a stalled body, a delay), to see what the app does with each.
// `node scripts/intake.mjs report [dir]` prints what the editors read: the votes, the "Nie" per
// question and reason, the newest comments first (README, "What residents tell the city").
import { createServer } from "node:http";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";

const CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "POST",
  "access-control-allow-headers": "content-type, idempotency-key",
  // Without this a page cannot read when to try again after a 429.
  "access-control-expose-headers": "retry-after",
  "access-control-max-age": "600",
};
const MAX_BODY = 64 * 1024;
export const REASONS = ["outdated", "not_answered", "unclear", "other"];
const chars = (s) => [...s.trim()].length;
const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

/** The question contract's rules: the errors by field (empty when the question is acceptable). */
export function questionErrors(q) {
  const errors = Object.create(null);
  if (typeof q.question !== "string" || chars(q.question) < 10 || chars(q.question) > 2000)
    errors.question = "Pytanie musi mieć od 10 do 2000 znaków.";
  if ("category" in q && (typeof q.category !== "string" || !q.category.trim()))
    errors.category = "Wybierz kategorię z listy albo „nie wiem”.";
  if ("email" in q && (typeof q.email !== "string" || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(q.email.trim())))
    errors.email = "Podaj adres e-mail w formacie nazwa@domena.pl.";
  if ("email" in q && q.consent !== true)
    errors.consent = "Zaznacz zgodę, jeśli chcesz dostać odpowiedź e-mailem.";
  if ("context" in q && !isObject(q.context)) errors.context = "Nieprawidłowy kontekst pytania.";
  if (typeof q.client_id !== "string" || !q.client_id) errors.client_id = "Brak identyfikatora pytania.";
  if (typeof q.website !== "string") errors.website = "Brak pola website.";
  return errors;
}

/** The feedback contract's rules: the errors by field (empty when the vote is acceptable). */
const VOTE_FIELDS = ["question_id", "helpful", "reason", "comment", "updated", "client_id"];

export function voteErrors(v) {
  const errors = Object.create(null);
  // The contract sends nothing else: no address, no name.
  for (const field of Object.keys(v)) if (!VOTE_FIELDS.includes(field)) errors[field] = "Tego pola nie wysyła się z głosem.";
  if (typeof v.question_id !== "string" || !v.question_id) errors.question_id = "Brak identyfikatora pytania.";
  if (typeof v.helpful !== "boolean") errors.helpful = "Brak odpowiedzi „Tak” albo „Nie”.";
  if ("reason" in v && (v.helpful !== false || !REASONS.includes(v.reason)))
    errors.reason = "Nieznany powód.";
  if ("comment" in v && (v.helpful !== false || typeof v.comment !== "string"))
    errors.comment = "Komentarz można dodać tylko do odpowiedzi „Nie”.";
  else if ("comment" in v && chars(v.comment) > 500) errors.comment = "Komentarz może mieć najwyżej 500 znaków.";
  if (typeof v.updated !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(v.updated))
    errors.updated = "Brak daty aktualizacji odpowiedzi (RRRR-MM-DD).";
  if (typeof v.client_id !== "string" || !v.client_id) errors.client_id = "Brak identyfikatora głosu.";
  return errors;
}

/** One kind of record: its contract's rules, its file, and what a repeated `client_id` does. */
class Records {
  constructor(file, check, replace) {
    this.file = file;
    this.check = check;
    this.replace = replace;
    this.list = file && existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : [];
  }
  /** The status and body for an acceptable request (already checked). */
  take(body) {
    const at = this.list.findIndex((r) => r.client_id === body.client_id);
    const now = new Date().toISOString();
    if (at >= 0 && !this.replace) return [200, { id: this.list[at].id }];
    if (at >= 0) {
      const earlier = this.list[at];
      if (earlier.question_id !== body.question_id) return [400, { errors: { client_id: "Ten identyfikator głosu należy do innego pytania." } }];
      // The same vote, changed (the comment after a "Nie", or "Zmień odpowiedź"): replaced.
      this.list[at] = { ...body, id: earlier.id, received_at: now, first_received_at: earlier.first_received_at };
      this.save();
      return [200, { id: earlier.id }];
    }
    // The server's own fields last: a body cannot set them.
    const record = { ...body, id: randomUUID(), received_at: now, ...(this.replace ? { first_received_at: now } : {}) };
    this.list.push(record);
    this.save();
    return [201, { id: record.id }];
  }
  save() {
    if (!this.file) return;
    // Whole or not at all: a reader never sees half a file.
    writeFileSync(`${this.file}.tmp`, JSON.stringify(this.list, null, 2) + "\n");
    renameSync(`${this.file}.tmp`, this.file);
  }
}

/**
 * Starts the intake. `port` 0 picks a free one; `dir`, where the records are kept (none: in memory
 * only); `limitPerMinute`, requests per minute before a 429 (none by default).
 */
export async function startIntake({ port = 0, host = "127.0.0.1", dir = null, limitPerMinute = Infinity } = {}) {
  if (dir) mkdirSync(dir, { recursive: true });
  const kinds = {
    "/pytania": new Records(dir && join(dir, "pytania.json"), questionErrors, false),
    "/opinie": new Records(dir && join(dir, "opinie.json"), voteErrors, true),
  };
  const requests = [];
  const hung = [];
  const waiting = [];
  const recent = [];
  let scripted = [];

  const answer = (res, status, body, headers = {}) => {
    res.writeHead(status, { ...CORS, "content-type": "application/json", ...headers });
    res.end(body === undefined ? "" : JSON.stringify(body));
  };
  // What the contracts say to each request.
  const contract = (req, path, body, res) => {
    const kind = kinds[path];
    if (!kind || req.method !== "POST") return answer(res, 404, { errors: { url: "Nie ma tu takiego adresu." } });
    const now = Date.now();
    while (recent.length && recent[0] < now - 60_000) recent.shift();
    if (recent.length >= limitPerMinute) {
      return answer(res, 429, { errors: {} }, { "retry-after": String(Math.ceil((recent[0] + 60_000 - now) / 1000)) });
    }
    recent.push(now);
    if (!isObject(body)) return answer(res, 400, { errors: { body: "Treść nie jest obiektem JSON." } });
    const errors = kind.check(body);
    if (!errors.client_id && req.headers["idempotency-key"] !== body.client_id)
      errors.client_id = "Nagłówek Idempotency-Key musi być równy client_id.";
    if (Object.keys(errors).length) return answer(res, 400, { errors });
    // The honeypot filled in: a machine. Told it worked, not recorded.
    if (kind === kinds["/pytania"] && body.website !== "") return answer(res, 201, { id: randomUUID() });
    const [status, reply] = kind.take(body);
    answer(res, status, reply);
  };

  const server = createServer((req, res) => {
    if (req.method === "OPTIONS") {
      res.writeHead(204, CORS);
      return res.end();
    }
    let path;
    try {
      path = new URL(req.url, "http://intake").pathname;
    } catch {
      return answer(res, 400, { errors: { url: "Nieprawidłowy adres." } });
    }
    const chunks = [];
    let size = 0;
    req.on("data", (chunk) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on("end", () => {
      if (size > MAX_BODY && !scripted.length) return answer(res, 413, { errors: {} });
      const raw = Buffer.concat(chunks).toString("utf8");
      let body = null;
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
      requests.push({ method: req.method, path, headers: req.headers, body });
      waiting.splice(0).forEach((w) => w());
      if (!scripted.length) return contract(req, path, body, res);
      // Scripted answers are used in turn; the last one stays for every later request.
      const reply = scripted.length > 1 ? scripted.shift() : scripted[0];
      const send = () => answer(res, reply.status, reply.body, reply.headers);
      if (reply.hang) hung.push(res);
      else if (reply.stallBody) {
        // The status and headers, the first bytes of the body, then nothing more.
        res.writeHead(reply.status, { ...CORS, "content-type": "application/json", ...(reply.headers ?? {}) });
        res.write('{"id":');
        hung.push(res);
      } else if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  });
  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, ok);
  });
  const origin = `http://${host}:${server.address().port}`;
  return {
    origin,
    /** The question form's endpoint. */
    url: `${origin}/pytania`,
    /** The feedback widget's endpoint. */
    feedbackUrl: `${origin}/opinie`,
    /** Every request received, in order: { method, path, headers, body }. */
    requests,
    /** The questions and votes accepted, as kept. */
    questions: () => kinds["/pytania"].list,
    votes: () => kinds["/opinie"].list,
    /** How to answer the next requests, in turn, e.g. ({ status: 500 }, { status: 201 }); none: the contracts. */
    reply(...next) {
      scripted = next;
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
  await new Promise((ok) => probe.listen(0, "127.0.0.1", ok));
  const { port } = probe.address();
  await new Promise((r) => probe.close(r));
  return `http://127.0.0.1:${port}/pytania`;
}

const LABELS = { outdated: "out of date", not_answered: "not answered", unclear: "unclear", other: "other", none: "no reason" };

/** What the editors read: the votes, the "Nie" per question and reason, the newest comments first. */
export function report(votes) {
  const lines = [];
  const no = votes.filter((v) => v.helpful === false);
  lines.push(`${votes.length} votes: ${votes.length - no.length} "Tak", ${no.length} "Nie".`);
  const byQuestion = new Map();
  for (const v of no) {
    const q = byQuestion.get(v.question_id) ?? { total: 0, reasons: {} };
    q.total += 1;
    const reason = v.reason ?? "none";
    q.reasons[reason] = (q.reasons[reason] ?? 0) + 1;
    byQuestion.set(v.question_id, q);
  }
  if (byQuestion.size) lines.push("", `"Nie" per question (answer's version in the votes), most first:`);
  for (const [id, q] of [...byQuestion].sort((a, b) => b[1].total - a[1].total || a[0].localeCompare(b[0]))) {
    const reasons = Object.entries(q.reasons).map(([r, n]) => `${LABELS[r] ?? r} ${n}`).join(", ");
    lines.push(`  ${String(q.total).padStart(4)}  ${id}  (${reasons})`);
  }
  const comments = no.filter((v) => v.comment).sort((a, b) => String(b.received_at).localeCompare(String(a.received_at)));
  if (comments.length) lines.push("", "Comments, newest first:");
  for (const v of comments) {
    lines.push(`  ${String(v.received_at).slice(0, 16).replace("T", " ")}  ${v.question_id} (${v.updated}, ${LABELS[v.reason ?? "none"]}): ${v.comment}`);
  }
  return lines.join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  const option = (name, otherwise) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 ? args[at + 1] : otherwise;
  };
  if (args[0] === "report") {
    const file = join(args[1] ?? "target/intake", "opinie.json");
    const votes = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : [];
    console.log(report(votes));
  } else {
    const dir = resolve(option("dir", "target/intake"));
    const [port, limit] = [Number(option("port", "8081")), Number(option("limit", "30"))];
    if (!Number.isInteger(port) || !(limit > 0)) throw new Error("usage: node scripts/intake.mjs [--port 8081] [--dir target/intake] [--limit 30] | report [dir]");
    const intake = await startIntake({ port, dir, limitPerMinute: limit });
    const where = relative(process.cwd(), dir) || ".";
    console.log(`Intake: questions ${intake.url} → ${where}/pytania.json · votes ${intake.feedbackUrl} → ${where}/opinie.json`);
    for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => intake.close().then(() => process.exit(0)));
  }
}
