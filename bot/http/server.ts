// The product's one HTTP server: Slack (HTTP mode), the Telegram webhook,
// health checks, and later the ingestion API and click redirects.
import { withLogContext } from "../../core/log-context.ts";
import crypto from "node:crypto";
import http from "node:http";
import type { Logger } from "../../core/logger.ts";

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => unknown;

export interface Route {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** An exact path, or a prefix ending in "*" ("/r/*"). */
  path: string;
  handler: Handler;
}

export function createHttpServer(routes: Route[], logger: Logger): http.Server {
  return http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const route = routes.find(
      (r) => r.method === req.method && (r.path.endsWith("*") ? url.pathname.startsWith(r.path.slice(0, -1)) : url.pathname === r.path),
    );
    if (!route) {
      sendJson(res, 404, { error: "not_found" });
      return;
    }
    // A request id ties this request's log lines together (and is echoed to the caller).
    const requestId = String(req.headers["x-request-id"] ?? crypto.randomBytes(6).toString("hex")).slice(0, 64);
    res.setHeader("x-request-id", requestId);
    Promise.resolve()
      .then(() => withLogContext({ requestId }, () => route.handler(req, res)))
      .catch((err: unknown) => {
        logger.error({ err, requestId, path: url.pathname }, "http handler failed");
        if (!res.headersSent) sendJson(res, 500, { error: "internal_error" });
        else res.end();
      });
  });
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

export async function listen(server: http.Server, port: number, host?: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  return typeof address === "object" && address ? address.port : port;
}

export async function closeServer(server: http.Server): Promise<void> {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
