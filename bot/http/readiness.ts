// GET /healthz says the process is up; GET /readyz says whether it can do its
// job: the database answers and has every migration, and each configured bot
// is connected (Telegram polling or its webhook registered; Slack's token
// accepted). 200 when ready, 503 with the failing checks otherwise. GET /status
// says whether the recurring jobs keep to their schedules: an instance stays
// ready while they do not (it still answers customers and the team), so this
// is for monitoring and for the engineer on call, not for the load balancer.
import type { Clock } from "../../core/clock.ts";
import type { Database } from "../../core/db/database.ts";
import { pendingMigrations } from "../../core/db/migrate.ts";
import type { Logger } from "../../core/logger.ts";
import type { CoreDeps } from "../../core/deps.ts";
import { readProductStatus } from "../../core/scheduler/job-health.ts";
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

/** 200 with the jobs' health (status "ok" or "degraded"); 503 when the database does not answer. */
export function statusHandler(core: Pick<CoreDeps, "db" | "clock">, jobIds: readonly string[]): Handler {
  return async (_req, res) => {
    try {
      const status = await withTimeout(readProductStatus(core, jobIds), 3000);
      sendJson(res, 200, status);
    } catch (err) {
      sendJson(res, 503, { status: "unknown", problems: [`the database did not answer: ${err instanceof Error ? err.message : String(err)}`] });
    }
  };
}

export function databaseCheck(db: Database): Check {
  return async () => {
    await db.prisma.$queryRawUnsafe("SELECT 1");
    const pending = await pendingMigrations(db);
    return pending.length === 0 ? { ok: true, detail: db.kind } : { ok: false, detail: `migrations not applied: ${pending.join(", ")}` };
  };
}

/**
 * Remembers a check's answer - a success for `okMs`, a failure for `failMs` -
 * and shares one call among probes that arrive together, so a busy load
 * balancer (or one probing a failing check) does not hammer Telegram's or
 * Slack's API: a failing webhook check called getWebhookInfo on every probe.
 */
export function cached(check: Check, clock: Clock, ms: { okMs: number; failMs: number }): Check {
  let last: { at: number; result: { ok: boolean; detail?: string } } | undefined;
  let inFlight: Promise<{ ok: boolean; detail?: string }> | undefined;
  return async () => {
    const now = clock.now().getTime();
    if (last && now - last.at < (last.result.ok ? ms.okMs : ms.failMs)) return last.result;
    inFlight ??= check()
      .catch((err: unknown) => ({ ok: false, detail: err instanceof Error ? err.message : String(err) }))
      .then((result) => {
        last = { at: clock.now().getTime(), result };
        return result;
      })
      .finally(() => (inFlight = undefined));
    return inFlight;
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
