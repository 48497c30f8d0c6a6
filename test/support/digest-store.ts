// A small store for the weekly digest with hand-checkable answers. The team is
// in Europe/Berlin (UTC+1 in November); the digest of Monday 23 November 2026
// 09:00 covers the week 16-22 Nov = [2026-11-15T23:00Z, 2026-11-22T23:00Z),
// compared with 9-15 Nov = [2026-11-08T23:00Z, 2026-11-15T23:00Z).
//
// id name   source         joined      consent                      paid orders (UTC)                       NPS (UTC)
// 1  Ann    instagram_bio  2025-01-10  subscribed 2025-01-10        06-01 100, 09-01 100, 11-17 200           11-17: 10
// 2  Boris  instagram_bio  2026-03-01  subscribed 2026-03-01        10-01 50, 11-10 70                        11-11: 9, 11-19: 8
// 3  Cleo   qr_store       2026-11-17  subscribed 2026-11-17 (wk)   11-18 40
// 4  Dan    qr_store       2026-11-10  subscribed 2026-11-10 (prev)
// 5  Eve    -              2025-06-01  subscribed 2025-06-01        2026-05-20 80
// 6  Finn   facebook_ads   2025-06-01  subscribed 2025-06-01        07-01 30, 08-01 30, 08-20 30
// 7  Gus    -              2026-01-01  subscribed 01-01, unsubscribed 11-19 (wk)
// 8  Hana   -              2026-02-01  subscribed 02-01, blocked the bot 11-20 (wk)
// 9  Ivan   instagram_bio  2026-10-01  subscribed 2026-10-01        11-19 60                                  11-18: 3 "Delivery was slow"
// 10 Jana   qr_store       2026-09-01  subscribed 2026-09-01                                                  11-20: 5 "slow delivery, again"
// 11 Karl   -              2026-03-01  subscribed 2026-03-01                                                  11-12: 2 "Too expensive"
// 12 Lena   instagram_bio  2026-11-19  subscribed 2026-11-19 (wk)
//
// Campaign #501 "Black Friday teaser", cost 100, finished 2026-11-18: sent to
// Ann and Boris on 11-16 10:00, Dan and Jana held out.
import type { Database } from "../../core/db/database.ts";

export const DIGEST_NOW = "2026-11-23T08:00:00Z";
export const WEEK = { from: new Date("2026-11-15T23:00:00Z"), to: new Date("2026-11-22T23:00:00Z") };

