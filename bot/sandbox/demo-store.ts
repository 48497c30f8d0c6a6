// The sandbox's demo store, generated deterministically on first run: a few
// thousand customers of a shoe shop with orders, cart events, NPS answers with
// comments, consent histories, acquisition spend per source (bench/generate-store.ts), two saved
// segments and one finished campaign with a holdout - enough for every
// command to show something real.
import type { CoreDeps } from "../../core/deps.ts";
import { saveSegment } from "../../core/segments/saved-segments.ts";
import { refreshCustomerStats } from "../../core/segments/customer-stats.ts";
import { takeSegmentSnapshots } from "../../core/segments/segment-sizes.ts";
import { generateStore } from "../../bench/generate-store.ts";

export const DEMO_SIZE = { customers: 3000, orders: 9000, events: 6000 };

const EN_NAMES = ["Anna", "Ben", "Chloe", "David", "Emma", "Felix", "Grace", "Henry", "Isla", "Jack", "Kate", "Leo", "Mia", "Noah", "Olivia", "Paul", "Ruby", "Sam", "Tess", "Will"];
const RU_NAMES = ["Алиса", "Борис", "Вера", "Глеб", "Дарья", "Егор", "Жанна", "Злата", "Иван", "Ксения", "Лев", "Мария", "Никита", "Ольга", "Пётр", "Роман", "Софья", "Тимур", "Ульяна", "Фёдор"];
const DETRACTOR_COMMENTS = [
  "Delivery took almost two weeks",
  "The size chart is wrong, had to return them",
  "Too expensive for the quality",
  "Support never answered my e-mail",
  "Доставка заняла две недели",
  "Размер не подошёл, возврат был сложным",
];

export async function seedDemoStore(deps: CoreDeps, progress: (msg: string) => void = () => {}): Promise<void> {
  const db = deps.db;
  const now = deps.clock.now();
  await generateStore(db, DEMO_SIZE, now, progress);
  const list = (names: string[]) => `ARRAY[${names.map((n) => `'${n}'`).join(",")}]`;
  progress("names, consent texts, NPS comments");
  await db.execScript(`
    UPDATE subscriber SET first_name = CASE WHEN language = 'ru'
        THEN (${list(RU_NAMES)})[1 + (hashint8(id::bigint) & 2147483647) % ${RU_NAMES.length}]
        ELSE (${list(EN_NAMES)})[1 + (hashint8(id::bigint) & 2147483647) % ${EN_NAMES.length}] END;
    UPDATE consent_record SET text = 'May we send you personal offers, news and short surveys here in Telegram?' WHERE status = 'subscribed';
    UPDATE subscriber SET consent_at = created_at WHERE consent_status = 'subscribed';
    UPDATE survey_response SET survey_id = 'nps';
    UPDATE survey_response SET comment = (${list(DETRACTOR_COMMENTS)})[1 + (hashint8(id::bigint) & 2147483647) % ${DETRACTOR_COMMENTS.length}]
     WHERE kind = 'nps' AND score <= 6 AND (hashint8(id::bigint) & 1) = 0;
  `);
  await saveSegment(deps, { name: "winback", text: "rfm in (at_risk, cant_lose) and consent = subscribed", actor: "demo" });
  await saveSegment(deps, { name: "vip_ru", text: "tag:vip and language = ru", actor: "demo" });
  progress("a finished campaign with a holdout");
  const sentAt = new Date(now.getTime() - 10 * 86_400_000);
  const campaign = await db.prisma.campaign.create({
    data: {
      name: "Autumn boots -15%",
      status: "completed",
      segmentText: "subscribed",
      segment: { version: 1, where: { kind: "consent", statuses: ["subscribed"] } },
      message: { A: { text: { en: "{first_name}, autumn boots are 15% off until Sunday!", ru: "{first_name}, осенние ботинки -15% до воскресенья!" } } },
      sendAt: sentAt,
      materializeAt: sentAt,
      materializedAt: sentAt,
      finishedAt: new Date(sentAt.getTime() + 3600_000),
      holdoutPercent: 10,
      cost: 400,
      createdBy: "demo",
      createdAt: sentAt,
    },
  });
  await db.prisma.$executeRawUnsafe(
    `INSERT INTO delivery (campaign_id, subscriber_id, variant, status, kind, not_before, sent_at, created_at)
     SELECT $1::int, s.id, CASE WHEN b < 10 THEN 'H' ELSE 'A' END, (CASE WHEN b < 10 THEN 'held_out' ELSE 'sent' END)::"DeliveryStatus",
            'marketing', $2::timestamptz, CASE WHEN b < 10 THEN NULL ELSE $2::timestamptz END, $2::timestamptz
       FROM subscriber s, LATERAL (SELECT ((('x' || substr(md5($1::int::text || ':holdout:' || s.id::text), 1, 8))::bit(32)::bigint) % 100) AS b) h
      WHERE s.consent_status = 'subscribed' AND s.blocked_at IS NULL`,
    campaign.id,
    sentAt,
  );
  progress("RFM scores");
  await refreshCustomerStats(deps);
  // A week of daily segment sizes, each as of its day, so /segment list has its "since last week".
  progress("a week of segment sizes");
  for (let daysAgo = 7; daysAgo >= 1; daysAgo--) {
    const at = new Date(now.getTime() - daysAgo * 86_400_000);
    await takeSegmentSnapshots({ ...deps, clock: { now: () => at } }, { at });
  }
}
