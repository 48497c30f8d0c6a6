// Acquisition per source from hand-computed people: the source of a confirmation comes from the
// people created in the period or, for someone created earlier, from their row; a confirmation
// counts as acquired only without an earlier one, whenever the person was created.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FakeClock } from "../../test/support/clock.ts";
import { testCoreDeps, type TestCoreDeps } from "../../test/support/core-deps.ts";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../../test/support/databases.ts";
import { acquisitionBySource } from "./acquisition.ts";

describe.each(DATABASE_KINDS)("acquisition by source on %s", (kind) => {
  let database: TestDatabase;
  let deps: TestCoreDeps;
  const week = { from: new Date("2026-11-16T00:00:00Z"), to: new Date("2026-11-23T00:00:00Z") };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    deps = testCoreDeps(database, new FakeClock("2026-11-24T10:00:00Z"));
    await database.db.execScript(`
      INSERT INTO subscriber (id, telegram_id, source, created_at) VALUES
        (101, 1001, 'a', '2026-11-17T09:00:00Z'),  -- new in the week, confirms in it: acquired
        (102, 1002, 'a', '2026-10-01T09:00:00Z'),  -- created before, first confirmation in the week: acquired
        (103, 1003, 'b', '2026-10-01T09:00:00Z'),  -- confirmed before, again in the week: arrived, not acquired
        (104, 1004, NULL, '2026-11-18T09:00:00Z'), -- no source: counted nowhere
        (105, NULL, 'b', '2026-11-19T09:00:00Z'),  -- opened the bot (a Telegram consent record), never confirmed: arrived
        (106, NULL, 'b', '2026-11-20T09:00:00Z'),  -- an imported shop prospect: neither
        (107, 1007, 'c', '2026-11-20T09:00:00Z'),  -- opened the bot, never confirmed: arrived
        (108, 1008, 'a', '2026-11-21T09:00:00Z'),  -- new in the week, but a confirmation dated before it (merged history): not acquired
        (109, 1009, 'c', '2026-11-23T09:00:00Z');  -- after the week
      INSERT INTO consent_record (subscriber_id, status, channel, at) VALUES
        (101, 'subscribed', 'telegram', '2026-11-17T09:01:00Z'), (101, 'subscribed', 'telegram', '2026-11-18T09:01:00Z'),
        (102, 'subscribed', 'telegram', '2026-11-18T10:00:00Z'),
        (103, 'subscribed', 'telegram', '2026-10-02T10:00:00Z'), (103, 'subscribed', 'telegram', '2026-11-19T10:00:00Z'),
        (104, 'subscribed', 'telegram', '2026-11-18T09:01:00Z'),
        (105, 'pending', 'telegram', '2026-11-19T09:01:00Z'),
        (108, 'subscribed', 'telegram', '2026-11-10T10:00:00Z'), (108, 'subscribed', 'telegram', '2026-11-21T09:01:00Z'),
        (109, 'subscribed', 'telegram', '2026-11-23T09:01:00Z');
    `);
  });
  afterAll(async () => {
    await database.drop();
  });

  test("acquired and arrived per source, and for one source", async () => {
    // a: acquired 101, 102; arrived 101, 102, 108. b: arrived 103, 105. c: arrived 107.
    expect(await acquisitionBySource(deps, { period: week })).toEqual([
      { source: "a", spend: 0, acquired: 2, contacted: 3, cac: 0, acquisitionRate: 2 / 3 },
      { source: "b", spend: 0, acquired: 0, contacted: 2, cac: null, acquisitionRate: 0 },
      { source: "c", spend: 0, acquired: 0, contacted: 1, cac: null, acquisitionRate: 0 },
    ]);
    expect(await acquisitionBySource(deps, { period: week, source: "b" })).toEqual([{ source: "b", spend: 0, acquired: 0, contacted: 2, cac: null, acquisitionRate: 0 }]);
  });
});
