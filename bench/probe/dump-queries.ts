// Records the raw queries keyFigures runs for a week and a month into bench/probe/queries-<period>.json.
import fs from "node:fs";
import { openDatabase } from "../../core/db/database.ts";
import { offlineCoreDeps } from "../../core/offline-deps.ts";
import { keyFigures } from "../../core/metrics/key-figures.ts";
import { calendarPeriod } from "../../core/metrics/period.ts";

const NOW = new Date("2026-11-23T10:00:00Z");
const db = await openDatabase({ url: `postgres://postgres@127.0.0.1:5432/${process.env.DB ?? "chatloop_bench_m"}`, poolSize: 4 });
const deps = offlineCoreDeps(db, { clock: { now: () => NOW }, teamTimezone: "Europe/Berlin" });
type Raw = { $queryRawUnsafe: (sql: string, ...params: unknown[]) => Promise<unknown> };
const c = db.prisma as unknown as Raw;
const orig = c.$queryRawUnsafe;
for (const which of ["week", "month"] as const) {
  const recorded: { name: string; sql: string; params: unknown[] }[] = [];
  c.$queryRawUnsafe = (sql: string, ...params: unknown[]) => {
    const name = /customer_stats cs/.test(sql) ? "period" : /acquisition_spend/.test(sql) ? "acq" : "currency";
    recorded.push({ name: `${name}${recorded.filter((q) => q.name.startsWith(name)).length}`, sql, params: params.map((p) => (p instanceof Date ? p.toISOString() : p)) });
    return orig.call(c, sql, ...params);
  };
  await keyFigures(deps, { period: calendarPeriod(which, NOW, "Europe/Berlin", -1) });
  fs.writeFileSync(`bench/probe/queries-${which}.json`, JSON.stringify(recorded, null, 1));
}
await db.close();
