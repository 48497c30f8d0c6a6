// Ingestion at saturation (issue 15): a broadcast's rate and /healthz latency
// while 200 clients (in a child process) post events as fast as they are let in, on both
// databases; with ingestion's own capacity (the default INGEST_CONCURRENCY)
// and with the gate opened wide (INGEST_CONCURRENCY=64: the old behaviour).
// The whole product runs as `npm start` wires it (startApplication) against
// a local Bot API server in a child process; traffic goes to 127.0.0.1 only.
//
//   tsx bench/ingest-load.ts                       (both databases, 15 s per phase)
//   BENCH_DATABASES=pglite BENCH_PHASE_S=10 BENCH_CLIENTS=200 tsx bench/ingest-load.ts
import { fork } from "node:child_process";
import os from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import path from "node:path";
import { startApplication } from "../bot/application.ts";
import { parseConfig } from "../core/config.ts";
import type { DatabaseKind } from "../core/db/database.ts";
import { silentLogger } from "../core/logger.ts";
import { createManyCustomers } from "../test/support/factories.ts";
import { withBenchDatabase } from "./support/bench-database.ts";
import { startTelegramChild, type TelegramChild } from "./support/telegram-child.ts";

const PHASE_MS = Number(process.env.BENCH_PHASE_S ?? 15) * 1000;
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200);
const BATCH = Number(process.env.BENCH_BATCH ?? 20);
const RATE = 30;
const KEY = "bench-ingest-key-0123456789";
const kinds = (process.env.BENCH_DATABASES ?? "postgres,pglite").split(",") as DatabaseKind[];

interface PhaseResult {
  msgPerSecond: number;
  health: { p50: number; p99: number; max: number };
  eventsPerSecond: number;
  refused: number;
  requests: number;
  /** The product's event loop (it runs in this process): p99 and max delay during the phase, ms. */
  loopDelay: { p99: number; max: number };
}

function child(args: string[]): Promise<Record<string, number>> {
  const proc = fork(path.join(import.meta.dirname, "support", "ingest-clients.ts"), args, { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  return new Promise((resolve, reject) => {
    proc.once("message", (m) => resolve(m as Record<string, number>));
    proc.once("exit", (code) => (code === 0 ? undefined : reject(new Error(`load client exited with ${code}`))));
  });
}

async function phase(tg: TelegramChild, baseUrl: string, clients: number): Promise<PhaseResult> {
  // The children start in about a second; the phase is measured from when they begin.
  const from = Date.now() + 2000;
  const until = from + PHASE_MS;
  const loading = clients > 0 ? child(["load", baseUrl, String(until), String(clients), String(BATCH), KEY]) : Promise.resolve({ stored: 0, refused: 0, requests: 0 });
  const probing = child(["health", baseUrl, String(until), "0", "0", KEY]);
  await new Promise((r) => setTimeout(r, from - Date.now()));
  const before = (await tg.stats()).messages;
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, until - Date.now()));
  const sent = (await tg.stats()).messages - before;
  const seconds = (performance.now() - t0) / 1000;
  loop.disable();
  const [load, health] = await Promise.all([loading, probing]);
  return {
    msgPerSecond: sent / seconds,
    health: { p50: health.p50!, p99: health.p99!, max: health.max! },
    eventsPerSecond: load.stored! / seconds,
    refused: load.refused!,
    requests: load.requests!,
    loopDelay: { p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 },
  };
}

async function run(kind: DatabaseKind, concurrency: string | undefined): Promise<{ idle: PhaseResult; load: PhaseResult }> {
  const tg = await startTelegramChild(false);
  try {
    return await withBenchDatabase(kind, {}, async (db) => {
      // Enough recipients for both phases at 30 msg/s.
      const recipients = Math.ceil((RATE * 2 * PHASE_MS) / 1000) + 600;
      await createManyCustomers(db, recipients, 5_000_000, { tag: "load" });
      const config = parseConfig({
        NODE_ENV: "test",
        PORT: "0",
        TELEGRAM_BOT_TOKEN: tg.token,
        TELEGRAM_API_ROOT: tg.apiRoot,
        DELIVERY_RATE: String(RATE),
        QUIET_HOURS: "off",
        INGEST_API_KEY: KEY,
        ...(concurrency ? { INGEST_CONCURRENCY: concurrency } : {}),
      });
      const app = await startApplication({ config, db, logger: silentLogger, host: "127.0.0.1", startScheduler: false });
      try {
        await db.prisma.campaign.create({
          data: {
            name: "load bench",
            status: "scheduled",
            segmentText: "tag:load",
            segment: { version: 1, where: { kind: "tag", tags: ["load"] } },
            message: { A: { text: "Hello {first_name}, the winter collection is here." } },
            sendAt: new Date(),
            materializeAt: new Date(),
            createdBy: "bench",
          },
        });
        const baseUrl = `http://127.0.0.1:${app.port}`;
        // Let the worker materialize and reach its pace.
        const start = Date.now();
        while ((await tg.stats()).messages < RATE * 2 && Date.now() - start < 30_000) await new Promise((r) => setTimeout(r, 200));
        const idle = await phase(tg, baseUrl, 0);
        const load = await phase(tg, baseUrl, CLIENTS);
        return { idle, load };
      } finally {
        await app.stop();
      }
    });
  } finally {
    await tg.stop();
  }
}

const ms = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;

export async function runIngestLoadBench(): Promise<void> {
  console.log(`Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average ${os.loadavg()[0]!.toFixed(1)} at start`);
  console.log(`${CLIENTS} clients posting batches of ${BATCH} events (waiting Retry-After on 429) while a broadcast runs at DELIVERY_RATE=${RATE}; ${PHASE_MS / 1000} s per phase.\n`);
  console.log("| database | ingestion capacity | broadcast alone | broadcast under load | kept | /healthz p50 / p99 / max under load | product's event loop delay p99 / max under load | events stored/s | 429 answers |");
  console.log("|---|---|---|---|---|---|---|---|---|");
  for (const kind of kinds) {
    for (const [label, concurrency] of [["default (INGEST_CONCURRENCY unset)", undefined], ["gate open (INGEST_CONCURRENCY=64)", "64"]] as const) {
      const { idle, load } = await run(kind, concurrency);
      console.log(
        `| ${kind} | ${label} | ${idle.msgPerSecond.toFixed(1)} msg/s | ${load.msgPerSecond.toFixed(1)} msg/s | ${Math.round((load.msgPerSecond / idle.msgPerSecond) * 100)} % | ` +
          `${ms(load.health.p50)} / ${ms(load.health.p99)} / ${ms(load.health.max)} | ${ms(load.loopDelay.p99)} / ${ms(load.loopDelay.max)} | ${Math.round(load.eventsPerSecond)} | ${load.refused} of ${load.requests} |`,
      );
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runIngestLoadBench();
  process.exit(0);
}
