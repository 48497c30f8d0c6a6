import { offlineCoreDeps } from "../core/offline-deps.ts";
import { openDatabase } from "../core/db/database.ts";
import { parseSegmentText } from "../core/segments/parse-segment-text.ts";
import { segmentSize, segmentReport } from "../core/segments/segment-report.ts";
import { builtInSegment } from "../core/segments/built-in-segments.ts";
const NOW = new Date("2026-11-23T10:00:00Z");
const db = await openDatabase({ url: "postgres://postgres@127.0.0.1:5432/chatloop_bench_mx7in74z", poolSize: 4 });
const deps = offlineCoreDeps(db, { clock: { now: () => NOW }, teamTimezone: "Europe/Berlin" });
for (const [name, fn] of [
  ["custom", () => segmentSize(deps, parseSegmentText("lifecycle = loyal and spent_90d > 300 and not tag:vip"))],
  ["loyal", () => segmentSize(deps, builtInSegment("lifecycle:loyal")!.definition)],
  ["report", () => segmentReport(deps, parseSegmentText("lifecycle = loyal and spent_90d > 300 and not tag:vip")).then((r) => r.size)],
] as const) {
  for (let i = 0; i < 2; i++) { const t = performance.now(); const v = await fn(); console.log(name, v, Math.round(performance.now() - t)); }
}
await db.close();
