// A small store with hand-checkable answers, seen on 2026-11-23 10:00 UTC
// (a Monday). The expected segment and metric figures in the tests are worked
// out from this table by hand.
//
// id name  source         lang consent       blocked tags  joined      paid orders (date amount)               other
// 1  Ann   instagram_bio  en   subscribed    -       vip   2025-01-10  2025-12-01 250, 2026-02-01 100,         NPS 10
//                                                                      2026-06-15 150, 2026-10-01 200, 2026-11-20 300
// 2  Boris instagram_bio  ru   subscribed    -       -     2026-03-01  2026-09-01 40, 2026-11-10 80           NPS 9 then 6; cart 11-11 (value "95.5")
// 3  Cleo  qr_store       en   subscribed    yes     -     2026-11-01  2026-11-22 0 (a free sample)          NPS 8; cart 11-21 12:00 (value 30)
// 4  Dan   qr_store       ru   unsubscribed  -       -     2025-03-01  2026-01-15 70                          NPS 3
// 5  Eve   -              en   pending       -       vip   2025-02-01  2025-04-01, 05-01, 06-01: 500 each     CSAT 5 (not NPS)
// 6  Finn  instagram_bio  en   none          -       -     2026-11-21  -                                      cart 11-22 (value 120)
// 7  Gus   -              en   subscribed    -       -     2026-11-15  2026-11-22 90, refunded 11-23
// 8  Hana  instagram_bio  en   subscribed    -       -     2026-01-01  2026-11-01 999                         erased; NPS 10
import type { Database } from "../../core/db/database.ts";

export const SMALL_STORE_NOW = "2026-11-23T10:00:00Z";

export async function seedSmallStore(db: Database): Promise<void> {
  await db.execScript(`
    INSERT INTO subscriber (id, telegram_id, first_name, source, language, consent_status, blocked_at, tags, created_at, erased_at, email) VALUES
      (1, 1001, 'Ann',   'instagram_bio', 'en', 'subscribed',   NULL,                   ARRAY['vip'], '2025-01-10T09:00:00Z', NULL, 'ann@example.com'),
      (2, 1002, 'Boris', 'instagram_bio', 'ru', 'subscribed',   NULL,                   ARRAY[]::text[], '2026-03-01T09:00:00Z', NULL, NULL),
      (3, 1003, 'Cleo',  'qr_store',      'en', 'subscribed',   '2026-11-22T20:00:00Z', ARRAY[]::text[], '2026-11-01T09:00:00Z', NULL, NULL),
      (4, 1004, 'Dan',   'qr_store',      'ru', 'unsubscribed', NULL,                   ARRAY[]::text[], '2025-03-01T09:00:00Z', NULL, NULL),
      (5, 1005, 'Eve',   NULL,            'en', 'pending',      NULL,                   ARRAY['vip'], '2025-02-01T09:00:00Z', NULL, NULL),
      (6, NULL, 'Finn',  'instagram_bio', 'en', 'none',         NULL,                   ARRAY[]::text[], '2026-11-21T09:00:00Z', NULL, 'finn@example.com'),
      (7, 1007, 'Gus',   NULL,            'en', 'subscribed',   NULL,                   ARRAY[]::text[], '2026-11-15T09:00:00Z', NULL, NULL),
      (8, NULL, NULL,    'instagram_bio', 'en', 'subscribed',   NULL,                   ARRAY[]::text[], '2026-01-01T09:00:00Z', '2026-11-10T00:00:00Z', NULL);
    SELECT setval('subscriber_id_seq', 100);
    INSERT INTO "order" (subscriber_id, idempotency_key, amount, status, paid_at, refunded_at) VALUES
      (1, 'a1', 250, 'paid', '2025-12-01T12:00:00Z', NULL), (1, 'a2', 100, 'paid', '2026-02-01T12:00:00Z', NULL),
      (1, 'a3', 150, 'paid', '2026-06-15T12:00:00Z', NULL), (1, 'a4', 200, 'paid', '2026-10-01T12:00:00Z', NULL),
      (1, 'a5', 300, 'paid', '2026-11-20T12:00:00Z', NULL),
      (2, 'b1', 40, 'paid', '2026-09-01T12:00:00Z', NULL), (2, 'b2', 80, 'paid', '2026-11-10T12:00:00Z', NULL),
      (3, 'c1', 0, 'paid', '2026-11-22T12:00:00Z', NULL),
      (4, 'd1', 70, 'paid', '2026-01-15T12:00:00Z', NULL),
      (5, 'e1', 500, 'paid', '2025-04-01T12:00:00Z', NULL), (5, 'e2', 500, 'paid', '2025-05-01T12:00:00Z', NULL),
      (5, 'e3', 500, 'paid', '2025-06-01T12:00:00Z', NULL),
      (7, 'g1', 90, 'refunded', '2026-11-22T12:00:00Z', '2026-11-23T08:00:00Z'),
      (8, 'h1', 999, 'paid', '2026-11-01T12:00:00Z', NULL);
    INSERT INTO event (subscriber_id, type, properties, occurred_at, idempotency_key) VALUES
      (2, 'added_to_cart', '{"value": "95.5"}', '2026-11-11T12:00:00Z', 'ev-b'),
      (3, 'added_to_cart', '{"value": 30}', '2026-11-21T12:00:00Z', 'ev-c'),
      (6, 'added_to_cart', '{"value": 120}', '2026-11-22T12:00:00Z', 'ev-f');
    INSERT INTO survey_response (subscriber_id, survey_id, kind, score, answered_at) VALUES
      (1, 'nps-q4', 'nps', 10, '2026-11-01T12:00:00Z'),
      (2, 'nps-q3', 'nps', 9, '2026-08-01T12:00:00Z'), (2, 'nps-q4', 'nps', 6, '2026-11-02T12:00:00Z'),
      (3, 'nps-q4', 'nps', 8, '2026-11-03T12:00:00Z'),
      (4, 'nps-q4', 'nps', 3, '2026-11-04T12:00:00Z'),
      (5, 'csat-1', 'csat', 5, '2026-11-05T12:00:00Z'),
      (8, 'nps-q4', 'nps', 10, '2026-11-05T12:00:00Z');
  `);
}
