// Acquisition spend: the words of /spend, entries from the team and from a
// CSV, and the CAC and acquisition rate they give on the small store.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FakeClock } from "../../test/support/clock.ts";
import { testCoreDeps, type TestCoreDeps } from "../../test/support/core-deps.ts";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../../test/support/databases.ts";
import { seedSmallStore, SMALL_STORE_NOW } from "../../test/support/small-store.ts";
import { openDatabase } from "../db/database.ts";
import { importCsv } from "../events/import-csv.ts";
import { offlineCoreDeps } from "../offline-deps.ts";
import { refreshCustomerStats } from "../segments/customer-stats.ts";
import { acquisitionBySource } from "./acquisition.ts";
import { deleteAcquisitionSpend, listAcquisitionSpend, recordAcquisitionSpend } from "./acquisition-spend.ts";
import { keyFigures } from "./key-figures.ts";
import { calendarPeriod } from "./period.ts";
import { parseSpendText } from "./spend-text.ts";

const FIXTURES = path.resolve(import.meta.dirname, "../../test/fixtures/csv");
const ROOT = path.resolve(import.meta.dirname, "../..");
const now = new Date(SMALL_STORE_NOW); // Monday 23 November 2026, 11:00 in Berlin
const parse = (text: string) => parseSpendText(text, now, "Europe/Berlin");

describe("the words of /spend", () => {
  test("source, amount, period and reach, in English and Russian", () => {
    expect(parse("instagram_bio 8000 november reach 5000")).toEqual({
      kind: "record",
      spend: { source: "instagram_bio", amount: 8000, from: "2026-11-01", to: "2026-11-30", contacted: 5000 },
    });
    // A calendar unit covers all its days, the rest of this week too; thousands may be spaced, decimals with a comma.
    expect(parse("qr_store 8 000,50 за эту неделю охват 1200")).toEqual({
      kind: "record",
      spend: { source: "qr_store", amount: 8000.5, from: "2026-11-23", to: "2026-11-29", contacted: 1200 },
    });
    expect(parse("tv 120.5 last quarter")).toEqual({ kind: "record", spend: { source: "tv", amount: 120.5, from: "2026-07-01", to: "2026-09-30" } });
    expect(parse("list")).toEqual({ kind: "list" });
    expect(parse("список в октябре")).toMatchObject({ kind: "list", period: { from: new Date("2026-09-30T22:00:00Z"), to: new Date("2026-10-31T23:00:00Z") } });
    expect(parse("delete #12")).toEqual({ kind: "delete", id: 12 });
    expect(parse("удалить 7")).toEqual({ kind: "delete", id: 7 });
    expect(parse("")).toEqual({ kind: "help" });
  });

  test("what it cannot read, it says why", () => {
    const reason = (text: string) => {
      try {
        parse(text);
      } catch (err) {
        return [(err as { code: string }).code, (err as { details: { reason?: string; text?: string } }).details.reason ?? (err as Error).message];
      }
      return null;
    };
    expect(reason("instagram_bio eight thousand november")).toEqual(["invalid_spend_text", "bad_amount"]);
    expect(reason("instagram_bio 8000")).toEqual(["invalid_spend_text", "missing_period"]);
    expect(reason("instagram_bio 8000 november reach lots")).toEqual(["invalid_spend_text", "bad_reach"]);
    expect(reason("delete last")).toEqual(["invalid_spend_text", "bad_id"]);
    expect(reason("insta/gram 8000 november")).toEqual(["invalid_spend_text", "missing_source"]);
    expect(reason("instagram_bio 8000 someday")).toEqual(["unknown_period", 'I don\'t know the period "someday"']);
  });
});

