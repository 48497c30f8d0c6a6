// Probe: the metrics on PGlite at 100k customers, this tree's code against another tree's (BASE=path), alternated.
import os from "node:os";
import { openDatabase } from "../../core/db/database.ts";
import { migrate } from "../../core/db/migrate.ts";
import { offlineCoreDeps } from "../../core/offline-deps.ts";
import { keyFigures } from "../../core/metrics/key-figures.ts";
import { acquisitionBySource } from "../../core/metrics/acquisition.ts";
import { calendarPeriod } from "../../core/metrics/period.ts";
import { generateStore } from "../generate-store.ts";

const NOW = new Date("2026-11-23T10:00:00Z");
const base = process.env.BASE!;
const old = (await import(`${base}/core/metrics/key-figures.ts`)) as { keyFigures: typeof keyFigures };
const oldAcq = (await import(`${base}/core/metrics/acquisition.ts`)) as { acquisitionBySource: typeof acquisitionBySource };
const db = await openDatabase({ dataDir: "memory://" });
await migrate(db);
await generateStore(db, { customers: 100_000, orders: 1_000_000, events: 200_000 }, NOW, () => {});
const deps = offlineCoreDeps(db, { clock: { now: () => NOW }, teamTimezone: "Europe/Berlin" });
const time = async (fn: () => Promise<unknown>) => { const t = performance.now(); await fn(); return performance.now() - t; };
const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!.toFixed(0);
for (const which of ["week", "month"] as const) {
  const period = calendarPeriod(which, NOW, "Europe/Berlin", -1);
  const r: Record<string, number[]> = { oldKf: [], newKf: [], oldAcq: [], newAcq: [] };
  for (let i = 0; i < 5; i++) {
    r.oldKf!.push(await time(() => old.keyFigures(deps, { period })));
    r.newKf!.push(await time(() => keyFigures(deps, { period })));
    r.oldAcq!.push(await time(() => oldAcq.acquisitionBySource(deps, { period })));
    r.newAcq!.push(await time(() => acquisitionBySource(deps, { period })));
  }
  console.log(`pglite ${which}: keyFigures before ${med(r.oldKf!)} after ${med(r.newKf!)} ms; acquisition before ${med(r.oldAcq!)} after ${med(r.newAcq!)} ms (load ${os.loadavg()[0]!.toFixed(1)})`);
}
await db.close();
