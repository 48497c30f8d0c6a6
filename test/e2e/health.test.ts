// GET /healthz (the process is up), GET /readyz (database, migrations, bots) and GET /status (the recurring jobs).
import { describe, expect, test } from "vitest";
import type { ProductStatus } from "../../core/scheduler/job-health.ts";
import { useTestProduct } from "../support/per-describe.ts";

describe("health endpoints", () => {
  const p = useTestProduct({ kind: "pglite" });

  test("/healthz answers while the process runs; /readyz checks the database and both bots", async () => {
    const health = await fetch(`${p.baseUrl}/healthz`);
    expect([health.status, await health.json()]).toEqual([200, { status: "ok" }]);

    const ready = await fetch(`${p.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: "ready",
      checks: {
        database: { ok: true, detail: "pglite" },
        telegram: { ok: true, detail: "long polling" },
        slack: { ok: true, detail: "http mode, team T0TEST" },
      },
    });
  });

  test("/readyz turns 503 and says why when a part is down", async () => {
    await p.app.telegram!.stop();
    const ready = await fetch(`${p.baseUrl}/readyz`);
    expect(ready.status).toBe(503);
    const body = (await ready.json()) as { status: string; checks: Record<string, { ok: boolean; detail?: string }> };
    expect(body.status).toBe("not_ready");
    expect(body.checks.telegram).toEqual({ ok: false, detail: "long polling is not running" });
    expect(body.checks.database!.ok).toBe(true);
  });
});

describe("GET /status: whether the recurring jobs keep to their schedules", () => {
  const p = useTestProduct({ kind: "pglite" });

  async function status(): Promise<[number, ProductStatus]> {
    const res = await fetch(`${p.baseUrl}/status`);
    return [res.status, (await res.json()) as ProductStatus];
  }

  test("a failing hourly refresh and a scheduler that stopped show as degraded, in words, and recover", async () => {
    // The first tick plans every job's first slot (the clock stands at Monday 10:00 UTC).
    await p.app.scheduler.runDue();
    let [code, body] = await status();
    expect(code).toBe(200);
    expect(body.status).toBe("ok");
    expect(body.problems).toEqual([]);
    expect(body.jobs.map((j) => j.id)).toEqual(p.app.scheduler.jobIds().sort());
    expect(body.jobs.find((j) => j.id === "segments.refresh-rfm")).toEqual({
      id: "segments.refresh-rfm",
      schedule: "7 * * * *",
      state: "ok",
      lastSucceededAt: null,
      nextRunAt: "2026-11-23T10:07:00.000Z",
    });
    expect(body.figures.rollingWindowsAsOf).toBeNull();

    // The hourly refresh runs and moves the rolling windows' anchor.
    p.clock.set("2026-11-23T10:07:00Z");
    await p.app.scheduler.runDue();
    [code, body] = await status();
    expect(body.status).toBe("ok");
    expect(body.figures.rollingWindowsAsOf).toBe("2026-11-23T10:07:00.000Z");
    expect(body.jobs.find((j) => j.id === "segments.refresh-rfm")!.lastSucceededAt).toBe("2026-11-23T10:07:00.000Z");

    // The next hour's refresh fails (the database refuses the anchor's write, as a full disk would); the others still run.
    await p.database.db.prisma.$executeRawUnsafe(
      `CREATE FUNCTION refuse_write() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'could not extend file: No space left on device'; END $$`,
    );
    await p.database.db.prisma.$executeRawUnsafe(`CREATE TRIGGER refuse_write BEFORE INSERT OR UPDATE ON customer_stats_anchor FOR EACH ROW EXECUTE FUNCTION refuse_write()`);
    p.clock.set("2026-11-23T11:07:00Z");
    await p.app.scheduler.runDue();
    [code, body] = await status();
    expect(code).toBe(200);
    expect(body.status).toBe("degraded");
    expect(body.jobs.filter((j) => j.state !== "ok").map((j) => [j.id, j.state])).toEqual([["segments.refresh-rfm", "failing"]]);
    expect(body.problems).toEqual([
      "segments.refresh-rfm is failing (its error is in the log, retried every 5 minutes); last succeeded 2026-11-23T10:07:00.000Z: " +
        "RFM classes age, and segments on orders or spend within 30, 90 or 365 days (spent_90d...) get slower with every hour.",
    ]);
    expect(body.figures.rollingWindowsAsOf).toBe("2026-11-23T10:07:00.000Z");

    // Repaired: the retry five minutes later succeeds and the status is ok again.
    await p.database.db.prisma.$executeRawUnsafe(`DROP TRIGGER refuse_write ON customer_stats_anchor`);
    p.clock.set("2026-11-23T11:12:00Z");
    await p.app.scheduler.runDue();
    [code, body] = await status();
    expect([body.status, body.problems]).toEqual(["ok", []]);
    expect(body.figures.rollingWindowsAsOf).toBe("2026-11-23T11:12:00.000Z");

    // Nobody runs the jobs for 20 minutes (a job hung while holding the scheduler's lock, say): every minute's job is late.
    p.clock.set("2026-11-23T11:32:00Z");
    [code, body] = await status();
    expect(body.status).toBe("degraded");
    const late = body.jobs.filter((j) => j.state === "late").map((j) => j.id);
    expect(late).toEqual(expect.arrayContaining(["chains.tick", "team.alert-retry"]));
    expect(body.problems).toContain("chains.tick is late: due 2026-11-23T11:13:00.000Z and not run; last succeeded 2026-11-23T11:12:00.000Z: trigger chains do not advance.");
  });
});
