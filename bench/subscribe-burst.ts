// A burst of new subscribers (issue 15, item 4): 10 000 people press /start
// at once and then the consent button, against the local Bot API server in a
// child process (bench/support/subscriber-crowd.ts plays the crowd there).
// The whole product runs as `npm start` wires it (startApplication, long
// polling through grammY's runner), on PostgreSQL and PGlite. Reports
// subscriptions per second (first /start to last confirmation) and checks
// that every person was recorded once and answered once.
//
//   npm run bench -- --only burst
//   BENCH_PEOPLE=2000 BENCH_DATABASES=pglite BENCH_CONCURRENCY=16 BENCH_POOL=10 tsx bench/subscribe-burst.ts
import fs from "node:fs";
import os from "node:os";
import { startApplication } from "../bot/application.ts";
import { parseConfig } from "../core/config.ts";
import type { Database, DatabaseKind } from "../core/db/database.ts";
import { silentLogger } from "../core/logger.ts";
import { withBenchDatabase } from "./support/bench-database.ts";
import { startTelegramChild } from "./support/telegram-child.ts";

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 10_000);
const FIRST_ID = 900_000_000;
const GIVE_UP_MS = 600_000;

interface BurstResult {
  kind: DatabaseKind;
  concurrency: string;
  pool: string;
  seconds: number;
  perSecond: number;
  asked: number;
  answered: number;
  confirmed: number;
  repeated: number;
  subscribed: number;
  subscribedRecords: number;
  pendingRecords: number;
  /** CPU time per subscription: the product's process, and the PostgreSQL server's backends of this database. */
  appCpuMs: number;
  dbCpuMs: number | undefined;
}

/** CPU seconds (user + system) of this database's PostgreSQL backends, by pid; read from /proc (the server is local). */
async function backendCpu(db: Database): Promise<Map<number, number>> {
  const rows = await db.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`, []);
  const tick = 100; // USER_HZ on Linux
  const cpu = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      cpu.set(pid, (Number(fields[11]) + Number(fields[12])) / tick);
    } catch {
      // gone meanwhile
    }
  }
  return cpu;
}

function cpuSpent(before: Map<number, number>, after: Map<number, number>): number {
  let seconds = 0;
  for (const [pid, s] of after) seconds += s - (before.get(pid) ?? 0);
  return seconds;
}

async function burst(kind: DatabaseKind, concurrency: string | undefined, poolSize: number | undefined): Promise<BurstResult> {
  const tg = await startTelegramChild(false);
  try {
    return await withBenchDatabase(kind, { poolSize }, async (db) => {
      const config = parseConfig({
        NODE_ENV: "test",
        PORT: "0",
        TELEGRAM_BOT_TOKEN: tg.token,
        TELEGRAM_API_ROOT: tg.apiRoot,
        ...(concurrency ? { TELEGRAM_CONCURRENCY: concurrency } : {}),
      });
      const app = await startApplication({ config, db, logger: silentLogger, host: "127.0.0.1", startScheduler: false, startWorker: false });
      try {
        const dbCpuBefore = kind === "postgres" ? await backendCpu(db) : undefined;
        const appCpuBefore = process.cpuUsage();
        tg.startCrowd(PEOPLE, FIRST_ID);
        let stats = await tg.crowdStats();
        const giveUp = Date.now() + GIVE_UP_MS;
        while (stats.confirmed < PEOPLE && Date.now() < giveUp) {
          await new Promise((r) => setTimeout(r, 250));
          stats = await tg.crowdStats();
        }
        await app.telegramSettled?.();
        const appCpu = process.cpuUsage(appCpuBefore);
        const dbCpu = dbCpuBefore ? cpuSpent(dbCpuBefore, await backendCpu(db)) : undefined;
        stats = await tg.crowdStats();
        const [counts] = await db.prisma.$queryRawUnsafe<{ subscribed: number; subscribed_records: number; pending_records: number }[]>(
          `SELECT (SELECT count(*) FROM subscriber WHERE consent_status = 'subscribed')::int AS subscribed,
                  (SELECT count(*) FROM consent_record WHERE status = 'subscribed')::int AS subscribed_records,
                  (SELECT count(*) FROM consent_record WHERE status = 'pending')::int AS pending_records`,
        );
        const seconds = (stats.lastConfirmedAt - stats.firstStartAt) / 1000;
        return {
          kind,
          concurrency: concurrency ?? "default",
          pool: kind === "postgres" ? String(poolSize ?? 10) : "-",
          seconds,
          perSecond: stats.confirmed / seconds,
          asked: stats.asked,
          answered: stats.answered,
          confirmed: stats.confirmed,
          repeated: stats.repeated,
          subscribed: counts!.subscribed,
          subscribedRecords: counts!.subscribed_records,
          pendingRecords: counts!.pending_records,
          appCpuMs: (appCpu.user + appCpu.system) / 1000 / stats.confirmed,
          dbCpuMs: dbCpu === undefined ? undefined : (dbCpu * 1000) / stats.confirmed,
        };
      } finally {
        await app.stop();
      }
    });
  } finally {
    await tg.stop();
  }
}

export async function runSubscribeBurstBench(): Promise<void> {
  const kinds = (process.env.BENCH_DATABASES ?? "postgres,pglite").split(",") as DatabaseKind[];
  const concurrencies = (process.env.BENCH_CONCURRENCY ?? "").split(",").filter(Boolean);
  const pools = (process.env.BENCH_POOL ?? "").split(",").filter(Boolean).map(Number);
  console.log(`Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} at start`);
  console.log(`${PEOPLE} people press /start at once, then the consent button as soon as it comes; long polling through grammY's runner.\n`);
  console.log("| database | concurrent updates | pool | time | subscriptions/s | asked | answered | confirmed | answered twice | subscribed | 'subscribed' records | 'pending' records | CPU per subscription: app / PostgreSQL |");
  console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
  for (const kind of kinds) {
    for (const concurrency of concurrencies.length > 0 ? concurrencies : [undefined]) {
      for (const pool of kind === "postgres" && pools.length > 0 ? pools : [undefined]) {
        const r = await burst(kind, concurrency, pool);
        console.log(
          `| ${r.kind} | ${r.concurrency} | ${r.pool} | ${r.seconds.toFixed(1)} s | **${Math.round(r.perSecond)}** | ${r.asked} | ${r.answered} | ${r.confirmed} | ${r.repeated} | ${r.subscribed} | ${r.subscribedRecords} | ${r.pendingRecords} | ${r.appCpuMs.toFixed(2)} ms / ${r.dbCpuMs === undefined ? "-" : `${r.dbCpuMs.toFixed(2)} ms`} |`,
        );
      }
    }
  }
  console.log(`\nload average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} at the end`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runSubscribeBurstBench();
  process.exit(0);
}
