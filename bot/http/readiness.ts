// GET /healthz says the process is up; GET /readyz says whether it can do its
// job: the database answers and has every migration, and each configured bot
// is connected (Telegram polling or its webhook registered; Slack's token
// accepted). 200 when ready, 503 with the failing checks otherwise.
import type { Database } from "../../core/db/database.ts";
import { pendingMigrations } from "../../core/db/migrate.ts";
import type { Logger } from "../../core/logger.ts";
import { sendJson, type Handler } from "./server.ts";

export type Check = () => Promise<{ ok: boolean; detail?: string }>;

export function readinessHandler(checks: Record<string, Check>, logger: Logger): Handler {
  return async (_req, res) => {
    const results: Record<string, { ok: boolean; detail?: string }> = {};
    for (const [name, check] of Object.entries(checks)) {
      try {
        results[name] = await withTimeout(check(), 3000);
      } catch (err) {
        results[name] = { ok: false, detail: err instanceof Error ? err.message : String(err) };
      }
    }
    const ready = Object.values(results).every((r) => r.ok);
    if (!ready) logger.warn({ checks: results }, "not ready");
    sendJson(res, ready ? 200 : 503, { status: ready ? "ready" : "not_ready", checks: results });
  };
}

export function databaseCheck(db: Database): Check {
  return async () => {
    await db.prisma.$queryRawUnsafe("SELECT 1");
    const pending = await pendingMigrations(db);
    return pending.length === 0 ? { ok: true, detail: db.kind } : { ok: false, detail: `migrations not applied: ${pending.join(", ")}` };
  };
}

/** Remembers a successful check for `ms`, so a busy load balancer does not hammer Slack's API. */
export function cached(check: Check, ms: number): Check {
  let last: { at: number; ok: boolean; detail?: string } | undefined;
  return async () => {
    if (last?.ok && Date.now() - last.at < ms) return { ok: true, ...(last.detail ? { detail: last.detail } : {}) };
    const r = await check();
    last = { at: Date.now(), ...r };
    return r;
  };
}

async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