export async function seedDigestStore(db: Database): Promise<void> {
  await db.execScript(`
    INSERT INTO subscriber (id, telegram_id, first_name, source, language, consent_status, consent_at, unsubscribed_at, blocked_at, created_at) VALUES
      (1, 2001, 'Ann',   'instagram_bio', 'en', 'subscribed',   '2025-01-10T10:00:00Z', NULL, NULL, '2025-01-10T10:00:00Z'),
      (2, 2002, 'Boris', 'instagram_bio', 'ru', 'subscribed',   '2026-03-01T10:00:00Z', NULL, NULL, '2026-03-01T10:00:00Z'),
      (3, 2003, 'Cleo',  'qr_store',      'en', 'subscribed',   '2026-11-17T10:00:00Z', NULL, NULL, '2026-11-17T09:00:00Z'),
      (4, 2004, 'Dan',   'qr_store',      'en', 'subscribed',   '2026-11-10T10:00:00Z', NULL, NULL, '2026-11-10T09:00:00Z'),
      (5, 2005, 'Eve',   NULL,            'en', 'subscribed',   '2025-06-01T10:00:00Z', NULL, NULL, '2025-06-01T09:00:00Z'),
      (6, 2006, 'Finn',  'facebook_ads',  'en', 'subscribed',   '2025-06-01T10:00:00Z', NULL, NULL, '2025-06-01T09:00:00Z'),
      (7, 2007, 'Gus',   NULL,            'en', 'unsubscribed', '2026-01-01T10:00:00Z', '2026-11-19T10:00:00Z', NULL, '2026-01-01T09:00:00Z'),
      (8, 2008, 'Hana',  NULL,            'en', 'subscribed',   '2026-02-01T10:00:00Z', NULL, '2026-11-20T10:00:00Z', '2026-02-01T09:00:00Z'),
      (9, 2009, 'Ivan',  'instagram_bio', 'ru', 'subscribed',   '2026-10-01T10:00:00Z', NULL, NULL, '2026-10-01T09:00:00Z'),
      (10, 2010, 'Jana', 'qr_store',      'ru', 'subscribed',   '2026-09-01T10:00:00Z', NULL, NULL, '2026-09-01T09:00:00Z'),
      (11, 2011, 'Karl', NULL,            'en', 'subscribed',   '2026-03-01T10:00:00Z', NULL, NULL, '2026-03-01T09:00:00Z'),
      (12, 2012, 'Lena', 'instagram_bio', 'en', 'subscribed',   '2026-11-19T10:00:00Z', NULL, NULL, '2026-11-19T09:00:00Z');
    SELECT setval('subscriber_id_seq', 100);
    INSERT INTO consent_record (subscriber_id, status, at) VALUES
      (1, 'subscribed', '2025-01-10T10:00:00Z'), (2, 'subscribed', '2026-03-01T10:00:00Z'), (3, 'subscribed', '2026-11-17T10:00:00Z'),
      (4, 'subscribed', '2026-11-10T10:00:00Z'), (5, 'subscribed', '2025-06-01T10:00:00Z'), (6, 'subscribed', '2025-06-01T10:00:00Z'),
      (7, 'subscribed', '2026-01-01T10:00:00Z'), (7, 'unsubscribed', '2026-11-19T10:00:00Z'), (8, 'subscribed', '2026-02-01T10:00:00Z'),
      (9, 'subscribed', '2026-10-01T10:00:00Z'), (10, 'subscribed', '2026-09-01T10:00:00Z'), (11, 'subscribed', '2026-03-01T10:00:00Z'),
      (12, 'subscribed', '2026-11-19T10:00:00Z');
    INSERT INTO "order" (subscriber_id, idempotency_key, amount, status, paid_at) VALUES
      (1, 'ann-1', 100, 'paid', '2026-06-01T12:00:00Z'), (1, 'ann-2', 100, 'paid', '2026-09-01T12:00:00Z'), (1, 'ann-3', 200, 'paid', '2026-11-17T12:00:00Z'),
      (2, 'boris-1', 50, 'paid', '2026-10-01T12:00:00Z'), (2, 'boris-2', 70, 'paid', '2026-11-10T12:00:00Z'),
      (3, 'cleo-1', 40, 'paid', '2026-11-18T12:00:00Z'),
      (5, 'eve-1', 80, 'paid', '2026-05-20T12:00:00Z'),
      (6, 'finn-1', 30, 'paid', '2026-07-01T12:00:00Z'), (6, 'finn-2', 30, 'paid', '2026-08-01T12:00:00Z'), (6, 'finn-3', 30, 'paid', '2026-08-20T12:00:00Z'),
      (9, 'ivan-1', 60, 'paid', '2026-11-19T12:00:00Z');
    INSERT INTO survey_response (subscriber_id, survey_id, kind, score, comment, answered_at) VALUES
      (1, 'nps', 'nps', 10, NULL, '2026-11-17T15:00:00Z'),
      (2, 'nps', 'nps', 9, NULL, '2026-11-11T15:00:00Z'), (2, 'nps', 'nps', 8, NULL, '2026-11-19T15:00:00Z'),
      (9, 'nps', 'nps', 3, 'Delivery was slow', '2026-11-18T15:00:00Z'),
      (10, 'nps', 'nps', 5, 'slow delivery, again', '2026-11-20T15:00:00Z'),
      (11, 'nps', 'nps', 2, 'Too expensive', '2026-11-12T15:00:00Z');
    INSERT INTO campaign (id, name, status, segment_text, segment, send_at, materialize_at, holdout_percent, cost, created_by, finished_at)
    VALUES (501, 'Black Friday teaser', 'completed', 'everyone', '{"version":1,"where":{"kind":"everyone"}}', '2026-11-16T10:00:00Z',
            '2026-11-16T10:00:00Z', 50, 100, 'U0MARKETER', '2026-11-18T09:00:00Z');
    SELECT setval('campaign_id_seq', 600);
    INSERT INTO delivery (campaign_id, subscriber_id, variant, status, not_before, sent_at) VALUES
      (501, 1, 'A', 'sent', '2026-11-16T10:00:00Z', '2026-11-16T10:00:00Z'), (501, 2, 'A', 'sent', '2026-11-16T10:00:00Z', '2026-11-16T10:00:00Z'),
      (501, 4, 'H', 'held_out', '2026-11-16T10:00:00Z', NULL), (501, 10, 'H', 'held_out', '2026-11-16T10:00:00Z', NULL);
  `);
}