describe.each(DATABASE_KINDS)("acquisition spend on %s", (kind) => {
  let database: TestDatabase;
  let deps: TestCoreDeps;
  const lastWeek = calendarPeriod("week", now, "Europe/Berlin", -1);
  const november = { ...calendarPeriod("month", now, "Europe/Berlin"), calendar: { unit: "month" as const, timezone: "Europe/Berlin" } };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    deps = testCoreDeps(database, new FakeClock(SMALL_STORE_NOW));
    await seedSmallStore(database.db);
    await refreshCustomerStats(deps);
  });
  afterAll(async () => {
    await database.drop();
  });

  test("without spend entered, CAC has no value and says how to enter it", async () => {
    const cac = (await keyFigures(deps, { period: november })).figures.find((f) => f.key === "cac")!;
    expect([cac.value, cac.hint]).toEqual([null, "metric-cac-no-spend"]);
    expect(deps.translator.t("en", cac.hint!)).toBe("no spend entered: `/spend SOURCE AMOUNT PERIOD` or `npm run import -- spend.csv`");
  });

  test("imported shop prospects do not dilute a source's acquisition rate", async () => {
    // November so far, instagram_bio: Finn (11-21) was imported from the shop, never opened the bot; erased Hana
    // subscribed long ago. Two people open the bot from the link this month, one of them confirms.
    await database.db.execScript(`
      INSERT INTO subscriber (id, telegram_id, first_name, source, consent_status, created_at) VALUES
        (20, 3020, 'Ola', 'instagram_bio', 'subscribed', '2026-11-10T09:00:00Z'), (21, 3021, 'Pia', 'instagram_bio', 'pending', '2026-11-12T09:00:00Z');
      INSERT INTO consent_record (subscriber_id, status, at) VALUES (20, 'pending', '2026-11-10T09:00:00Z'), (20, 'subscribed', '2026-11-10T09:01:00Z'),
        (21, 'pending', '2026-11-12T09:00:00Z');
    `);
    // The shop's customer list is imported today: three more instagram_bio prospects.
    const csv = "email,first_name,source\nq1@example.com,Q1,instagram_bio\nq2@example.com,Q2,instagram_bio\nq3@example.com,Q3,instagram_bio\n";
    expect(await importCsv(deps, { input: Readable.from([csv]), reject: () => undefined })).toMatchObject({ kind: "customers", stored: 3 });
    expect(await database.db.prisma.subscriber.count({ where: { source: "instagram_bio", createdAt: { gte: november.from } } })).toBe(6);
    const ig = (await acquisitionBySource(deps, { period: { ...november, to: now }, source: "instagram_bio" }))[0]!;
    // 1 acquired (Ola) of the 2 who opened the bot (Ola, Pia): 50%, not 1 of 6 with Finn and the imported three.
    expect([ig.acquired, ig.contacted, ig.acquisitionRate]).toEqual([1, 2, 0.5]);
  });

  test("spend from the CSV, then from the team: CAC and rate, listed, corrected and deleted, every change audited", async () => {
    const rejects: string[] = [];
    const imported = await importCsv(deps, { input: fs.createReadStream(path.join(FIXTURES, "spend.csv")), reject: (l) => rejects.push(l) });
    expect(imported).toMatchObject({ kind: "spend", rows: 4, stored: 2, duplicates: 0, rejected: 2 });
    expect(rejects.slice(1)).toEqual(["4,to: the last day must not be before the first,tv,2026-11-30,2026-11-01,50,", "5,amount: expected an amount such as 8000 or 8000.50,radio,2026-11-01,2026-11-30,lots,"]);
    // Twice: nothing new.
    expect(await importCsv(deps, { input: fs.createReadStream(path.join(FIXTURES, "spend.csv")), reject: () => undefined })).toMatchObject({ stored: 0, duplicates: 2 });
    // Last week: instagram_bio 3000 over 30 days -> 700 for 7, reach 1500 x 7/30 = 350; qr_store 200, no reach -> the
    // people who opened the bot from it that week: nobody. Nobody acquired: CAC undefined, rates 0 of 350 and none.
    expect(await acquisitionBySource(deps, { period: lastWeek })).toEqual([
      { source: "instagram_bio", spend: 700, acquired: 0, contacted: 350, cac: null, acquisitionRate: 0 },
      { source: "qr_store", spend: 200, acquired: 0, contacted: 0, cac: null, acquisitionRate: null },
    ]);
    // November so far (1-23 Nov, 11:00): instagram_bio 3000 x 22.46/30 days, Ola acquired; CAC = that spend / 1.
    const share = (new Date(SMALL_STORE_NOW).getTime() - new Date("2026-10-31T23:00:00Z").getTime()) / (30 * 86_400_000);
    const k = await keyFigures(deps, { period: { ...november, to: now } });
    const cac = k.figures.find((f) => f.key === "cac")!;
    expect(cac.value).toBeCloseTo(3000 * share + 200, 2);
    expect(cac.currency).toBe("USD");
    expect(cac.hint).toBeUndefined();

    // The team corrects qr_store from Slack's words and enters the reach: the same source and days, one entry.
    const entry = parse("qr_store 300 last week reach 40");
    expect(entry.kind).toBe("record");
    if (entry.kind !== "record") return;
    const saved = await recordAcquisitionSpend(deps, { ...entry.spend, actor: "U0MARKETER" });
    expect(saved).toMatchObject({ source: "qr_store", from: "2026-11-16", to: "2026-11-22", amount: 300, contacted: 40 });
    const listed = await listAcquisitionSpend(deps, { period: lastWeek });
    expect(listed.map((e) => [e.source, e.from, e.to, e.amount, e.contacted, e.createdBy])).toEqual([
      ["qr_store", "2026-11-16", "2026-11-22", 300, 40, "U0MARKETER"],
      ["instagram_bio", "2026-11-01", "2026-11-30", 3000, 1500, "import:csv"],
    ]);
    const deleted = await deleteAcquisitionSpend(deps, { id: saved.id, actor: "U0MARKETER" });
    expect(deleted.source).toBe("qr_store");
    await expect(deleteAcquisitionSpend(deps, { id: saved.id, actor: "U0MARKETER" })).rejects.toThrow(`Spend entry ${saved.id} was not found`);
    const audit = await database.db.prisma.auditLog.findMany({ where: { action: { startsWith: "acquisition." } }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.actor, a.action, a.target])).toEqual([
      ["import:csv", "acquisition.spend", "instagram_bio"],
      ["import:csv", "acquisition.spend", "qr_store"],
      ["U0MARKETER", "acquisition.spend", "qr_store"],
      ["U0MARKETER", "acquisition.spend_deleted", "qr_store"],
    ]);
  });
});

