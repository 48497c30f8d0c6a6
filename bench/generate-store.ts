// A realistic store, generated set-based in SQL and deterministically (no
// random(): every value is a hash of the row number, so the same sizes give
// the same data on PGlite and PostgreSQL, run after run).
//   customers  8 sources, 70% en / 30% ru, consent 70% subscribed, 5% pending,
//              10% unsubscribed, 15% never asked; 3% blocked; 2% tagged vip;
//              joined over the 3 years before "now"
//   orders     long-tailed: order i belongs to customer floor(0.6 N * u^3) + 1, so
//              40% never buy, a few buy very often and most rarely; amounts
//              20-420 (most near the low end); paid over the last 2 years;
//              3% refunded
//   events     page_view 50%, added_to_cart 40%, checkout 10%, over the last 60 days
//   NPS        one answer for every 10th customer over the last 180 days
import type { Database } from "../core/db/database.ts";

export interface StoreSize {
  customers: number;
  orders: number;
  events: number;
}

/** u(i, salt) in [0, 1): a deterministic hash of (i, salt). */
const u = (i: string, salt: number) => `((hashint8(${i}::bigint * 7919 + ${salt}) & 2147483647)::float8 / 2147483648.0)`;

export async function generateStore(db: Database, size: StoreSize, now: Date, progress: (msg: string) => void): Promise<void> {
  const at = `'${now.toISOString()}'::timestamptz`;
  const chunk = 1_000_000;
  progress(`customers: ${size.customers}`);
  await db.execScript(`
    INSERT INTO subscriber (id, telegram_id, first_name, language, consent_status, source, tags, blocked_at, created_at, updated_at)
    SELECT i, 100000000 + i, 'Customer ' || i,
           CASE WHEN ${u("i", 1)} < 0.7 THEN 'en' ELSE 'ru' END,
           (CASE WHEN ${u("i", 2)} < 0.70 THEN 'subscribed' WHEN ${u("i", 2)} < 0.75 THEN 'pending'
                 WHEN ${u("i", 2)} < 0.85 THEN 'unsubscribed' ELSE 'none' END)::"ConsentStatus",
           (ARRAY['instagram_bio','qr_store','facebook_ads','google_ads','partner_blog','newsletter','tiktok','referral'])[1 + floor(${u("i", 3)} * 8)::int],
           CASE WHEN ${u("i", 4)} < 0.02 THEN ARRAY['vip'] ELSE ARRAY[]::text[] END,
           CASE WHEN ${u("i", 5)} < 0.03 THEN ${at} - interval '10 days' * ${u("i", 6)} END,
           ${at} - interval '1095 days' * ${u("i", 7)}, ${at}
      FROM generate_series(1, ${size.customers}) AS i;
    SELECT setval('subscriber_id_seq', ${size.customers});`);
  // Orders are generated into a staging table, then stored with each customer's chain of paid orders
  // (prev_paid_at / next_paid_at, second_paid) in one statement: the chain triggers would relink every
  // customer again for each chunk, and the daily rollup's triggers would mark every order (generated
  // orders are in the past); the bench then builds the rollup as its job's first run does.
  await db.execScript(`CREATE UNLOGGED TABLE bench_order_staging (LIKE "order" INCLUDING DEFAULTS);`);
  for (let start = 1; start <= size.orders; start += chunk) {
    const end = Math.min(size.orders, start + chunk - 1);
    progress(`orders: ${end} / ${size.orders}`);
    await db.execScript(`
      INSERT INTO bench_order_staging (id, subscriber_id, idempotency_key, amount, currency, status, paid_at, refunded_at, created_at)
      SELECT i, 1 + floor(${Math.floor(size.customers * 0.6)} * power(${u("i", 11)}, 3))::int, 'o' || i,
             round((20 + 400 * power(${u("i", 12)}, 2))::numeric, 2), 'USD',
             (CASE WHEN ${u("i", 13)} < 0.03 THEN 'refunded' ELSE 'paid' END)::"OrderStatus",
             ${at} - interval '730 days' * ${u("i", 14)},
             CASE WHEN ${u("i", 13)} < 0.03 THEN ${at} - interval '730 days' * ${u("i", 14)} + interval '3 days' END, ${at}
        FROM generate_series(${start}, ${end}) AS i;`);
  }
  progress("orders: storing them with each customer's chain of paid orders");
  await db.execScript(`
    ALTER TABLE "order" DISABLE TRIGGER USER;
    INSERT INTO "order" (id, subscriber_id, idempotency_key, amount, currency, status, paid_at, refunded_at, created_at, prev_paid_at, next_paid_at, second_paid)
    SELECT id, subscriber_id, idempotency_key, amount, currency, status, paid_at, refunded_at, created_at,
           CASE WHEN status = 'paid' THEN lag(paid_at) OVER w END, CASE WHEN status = 'paid' THEN lead(paid_at) OVER w END,
           status = 'paid' AND row_number() OVER w = 2
      FROM bench_order_staging
    WINDOW w AS (PARTITION BY subscriber_id, status ORDER BY paid_at, id);
    ALTER TABLE "order" ENABLE TRIGGER USER;
    DROP TABLE bench_order_staging;
    SELECT setval('order_id_seq', ${size.orders});`);
  for (let start = 1; start <= size.events; start += chunk) {
    const end = Math.min(size.events, start + chunk - 1);
    progress(`events: ${end} / ${size.events}`);
    await db.execScript(`
      INSERT INTO event (subscriber_id, type, properties, occurred_at, idempotency_key, created_at)
      SELECT 1 + floor(${size.customers} * power(${u("i", 21)}, 2))::int,
             CASE WHEN ${u("i", 22)} < 0.5 THEN 'page_view' WHEN ${u("i", 22)} < 0.9 THEN 'added_to_cart' ELSE 'checkout' END,
             jsonb_build_object('value', round((10 + 300 * ${u("i", 23)})::numeric, 2)),
             ${at} - interval '60 days' * ${u("i", 24)}, 'e' || i, ${at}
        FROM generate_series(${start}, ${end}) AS i;`);
  }
  progress("NPS answers");
  await db.execScript(`
    INSERT INTO survey_response (subscriber_id, survey_id, kind, score, answered_at)
    SELECT i, 'nps-bench', 'nps', floor(11 * power(${u("i", 31)}, 0.6))::int, ${at} - interval '180 days' * ${u("i", 32)}
      FROM generate_series(10, ${size.customers}, 10) AS i;
    INSERT INTO consent_record (subscriber_id, status, at)
    SELECT id, 'subscribed', created_at FROM subscriber WHERE consent_status IN ('subscribed', 'unsubscribed');
    INSERT INTO consent_record (subscriber_id, status, at)
    SELECT id, 'unsubscribed', created_at + (${at} - created_at) * ${u("id", 41)} FROM subscriber WHERE consent_status = 'unsubscribed';
    INSERT INTO acquisition_spend (source, period_start, period_end, amount, contacted, created_by, created_at)
    SELECT src, date '2026-11-01', date '2026-11-30', 5000, 20000, 'demo data', ${at}
      FROM unnest(ARRAY['instagram_bio','qr_store','facebook_ads','google_ads']) AS src;
    ANALYZE;`);
}
