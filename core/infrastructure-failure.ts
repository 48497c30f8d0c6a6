// Is this failure the infrastructure's - the database unreachable,
// restarting or out of connections, a connection refused or reset - rather
// than the input's? A webhook update that fails for
// such a reason is answered 5xx so Telegram delivers it again; a bad update
// or a bug is logged and acknowledged, never redelivered in a loop.
// Walks the cause chain: Prisma wraps the driver's error, grammY wraps both.

/** Node's network errors and PostgreSQL's SQLSTATEs for "not now". */
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ECONNABORTED",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up, in recovery)
  "53300", // too_many_connections
  // Prisma: can't reach the server, timed out, connection closed, no connection from the pool in time.
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024",
]);

const UNAVAILABLE_MESSAGES = [
  /PGlite is closed/i,
  /Cannot use a pool after calling end on the pool/i,
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Can't reach database server/i,
  /Server has closed the connection/i,
  /\bECONNREFUSED\b|\bECONNRESET\b/,
];

export function isInfrastructureFailure(err: unknown, depth = 0): boolean {
  if (depth > 6 || typeof err !== "object" || err === null) return false;
  const e = err as { code?: unknown; message?: unknown; cause?: unknown; error?: unknown; originalCode?: unknown; errors?: unknown };
  for (const code of [e.code, e.originalCode]) {
    if (typeof code === "string" && (UNAVAILABLE_CODES.has(code) || /^08/.test(code))) return true;
  }
  if (typeof e.message === "string" && UNAVAILABLE_MESSAGES.some((re) => re.test(e.message as string))) return true;
  // AggregateError (a connect that tried several addresses) keeps its reasons in `errors`.
  const nested = [e.cause, e.error, ...(Array.isArray(e.errors) ? (e.errors as unknown[]) : [])];
  return nested.some((inner) => inner !== err && isInfrastructureFailure(inner, depth + 1));
}
