// Delivery benchmarks (issue 6): how fast the outbox sender goes, with every
// delivery durably recorded, and how exactly it keeps Telegram's limits -
// next to what a grammY developer would write by hand.
//
//   npm run bench -- --only delivery     (or: tsx bench/delivery.ts)
//   BENCH_MESSAGES=20000 BENCH_LIMITED=3000 tsx bench/delivery.ts
import { offlineCoreDeps } from "../core/offline-deps.ts";
import os from "node:os";
import { Bot, type Api } from "grammy";
import { telegramApi } from "../bot/telegram/api-client.ts";
import { apiThrottler } from "@grammyjs/transformer-throttler";
import { autoRetry } from "@grammyjs/auto-retry";
import { telegramChannel } from "../bot/telegram/telegram-channel.ts";
import { DEFAULT_POLICY } from "../core/delivery/contact-policy.ts";
import { DeliveryWorker } from "../core/delivery/delivery-worker.ts";
import { materializeDueCampaigns } from "../core/campaigns/materialize.ts";
import type { Database, DatabaseKind } from "../core/db/database.ts";
import type { CoreDeps } from "../core/deps.ts";
import { createManyCustomers } from "../test/support/factories.ts";
import { withBenchDatabase } from "./support/bench-database.ts";
import { startTelegramChild } from "./support/telegram-child.ts";

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 20_000);
const LIMITED = Number(process.env.BENCH_LIMITED ?? 3_000);
const kinds = (process.env.BENCH_DATABASES ?? "postgres,pglite").split(",") as DatabaseKind[];

function deps(db: Database, api: Api): CoreDeps {
  return offlineCoreDeps(db, { channel: telegramChannel(api), policy: { ...DEFAULT_POLICY, quietHours: null } });
}

async function broadcast(db: Database, count: number, firstTelegramId: number): Promise<void> {
  await createManyCustomers(db, count, firstTelegramId, { tag: `bench${firstTelegramId}` });
  await db.prisma.campaign.create({
    data: {
      name: `bench ${firstTelegramId}`,
      status: "scheduled",
      segmentText: `tag:bench${firstTelegramId}`,
      segment: { version: 1, where: { kind: "tag", tags: [`bench${firstTelegramId}`] } },
      message: { A: { text: "Hello {first_name}, the winter collection is here." } },
      sendAt: new Date(),
      materializeAt: new Date(),
      createdBy: "bench",
    },
  });
}

async function throughput(kind: DatabaseKind): Promise<string> {
  const tg = await startTelegramChild(false);
  try {
    return await withBenchDatabase(kind, { poolSize: 20 }, async (db) => {
      const d = deps(db, telegramApi(tg.token, tg.apiRoot));
      await broadcast(db, MESSAGES, 1_000_000);
      const t0 = performance.now();
      await materializeDueCampaigns(d);
      const t1 = performance.now();
      const worker = new DeliveryWorker(d, { ratePerSecond: 100_000, concurrency: kind === "postgres" ? 32 : 16, batchSize: 500 });
      await worker.init();
      const result = await worker.drain();
      const t2 = performance.now();
      const sent = await db.prisma.delivery.count({ where: { status: "sent" } });
      const stats = await tg.stats();
      if (sent !== MESSAGES || stats.messages !== MESSAGES) throw new Error(`expected ${MESSAGES}, recorded ${sent}, Telegram got ${stats.messages}`);
      const rate = Math.round(MESSAGES / ((t2 - t1) / 1000));
      return `| ${kind} | ${MESSAGES} | ${((t1 - t0) / 1000).toFixed(2)} s | ${((t2 - t1) / 1000).toFixed(1)} s | **${rate} msg/s** | ${result.sent} sent, all recorded |`;
    });
  } finally {
    await tg.stop();
  }
}

async function limitedOutbox(kind: DatabaseKind): Promise<{ seconds: number; rateLimited: number }> {
  const tg = await startTelegramChild(true);
  try {
    return await withBenchDatabase(kind, { poolSize: 20 }, async (db) => {
      const d = deps(db, telegramApi(tg.token, tg.apiRoot));
      await broadcast(db, LIMITED, 2_000_000);
      await materializeDueCampaigns(d);
      const worker = new DeliveryWorker(d, { ratePerSecond: 30, concurrency: 8, batchSize: 100 });
      await worker.init();
      const t0 = performance.now();
      await worker.drain();
      const seconds = (performance.now() - t0) / 1000;
      const stats = await tg.stats();
      if (stats.chats !== LIMITED) throw new Error(`only ${stats.chats} of ${LIMITED} chats got the message`);
      return { seconds, rateLimited: stats.rateLimited };
    });
  } finally {
    await tg.stop();
  }
}

/** What a grammY developer writes by hand: the throttler and auto-retry plugins around a loop of sendMessage. */
async function handWritten(): Promise<{ seconds: number; rateLimited: number; delivered: number }> {
  const tg = await startTelegramChild(true);
  try {
    const bot = new Bot(tg.token, { client: { apiRoot: tg.apiRoot }, botInfo: { id: 1, is_bot: true, first_name: "b", username: "b", can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false, can_connect_to_business: false, has_main_web_app: false } as never });
    bot.api.config.use(apiThrottler());
    bot.api.config.use(autoRetry());
    const t0 = performance.now();
    const results = await Promise.allSettled(
      Array.from({ length: LIMITED }, (_, i) => bot.api.sendMessage(3_000_000 + i, `Hello Customer${i}, the winter collection is here.`)),
    );
    const seconds = (performance.now() - t0) / 1000;
    const stats = await tg.stats();
    return { seconds, rateLimited: stats.rateLimited, delivered: results.filter((r) => r.status === "fulfilled").length };
  } finally {
    await tg.stop();
  }
}

export async function runDeliveryBench(): Promise<void> {
  console.log(`Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`);
  console.log("Sender throughput, Bot API rate limit switched off (every delivery written back to its outbox row):\n");
  console.log("| database | messages | materialize (INSERT ... SELECT) | send | rate | check |");
  console.log("|---|---|---|---|---|---|");
  for (const kind of kinds) console.log(await throughput(kind));

  const theoretical = LIMITED / 30;
  console.log(`\nAgainst a local server enforcing 30 msg/s global and 1 msg/s per chat (429 + retry_after), ${LIMITED} messages, theoretical ${theoretical.toFixed(1)} s:\n`);
  console.log("| sender | time | vs theoretical | 429s received | durable record |");
  console.log("|---|---|---|---|---|");
  for (const kind of kinds) {
    const r = await limitedOutbox(kind);
    console.log(`| Chatloop outbox (${kind}) | ${r.seconds.toFixed(1)} s | +${((r.seconds / theoretical - 1) * 100).toFixed(1)} % | ${r.rateLimited} | every row |`);
  }
  const h = await handWritten();
  console.log(
    `| grammY loop + transformer-throttler + auto-retry | ${h.seconds.toFixed(1)} s | +${((h.seconds / theoretical - 1) * 100).toFixed(1)} % | ${h.rateLimited} | none (${h.delivered} promises resolved in memory) |`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runDeliveryBench();
  process.exit(0);
}
