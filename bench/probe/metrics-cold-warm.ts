// Probe: /metrics for last week and last month as bench/run.ts measures them (cold: a new pool,
// opened as the product's start opens it; warm: the same pool again), without the rest of the bench.
// DB=name ROUNDS=n npx tsx bench/probe/metrics-cold-warm.ts
import os from "node:os";
import { openDatabase, type Database } from "../../core/db/database.ts";
import { offlineCoreDeps } from "../../core/offline-deps.ts";
import { keyFigures } from "../../core/metrics/key-figures.ts";
import { calendarPeriod } from "../../core/metrics/period.ts";

const NOW = new Date("2026-11-23T10:00:00Z");
const url = `postgres://postgres@127.0.0.1:5432/${process.env.DB ?? "chatloop_bench_m"}`;
const label = process.env.LABEL ?? "";
for (let round = 0; round < Number(process.env.ROUNDS ?? 1); round++) {
  for (const which of ["week", "month"] as const) {
    const period = calendarPeriod(which, NOW, "Europe/Berlin", -1);
    const cold: number[] = [];
    let db: Database | undefined;
    let openMs = 0;
    for (let i = 0; i < 3; i++) {
      await db?.close();
      const o = performance.now();
      db = await openDatabase({ url, poolSize: 4 });
      const warmUp = (db as { warmUp?: () => Promise<void> }).warmUp;
      if (warmUp) await warmUp.call(db);
      openMs = performance.now() - o;
      const deps = offlineCoreDeps(db, { clock: { now: () => NOW }, teamTimezone: "Europe/Berlin" });
      const t = performance.now();
      await keyFigures(deps, { period });
      cold.push(performance.now() - t);
    }
    const deps = offlineCoreDeps(db!, { clock: { now: () => NOW }, teamTimezone: "Europe/Berlin" });
    const warm: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await keyFigures(deps, { period });
      warm.push(performance.now() - t);
    }
    await db!.close();
    const med = (a: number[]) => [...a].sort((x, y) => x - y)[1]!.toFixed(0);
    console.log(`${label} ${which}: cold ${med(cold)} [${cold.map((x) => x.toFixed(0)).join(",")}] warm ${med(warm)} [${warm.map((x) => x.toFixed(0)).join(",")}] open ${openMs.toFixed(0)} load ${os.loadavg()[0]!.toFixed(1)}`);
  }
}
