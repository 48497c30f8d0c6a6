// Webhook mode under a database outage: an update that could not be handled
// because the database was unreachable is answered 5xx, so Telegram delivers
// it again, and handled once when it comes back; a malformed update is
// logged and acknowledged (200), never redelivered in a loop.
import net from "node:net";
import { Writable } from "node:stream";
import { afterEach, describe, expect, test } from "vitest";
import { openDatabase } from "../../core/db/database.ts";
import { migrate } from "../../core/db/migrate.ts";
import { createLogger } from "../../core/logger.ts";
import { createPostgresDatabase, createTestDatabase, dropPostgresDatabase } from "../support/databases.ts";
import { startTestProduct, type TestProduct } from "../support/product.ts";

/** A TCP hop to the PostgreSQL server that a test can cut (connections reset, new ones refused) and restore. */
class CuttableLink {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.target);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on("close", () => this.sockets.delete(s));
        s.on("error", () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, "127.0.0.1", resolve));
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}

function capture() {
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
  return { logger: createLogger("info", sink), messages: () => lines.join("").split("\n").filter(Boolean).map((l) => (JSON.parse(l) as { msg: string }).msg) };
}

function startUpdate(id: number, name: string) {
  return {
    message: { message_id: 1, date: 0, chat: { id, type: "private", first_name: name }, from: { id, is_bot: false, first_name: name }, text: "/start", entities: [{ type: "bot_command", offset: 0, length: 6 }] },
  };
}

async function postRaw(p: TestProduct, body: string): Promise<number> {
  const res = await fetch(p.telegram.webhook!.url, { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "webhook-secret" }, body });
  await res.arrayBuffer();
  return res.status;
}

describe("webhook updates during a database outage", () => {
  let p: TestProduct | undefined;
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await p?.stop().catch(() => {});
    await cleanup?.().catch(() => {});
    p = undefined;
    cleanup = undefined;
  });

  test("postgres: 503 while the server is unreachable, then the redelivered update is handled once; a malformed update gets 200", async () => {
    const { name, url } = await createPostgresDatabase();
    const target = new URL(url);
    const link = new CuttableLink({ host: target.hostname, port: Number(target.port || 5432) });
    await link.open();
    const viaLink = new URL(url);
    viaLink.port = String(link.port);
    const db = await openDatabase({ url: viaLink.toString(), poolSize: 3 });
    await migrate(db);
    cleanup = async () => {
      await link.cut();
      await dropPostgresDatabase(name);
    };
    const log = capture();
    p = await startTestProduct({ kind: "postgres", webhook: true, logger: log.logger, database: { db, kind: "postgres", drop: () => db.close() } });

    expect(await postRaw(p, JSON.stringify({ update_id: "x", message: 5 }))).toBe(200);
    expect(log.messages()).toContain("telegram update failed; acknowledged so it is not delivered again");

    await link.cut();
    const update = startUpdate(7101, "Bo");
    const during = await p.telegram.deliver(update, 71_001);
    expect(during.status).toBe(503);
    expect(p.telegram.chat(7101)).toEqual([]);
    expect(log.messages()).toContain("telegram update not handled: the infrastructure failed; answered 503 so Telegram delivers it again");

    await link.open();
    const after = await p.telegram.deliver(update, 71_001);
    expect(after.status).toBe(200);
    expect(p.telegram.chat(7101).map((m) => m.text)).toEqual([expect.stringContaining("Bo")]);
    const again = await p.telegram.deliver(update, 71_001);
    expect(again.status).toBe(200);
    expect(p.telegram.chat(7101)).toHaveLength(1);
    expect(await db.prisma.consentRecord.count({ where: { status: "pending", subscriber: { telegramId: 7101n } } })).toBe(1);
  });

  test("pglite: 503 when the database is closed; a malformed update gets 200", async () => {
    const database = await createTestDatabase("pglite");
    p = await startTestProduct({ kind: "pglite", webhook: true, database });
    expect(await postRaw(p, JSON.stringify({ update_id: "x", message: 5 }))).toBe(200);
    expect(await postRaw(p, "{ not json")).toBe(200);
    await database.db.close();
    const during = await p.telegram.deliver(startUpdate(7102, "Cy"), 71_002);
    expect(during.status).toBe(503);
    expect(p.telegram.chat(7102)).toEqual([]);
  });
});
