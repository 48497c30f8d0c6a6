// The one way an error reaches a log line. Errors from the transport libraries
// carry object graphs - grammY's BotError its whole context (the API with the
// bot token, the update with the customer's name and text), an HTTP error the
// request URL with `bot<token>`, a Slack error the request with its headers
// and body. A log line keeps only what explains the failure: the class, the
// message and the stack (secrets masked), a few scalar codes, and the cause
// chain serialized the same way. Never an object graph.

/** Telegram bot tokens (also inside `bot<token>/method` URLs), Slack tokens, Bearer headers. */
const SECRET_PATTERNS: [RegExp, string][] = [
  [/(?<![0-9])\d{3,}:[A-Za-z0-9_-]{20,}/g, "<telegram-token>"],
  [/\bxox[abposr]-[A-Za-z0-9-]+/g, "<slack-token>"],
  [/\bxapp-[A-Za-z0-9-]+/g, "<slack-app-token>"],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, "$1 <secret>"],
];

export function maskSecrets(text: string): string {
  let masked = text;
  for (const [pattern, replacement] of SECRET_PATTERNS) masked = masked.replace(pattern, replacement);
  return masked;
}

/** Scalar fields worth keeping: Node's `code`, Telegram's `error_code`/`description`, HTTP status, the API method. */
const SCALAR_FIELDS = ["code", "error_code", "description", "status", "statusCode", "method", "errno", "syscall"] as const;

export interface SerializedError {
  type: string;
  message: string;
  stack?: string;
  cause?: SerializedError;
  [field: string]: unknown;
}

const MAX_CAUSES = 4;

const serialized = new WeakSet<object>();

export function serializeError(value: unknown, depth = 0): SerializedError {
  if (typeof value === "object" && value !== null && serialized.has(value)) return value as SerializedError;
  const out = serializeValue(value, depth);
  serialized.add(out);
  return out;
}

function serializeValue(value: unknown, depth: number): SerializedError {
  if (!(value instanceof Error)) {
    // A thrown string or a Slack error code: text is kept (masked); an object graph is not.
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return { type: typeof value, message: maskSecrets(String(value)) };
    return { type: value === null ? "null" : typeof value, message: "[not an Error: contents not logged]" };
  }
  const out: SerializedError = { type: (value.constructor as { name?: string } | undefined)?.name || value.name || "Error", message: maskSecrets(value.message) };
  if (value.stack) out.stack = maskSecrets(value.stack);
  const fields = value as unknown as Record<string, unknown>;
  for (const key of SCALAR_FIELDS) {
    const field = fields[key];
    if (typeof field === "string") out[key] = maskSecrets(field);
    else if (typeof field === "number") out[key] = field;
  }
  // grammY's BotError and HttpError keep the cause in `error`, Slack's RequestError in `original`.
  const cause = value.cause ?? fields.error ?? fields.original;
  if (cause !== undefined && depth < MAX_CAUSES) out.cause = serializeError(cause, depth + 1);
  return out;
}

/** pino's formatters.log: every Error at the top of a line (and whatever `err` holds) goes through serializeError. */
export function serializeErrorsIn(object: Record<string, unknown>): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(object)) {
    if (value instanceof Error || key === "err" || key === "error") {
      copy ??= { ...object };
      copy[key] = serializeError(value);
    }
  }
  return copy ?? object;
}
