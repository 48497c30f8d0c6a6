// The broadcast survives SIGKILL: the product (npm start's bot/main.ts in its
// own process) is killed in the middle of a 10 000-message campaign, started
// again, and every recipient ends up with the message - at most the few sends
// that were in flight at the kill go out twice (one per concurrent send slot).
// And two instances on one PostgreSQL server share a broadcast with no duplicates.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openDatabase, type Database } from "../../core/db/database.ts";
import { migrate } from "../../core/db/migrate.ts";
import { spawnProduct, type ChildProduct } from "../support/child-product.ts";
import { createPostgresDatabase, dropPostgresDatabase } from "../support/databases.ts";
import { createManyCustomers } from "../support/factories.ts";
import { FakeTelegram } from "../support/fake-telegram.ts";

const RECIPIENTS = 10_000;
const CONCURRENCY = 8;

async function prepare(db: Database): Promise<void> {
  await migrate(db);
  await createManyCustomers(db, RECIPIENTS, 5_000_000);
  await db.prisma.campaign.create({
    data: {
      name: "Crash test",
      status: "scheduled",
      segmentText: "everyone",
      segment: { version: 1, where: { kind: "everyone" } },
      message: { A: { text: "Hello {first_name}" } },
      sendAt: new Date(Date.now() - 60_000),
      materializeAt: new Date(Date.now() - 60_000),
      createdBy: "test",
    },
  });
}

function productEnv(tg: FakeTelegram, database: Record<string, string>) {
  return {
    TELEGRAM_BOT_TOKEN: tg.token,
    TELEGRAM_API_ROOT: tg.apiRoot,
    PORT: "0",
    QUIET_HOURS: "off",
    DELIVERY_RATE: "5000",
    DELIVERY_CONCURRENCY: String(CONCURRENCY),
    LOG_LEVEL: "warn",
    ...database,
  };
}

/** Distinct chats that got at least one message, and the total number of messages. */
function tally(tg: FakeTelegram) {
  const perChat = new Map<number, number>();
  for (const c of tg.callsOf("sendMessage")) perChat.set(Number(c.params.chat_id), (perChat.get(Number(c.params.chat_id)) ?? 0) + 1);
  return { chats: perChat.size, messages: [...perChat.values()].reduce((a, b) => a + b, 0) };
}

async function waitUntil(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function stop(product: ChildProduct): Promise<void> {
  product.process.kill("SIGTERM");
  const { code } = await product.exited;
  expect(code).toBe(0);
}

describe.each(["pglite", "postgres"] as const)("delivery crash safety on %s", (kind) => {
  let tg: FakeTelegram;
  let dataDir: string;
  let pg: { name: string; url: string } | undefined;

  beforeAll(async () => {
    tg = await new FakeTelegram().start();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "chatloop-crash-"));
    if (kind === "postgres") pg = await createPostgresDatabase();
    const db = await openDatabase(pg ? { url: pg.url } : { dataDir });
    await prepare(db);
    await db.close();
  }, 120_000);

  afterAll(async () => {
    await tg.stop();
    if (pg) await dropPostgresDatabase(pg.name);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test("SIGKILL in the middle of a 10 000-message broadcast, restart: everyone messaged, duplicates only from in-flight sends", async () => {
    const env = productEnv(tg, pg ? { DATABASE_URL: pg.url } : { DATA_DIR: dataDir });
    const first = spawnProduct(env);
    await waitUntil(() => tally(tg).messages >= 2_500, 120_000, "a quarter of the broadcast");
    first.process.kill("SIGKILL");
    await first.exited;
    const atKill = tally(tg);
    expect(atKill.chats).toBeLessThan(RECIPIENTS);

    const second = spawnProduct(env);
    await waitUntil(() => tally(tg).chats >= RECIPIENTS, 180_000, "every recipient");
    await stop(second);

    const final = tally(tg);
    expect(final.chats).toBe(RECIPIENTS);
    const duplicates = final.messages - final.chats;
    expect(duplicates).toBeLessThanOrEqual(CONCURRENCY);

    const db = await openDatabase(pg ? { url: pg.url } : { dataDir });
    const rows = await db.prisma.delivery.groupBy({ by: ["status"], _count: true });
    const campaign = await db.prisma.campaign.findFirstOrThrow();
    await db.close();
    expect(rows.map((r) => [r.status, r._count])).toEqual([["sent", RECIPIENTS]]);
    expect(campaign.status).toBe("completed");
  }, 400_000);
});

describe("two instances on one PostgreSQL server", () => {
  let tg: FakeTelegram;
  let pg: { name: string; url: string };
  beforeAll(async () => {
    tg = await new FakeTelegram().start();
    pg = await createPostgresDatabase();
    const db = await openDatabase({ url: pg.url });
    await prepare(db);
    await db.close();
  }, 120_000);
  afterAll(async () => {
    await tg.stop();
    await dropPostgresDatabase(pg.name);
  });

  test("share one broadcast with no message sent twice", async () => {
    const env = productEnv(tg, { DATABASE_URL: pg.url, DELIVERY_RATE: "2000" });
    const a = spawnProduct(env);
    const b = spawnProduct(env);
    await waitUntil(() => tally(tg).chats >= RECIPIENTS, 180_000, "every recipient");
    await Promise.all([stop(a), stop(b)]);
    const final = tally(tg);
    expect(final).toEqual({ chats: RECIPIENTS, messages: RECIPIENTS });
    const db = await openDatabase({ url: pg.url });
    const sent = await db.prisma.delivery.count({ where: { status: "sent" } });
    await db.close();
    expect(sent).toBe(RECIPIENTS);
  }, 400_000);
});
