import { beforeEach, describe, expect, test } from "vitest";
import { FakeClock } from "../../test/support/clock.ts";
import { testCoreDeps } from "../../test/support/core-deps.ts";
import { DATABASE_KINDS } from "../../test/support/databases.ts";
import { nextOccurrence } from "./cron.ts";
import { Scheduler, type JobRun } from "./scheduler.ts";
import { useTestDatabase } from "../../test/support/per-describe.ts";

describe("cron arithmetic", () => {
  test("Mondays 09:00 Berlin, from a Sunday, across the DST change and a year end", () => {
    expect(nextOccurrence("0 9 * * 1", "Europe/Berlin", new Date("2026-11-29T12:00:00Z")).toISOString()).toBe("2026-11-30T08:00:00.000Z");
    expect(nextOccurrence("0 9 * * 1", "Europe/Berlin", new Date("2026-11-30T08:00:00Z")).toISOString()).toBe("2026-12-07T08:00:00.000Z");
    expect(nextOccurrence("0 9 * * 1", "Europe/Berlin", new Date("2027-03-25T00:00:00Z")).toISOString()).toBe("2027-03-29T07:00:00.000Z");
    expect(nextOccurrence("30 0 1 1 *", "UTC", new Date("2026-12-31T23:00:00Z")).toISOString()).toBe("2027-01-01T00:30:00.000Z");
  });

  test("a malformed expression is refused with an example", () => {
    expect(() => nextOccurrence("61 9 * * 1", "UTC", new Date())).toThrow('"61 9 * * 1" is not a cron expression: invalid value for minute: 61. Example: "0 9 * * 1" (Mondays 09:00).');
    expect(() => nextOccurrence("every monday", "UTC", new Date())).toThrow(/expected five fields/);
  });
});

describe.each(DATABASE_KINDS)("scheduler on %s", (kind) => {
  const database = useTestDatabase(kind);
  beforeEach(async () => {
    await database.db.prisma.scheduledJob.deleteMany();
  });

  function weeklyJob(runs: JobRun[], fail = false) {
    return {
      id: "digest.weekly",
      schedule: "0 9 * * 1",
      async run(run: JobRun) {
        if (fail) throw new Error("Slack is down");
        runs.push(run);
      },
    };
  }

  test("runs once in its slot, not before and not twice", async () => {
    const clock = new FakeClock("2026-11-29T12:00:00Z");
    const scheduler = new Scheduler(testCoreDeps(database, clock));
    const runs: JobRun[] = [];
    scheduler.register(weeklyJob(runs));
    expect(await scheduler.runDue()).toEqual([]);
    clock.set("2026-11-30T07:59:00Z");
    expect(await scheduler.runDue()).toEqual([]);
    clock.set("2026-11-30T08:00:00Z");
    expect(await scheduler.runDue()).toEqual(["digest.weekly"]);
    expect(await scheduler.runDue()).toEqual([]);
    expect(runs.map((r) => r.scheduledFor.toISOString())).toEqual(["2026-11-30T08:00:00.000Z"]);
  });

  test("a restart neither skips nor doubles: a slot missed while down runs late, once", async () => {
    const clock = new FakeClock("2026-11-29T12:00:00Z");
    const runs: JobRun[] = [];
    const first = new Scheduler(testCoreDeps(database, clock));
    first.register(weeklyJob(runs));
    await first.runDue();
    // The process is down from Sunday until Wednesday of the week after next.
    clock.set("2026-12-09T15:00:00Z");
    const second = new Scheduler(testCoreDeps(database, clock));
    second.register(weeklyJob(runs));
    expect(await second.runDue()).toEqual(["digest.weekly"]);
    expect(await second.runDue()).toEqual([]);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.scheduledFor.toISOString()).toBe("2026-11-30T08:00:00.000Z");
    const row = await database.db.prisma.scheduledJob.findUniqueOrThrow({ where: { id: "digest.weekly" } });
    expect(row.nextRunAt.toISOString()).toBe("2026-12-14T08:00:00.000Z");
  });

  test("a failing job records its error and is retried five minutes later", async () => {
    const clock = new FakeClock("2026-11-30T08:00:00Z");
    const scheduler = new Scheduler(testCoreDeps(database, clock));
    scheduler.register({ ...weeklyJob([], true), schedule: "0 9 * * *" });
    expect(await scheduler.runDue()).toEqual([]);
    clock.set("2026-12-01T08:00:00Z");
    expect(await scheduler.runDue()).toEqual([]);
    const row = await database.db.prisma.scheduledJob.findUniqueOrThrow({ where: { id: "digest.weekly" } });
    expect(row).toMatchObject({ lastError: "Slack is down", runCount: 0 });
    expect(row.nextRunAt.toISOString()).toBe("2026-12-01T08:05:00.000Z");
  });

  test.runIf(kind === "postgres")("two instances polling at once run a due job once", async () => {
    const clock = new FakeClock("2026-11-29T12:00:00Z");
    const runs: JobRun[] = [];
    const slowJob = { ...weeklyJob(runs), run: async (r: JobRun) => { await new Promise((res) => setTimeout(res, 200)); runs.push(r); } };
    const a = new Scheduler(testCoreDeps(database, clock));
    const b = new Scheduler(testCoreDeps(database, clock));
    a.register(slowJob);
    b.register(slowJob);
    await a.runDue();
    clock.set("2026-11-30T08:00:00Z");
    const [ranA, ranB] = await Promise.all([a.runDue(), b.runDue()]);
    expect([...ranA, ...ranB]).toEqual(["digest.weekly"]);
    expect(runs).toHaveLength(1);
  });
});
