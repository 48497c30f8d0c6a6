// npm run digest:sample -- [--out digest-sample] [--customers 20000]
// Builds the weekly digest of a generated store (bench/generate-store.ts, plus
// detractors' comments and two finished campaigns) in an in-memory database,
// and writes what managers would get - the charts as PNG and the message as
// Slack blocks and Telegram HTML, in English and Russian - to look at without
// Slack or Telegram. Deterministic: the same sizes give the same files.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "../core/db/database.ts";
import { migrate } from "../core/db/migrate.ts";
import { buildDigest } from "../core/digest/build-digest.ts";
import { renderDigestCharts } from "../core/digest/digest-charts.ts";
import { calendarPeriod } from "../core/metrics/period.ts";
import { offlineCoreDeps } from "../core/offline-deps.ts";
import { refreshCustomerStats } from "../core/segments/customer-stats.ts";
import { digestSections } from "../bot/digest/digest-sections.ts";
import { digestView } from "../bot/slack/views/digest-view.ts";
import { digestHtml } from "../bot/telegram/telegram-digest-outlet.ts";
import { generateStore } from "../bench/generate-store.ts";

const NOW = new Date("2026-11-23T08:00:00Z");
const TIMEZONE = "Europe/Berlin";

const { values: args } = parseArgs({ options: { out: { type: "string", default: "digest-sample" }, customers: { type: "string", default: "20000" } } });

const COMMENTS = [
  "Delivery took two weeks, way too slow",
  "Slow delivery and no tracking",
  "Prices went up again, too expensive",
  "The sneakers fell apart after a month, poor quality",
  "Support never answered my email",
  "Доставка шла две недели",
  "Долгая доставка, курьер опоздал",
  "Слишком дорого для такого качества",
  "Размер не подошёл, а возврат сложный",
  "Плохое качество, подошва отклеилась",
];

async function main(): Promise<void> {
  const customers = Number(args.customers);
  const db = await openDatabase({ dataDir: "memory://" });
  try {
    await migrate(db);
    const deps = offlineCoreDeps(db, { clock: { now: () => NOW }, teamTimezone: TIMEZONE });
    await generateStore(db, { customers, orders: customers * 4, events: 1000 }, NOW, (m) => process.stderr.write(`${m}\n`));
    const list = `ARRAY[${COMMENTS.map((c) => `'${c.replace(/'/g, "''")}'`).join(", ")}]`;
    await db.execScript(`
      UPDATE survey_response SET comment = (${list})[1 + (id * 7) % ${COMMENTS.length}] WHERE score <= 6 AND id % 3 <> 0;
      INSERT INTO campaign (id, name, status, segment_text, segment, message, send_at, materialize_at, holdout_percent, cost, created_by, finished_at)
      VALUES (9001, 'Black Friday early access', 'completed', 'rfm:champions', '{}', '{}', '2026-11-17T09:00:00Z', '2026-11-17T09:00:00Z', 10, 400, 'sample', '2026-11-17T10:00:00Z'),
             (9002, 'Winter boots, second purchase', 'completed', 'lifecycle:new', '{}', '{}', '2026-11-19T09:00:00Z', '2026-11-19T09:00:00Z', 0, 150, 'sample', '2026-11-19T10:00:00Z');
      INSERT INTO delivery (campaign_id, subscriber_id, variant, status, not_before, sent_at)
      SELECT 9001, s.id, CASE WHEN s.id % 10 = 0 THEN 'H' ELSE 'A' END, (CASE WHEN s.id % 10 = 0 THEN 'held_out' ELSE 'sent' END)::"DeliveryStatus",
             '2026-11-17T09:00:00Z', CASE WHEN s.id % 10 = 0 THEN NULL ELSE '2026-11-17T09:05:00Z'::timestamptz END
        FROM subscriber s WHERE s.id % 7 = 0 AND s.id <= ${customers};
      INSERT INTO delivery (campaign_id, subscriber_id, variant, status, not_before, sent_at)
      SELECT 9002, s.id, 'A', 'sent', '2026-11-19T09:00:00Z', '2026-11-19T09:05:00Z' FROM subscriber s WHERE s.id % 11 = 0 AND s.id <= ${customers};`);
    await refreshCustomerStats(deps, { rebuild: true });
    const digest = await buildDigest(deps, { period: calendarPeriod("week", NOW, TIMEZONE, -1) });
    for (const language of ["en", "ru"]) {
      const dir = path.join(args.out!, language);
      fs.mkdirSync(dir, { recursive: true });
      for (const chart of renderDigestCharts(deps, digest, language)) {
        fs.writeFileSync(path.join(dir, chart.filename), chart.png);
        console.log(`${path.join(dir, chart.filename)}  ${chart.width}x${chart.height}  ${Math.round(chart.png.length / 1024)} KB`);
      }
      const sections = digestSections(digest, { translator: deps.translator, language, timezone: TIMEZONE });
      fs.writeFileSync(path.join(dir, "slack-message.json"), JSON.stringify(digestView(sections, { withChartsNote: true }), null, 2));
      fs.writeFileSync(path.join(dir, "telegram-message.html"), digestHtml(sections));
      console.log(`${path.join(dir, "telegram-message.html")}`);
    }
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
