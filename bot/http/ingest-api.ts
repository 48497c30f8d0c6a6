// POST /api/v1/events and /api/v1/orders: thin handlers that authenticate,
// read the JSON body, call the core and map its answer to HTTP.
//   200  every item stored, a duplicate, or updated
//   207  a batch with some invalid items (the valid ones are stored)
//   400  a single object that is invalid, or a body that is not JSON or not
//        one object / an array / {"batch": [...]} (ingest-body.ts)
//   401  missing or wrong API key; 413 more than 1 000 items or over 10 MB
//   429  ingestion is at capacity: send again after Retry-After seconds
//   503  the API is off (INGEST_API_KEY unset)
import crypto from "node:crypto";
import type http from "node:http";
import type { CoreDeps } from "../../core/deps.ts";
import { BatchTooLarge } from "../../core/events/ingest-events.ts";
import { readIngestBody } from "../../core/events/ingest-body.ts";
import type { IngestSummary } from "../../core/events/ingest-result.ts";
import { sendJson, type Handler } from "./server.ts";
import type { Admission } from "./admission.ts";

const MAX_BODY_BYTES = 10 * 1024 * 1024;

type Ingest = (deps: CoreDeps, options: { items: unknown[] }) => Promise<IngestSummary>;

/** Seconds a refused client is asked to wait. */
export const INGEST_RETRY_AFTER_S = 1;

export function ingestHandler(core: CoreDeps, apiKey: string | undefined, ingest: Ingest, admission?: Admission): Handler {
  return async (req, res) => {
    if (!apiKey) {
      return sendJson(res, 503, { error: "ingest_api_off", message: "The ingestion API is off: set INGEST_API_KEY to turn it on." });
    }
    if (!hasKey(req, apiKey)) {
      return sendJson(res, 401, { error: "unauthorized", message: "Send the API key as 'Authorization: Bearer <INGEST_API_KEY>'." });
    }
    const release = admission ? await admission.enter() : () => {};
    if (!release) {
      res.setHeader("retry-after", String(INGEST_RETRY_AFTER_S));
      req.resume(); // the body is not read: drain it so the connection can be reused
      return sendJson(res, 429, { error: "busy", message: `Ingestion is at capacity; send this request again after ${INGEST_RETRY_AFTER_S} s.` });
    }
    try {
      return await admitted(req, res);
    } finally {
      release();
    }
  };

  async function admitted(req: http.IncomingMessage, res: http.ServerResponse) {
    const raw = await readBody(req);
    if (raw === undefined) return sendJson(res, 413, { error: "too_large", message: `The body is over ${MAX_BODY_BYTES} bytes.` });
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return sendJson(res, 400, { error: "invalid_json", message: "The body is not JSON." });
    }
    const body = readIngestBody(parsed);
    if (body.kind === "invalid") return sendJson(res, 400, { error: "invalid_body", message: body.message });
    try {
      const summary = await ingest(core, { items: body.items });
      const status = summary.invalid === 0 ? 200 : body.kind === "batch" ? 207 : 400;
      return sendJson(res, status, summary);
    } catch (err) {
      if (err instanceof BatchTooLarge) return sendJson(res, 413, { error: err.code, message: err.message });
      throw err;
    }
  }
}

function hasKey(req: http.IncomingMessage, apiKey: string): boolean {
  const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? "");
  if (!m) return false;
  const given = crypto.createHash("sha256").update(m[1]!.trim()).digest();
  const expected = crypto.createHash("sha256").update(apiKey).digest();
  return crypto.timingSafeEqual(given, expected);
}

/** The body as text; undefined when it is over MAX_BODY_BYTES. */
async function readBody(req: http.IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}
