// npm run backup / npm run restore, as an operator runs them: an embedded
// database dumped to a file and loaded into a PostgreSQL server (the move to a
// server) and into a new embedded one, with every table's rows intact.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { tablesInDependencyOrder } from "../../core/backup/backup.ts";
import { openDatabase, type Database } from "../../core/db/database.ts";
import { migrate } from "../../core/db/migrate.ts";
import { PROJECT_ROOT } from "../support/child-product.ts";
import { createPostgresDatabase, dropPostgresDatabase } from "../support/databases.ts";
import { createCustomers, createManyCustomers } from "../support/factories.ts";

const run = promisify(execFile);

function npmScript(script: string, args: string[], env: Record<string, string>) {
  return run(process.execPath, ["--import", "tsx", path.join(PROJECT_ROOT, "scripts", `${script}.ts`), ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATABASE_URL: "", ...env },
  });
}

async function rowCounts(db: Database): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of await tablesInDependencyOrder(db)) {
    const r = await db.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${t}"`);
    counts[t] = r[0]!.n;
  }
  return counts;
}

describe("backup and restore", () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "chatloop-backup-"));
  const source = path.join(work, "source");
  const file = path.join(work, "backup.jsonl.gz");
  let pg: { name: string; url: string };
  let expected: Record<string, number>;

  beforeAll(async () => {
    const db = await openDatabase({ dataDir: source });
    await migrate(db);
    const [ann, bob] = await createCustomers(db, [
      { telegramId: 1, firstName: "Ann", tags: ["vip", "boots"], timezone: "Europe/Berlin" },
      { telegramId: 2, firstName: "Борис", language: "ru", consent: "unsubscribed" },
    ]);
    await createManyCustomers(db, 2500, 10_000, { tag: "bulk" });
    await db.prisma.consentRecord.create({ data: { subscriberId: ann!, status: "subscribed", text: "May we send you offers?", at: new Date("2026-11-01T10:00:00Z") } });
    await db.prisma.event.create({ data: { subscriberId: ann!, type: "added_to_cart", properties: { items: [{ name: "Boots", price: 120.5 }] }, occurredAt: new Date("2026-11-02T10:00:00Z"), idempotencyKey: "e1" } });
    await db.prisma.order.create({ data: { subscriberId: bob!, amount: "1234.56", items: [{ name: "Coat" }], paidAt: new Date("2026-11-03T10:00:00Z"), idempotencyKey: "o1" } });
    const campaign = await db.prisma.campaign.create({ data: { name: "Sale", segmentText: "everyone", segment: { version: 1, where: { kind: "everyone" } }, message: { A: { text: "Hi" } }, sendAt: new Date(), materializeAt: new Date(), createdBy: "U1", cost: "5000" } });
    await db.prisma.delivery.create({ data: { campaignId: campaign.id, subscriberId: ann!, status: "sent", notBefore: new Date(), sentAt: new Date(), variant: "B" } });
    expected = await rowCounts(db);
    await db.close();
    pg = await createPostgresDatabase();
  }, 120_000);

  afterAll(async () => {
    await dropPostgresDatabase(pg.name);
    fs.rmSync(work, { recursive: true, force: true });
  });

  test("npm run backup dumps the embedded database", async () => {
    const { stdout } = await npmScript("backup", [file], { DATA_DIR: source });
    const total = Object.values(expected).reduce((a, b) => a + b, 0);
    expect(stdout).toContain(`Backed up ${total} rows from ${Object.keys(expected).length} tables (embedded, ${source}) to ${file}`);
    expect(fs.statSync(file).size).toBeGreaterThan(1000);
  }, 120_000);

  test("npm run restore moves it to a PostgreSQL server with every row, value and sequence intact", async () => {
    const { stdout } = await npmScript("restore", [file], { DATABASE_URL: pg.url });
    expect(stdout).toContain("Restored");
    const db = await openDatabase({ url: pg.url });
    expect(await rowCounts(db)).toEqual(expected);
    const ann = await db.prisma.subscriber.findUniqueOrThrow({ where: { telegramId: 1n } });
    expect(ann).toMatchObject({ firstName: "Ann", tags: ["vip", "boots"], timezone: "Europe/Berlin", consentStatus: "subscribed" });
    const order = await db.prisma.order.findFirstOrThrow();
    expect(order.amount.toString()).toBe("1234.56");
    expect(order.paidAt.toISOString()).toBe("2026-11-03T10:00:00.000Z");
    const event = await db.prisma.event.findFirstOrThrow();
    expect(event.properties).toEqual({ items: [{ name: "Boots", price: 120.5 }] });
    // New rows continue after the restored ids.
    const next = await db.prisma.subscriber.create({ data: { telegramId: 999n } });
    expect(next.id).toBe(expected.subscriber! + 1);
    await db.close();
  }, 120_000);

  test("restoring into a database that has data is refused, and changes nothing", async () => {
    await expect(npmScript("restore", [file], { DATABASE_URL: pg.url })).rejects.toMatchObject({
      stderr: expect.stringContaining("Restore failed: the target database is not empty"),
    });
  }, 120_000);

  test("the same backup restores into a new embedded database", async () => {
    const target = path.join(work, "target");
    await npmScript("restore", [file], { DATA_DIR: target });
    const db = await openDatabase({ dataDir: target });
    expect(await rowCounts(db)).toEqual(expected);
    await db.close();
  }, 120_000);

  test("a second process cannot open an embedded database that is in use", async () => {
    const db = await openDatabase({ dataDir: source });
    const child = npmScript("backup", [path.join(work, "second.jsonl.gz")], { DATA_DIR: source });
    await expect(child).rejects.toMatchObject({ stderr: expect.stringContaining(`The embedded database in ${source} is in use by process ${process.pid}`) });
    await db.close();
    await expect(openDatabase({ dataDir: source }).then((d) => d.close())).resolves.toBeUndefined();
  }, 120_000);
});
