// Quick timing of issue 19's segment figures on a kept PostgreSQL store, cold and warm:
//   npx tsx bench/segments-quick.ts --database NAME [--repeat 5] [--only size,cart,report,preflight]
// Cold = a new pool and Prisma client before each run. Not part of `npm run bench`.
import os from "node:os";
import { parseArgs } from "node:util";
import { openDatabase, type Database } from "../core/db/database.ts";
import { migrate } from "../core/db/migrate.ts";
import { offlineCoreDeps } from "../core/offline-deps.ts";
import { createCampaign } from "../core/campaigns/campaigns.ts";
import { preflight } from "../core/campaigns/preflight.ts";
import { parseSegmentText } from "../core/segments/parse-segment-text.ts";
import { segmentReport, segmentSize } from "../core/segments/segment-report.ts";
import type { CoreDeps } from "../core/deps.ts";

const NOW = new Date("2026-11-23T10:00:00Z");
const SPENT = "lifecycle = loyal and spent_90d > 300 and not tag:vip";
const CART = "event:added_to_cart within 2d and no order since event:added_to_cart and consent = subscribed";
const { values: args } = parseArgs({ options: { database: { type: "string" }, repeat: { type: "string", default: "5" }, only: { type: "string" }, minutes: { type: "string", default: "0" } } });
const url = new URL(process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
url.pathname = `/${args.database}`;
const now = new Date(NOW.getTime() + Number(args.minutes) * 60_000);
const depsOf = (db: Database) => offlineCoreDeps(db, { clock: { now: () => now }, teamTimezone: "Europe/Berlin" });

const main = await openDatabase({ url: url.toString(), poolSize: 4 });
await migrate(main);
const campaigns = new Map<string, number>();
for (const text of [SPENT, "consent = subscribed"]) {
  const draft = await createCampaign(depsOf(main), {
    name: `quick pre-flight ${text}`, segmentText: text, segment: parseSegmentText(text), kind: "message",
    message: { A: { text: "Hello {first_name}" } }, sendAt: new Date(NOW.getTime() + 3_600_000), holdoutPercent: 10, createdBy: "bench", draft: true,
  });
  campaigns.set(text, draft.id);
}
const figures: [string, (d: CoreDeps) => Promise<unknown>][] = [
  ["size", (d) => segmentSize(d, parseSegmentText(SPENT))],
  ["cart", (d) => segmentSize(d, parseSegmentText(CART))],
  ["report", (d) => segmentReport(d, parseSegmentText(SPENT)).then((r) => r.size)],
  ["preflight", (d) => preflight(d, { campaignId: campaigns.get(SPENT)!, ratePerSecond: 30 }).then((p) => `${p.matched}/${p.recipients}`)],
  ["preflight-sub", (d) => preflight(d, { campaignId: campaigns.get("consent = subscribed")!, ratePerSecond: 30 }).then((p) => `${p.matched}/${p.recipients}`)],
];
const only = args.only?.split(",");
const repeat = Number(args.repeat);
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const [name, fn] of figures) {
  if (only && !only.includes(name)) continue;
  const cold: number[] = [];
  let value: unknown;
  for (let i = 0; i < repeat; i++) {
    const db = await openDatabase({ url: url.toString(), poolSize: 4 });
    const t = performance.now();
    value = await fn(depsOf(db));
    cold.push(performance.now() - t);
    await db.close();
  }
  const warm: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const t = performance.now();
    value = await fn(depsOf(main));
    warm.push(performance.now() - t);
  }
  console.log(`${name}: ${String(value)} warm ${med(warm).toFixed(0)} / ${Math.max(...warm).toFixed(0)} ms, cold ${med(cold).toFixed(0)} / ${Math.max(...cold).toFixed(0)} ms (load ${os.loadavg()[0]!.toFixed(1)})`);
}
await main.prisma.$executeRawUnsafe(`DELETE FROM campaign WHERE name LIKE 'quick pre-flight %'`);
await main.close();