describe("npm run import -- spend.csv", () => {
  test("imports the history into the configured database and reports the rejected rows", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chatloop-spend-"));
    const file = path.join(dir, "spend.csv");
    fs.copyFileSync(path.join(FIXTURES, "spend.csv"), file);
    const env: Record<string, string> = { ...(process.env as Record<string, string>), LOG_LEVEL: "silent", DATABASE_URL: "", DATA_DIR: path.join(dir, "data"), TZ_TEAM: "Europe/Berlin" };
    const result = await promisify(execFile)("npx", ["tsx", "bot/import-csv.ts", file], { cwd: ROOT, env }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(`Imported spend from ${file}: 4 rows in `);
    expect(result.stdout).toContain("2 stored, 0 already there, 0 updated (refunds), 2 rejected.");
    const db = await openDatabase({ dataDir: path.join(dir, "data") });
    try {
      const deps = offlineCoreDeps(db, { clock: { now: () => now }, teamTimezone: "Europe/Berlin" });
      // The week of 16-22 Nov: 700 + 200 spent, nobody acquired yet in this empty database.
      const sources = await acquisitionBySource(deps, { period: calendarPeriod("week", now, "Europe/Berlin", -1) });
      expect(sources.map((s) => [s.source, s.spend])).toEqual([["instagram_bio", 700], ["qr_store", 200]]);
    } finally {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
