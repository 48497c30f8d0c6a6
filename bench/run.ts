// npm run bench -- [--db postgres|pglite|both] [--customers N] [--orders N] [--events N] [--repeat N] [--naive-sample N] [--keep]
// Generates a store (bench/generate-store.ts) in a database of its own,
// measures the analytic core on it and prints the figures (median of
// --repeat runs) as a Markdown table; also writes bench/results/<db>-<customers>.json.
// Defaults: PostgreSQL 1 000 000 customers / 10 000 000 orders, PGlite 100 000 / 1 000 000.
// The PostgreSQL server is BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import type { CoreDeps } from "../core/deps.ts";
import { openDatabase, type Database, type DatabaseKind } from "../core/db/database.ts";
import { migrate } from "../core/db/migrate.ts";
import { createTranslator } from "../core/i18n.ts";
import { silentLogger } from "../core/logger.ts";
import { unconfiguredChannel, unconfiguredNotifier } from "../core/ports.ts";
import { keyFigures } from "../core/metrics/key-figures.ts";
import { calendarPeriod } from "../core/metrics/period.ts";
import { builtInSegment, builtInSizes } from "../core/segments/built-in-segments.ts";
import { refreshCustomerStats } from "../core/segments/customer-stats.ts";
import { parseSegmentText } from "../core/segments/parse-segment-text.ts";
import { segmentReport, segmentSize } from "../core/segments/segment-report.ts";
import { generateStore, type StoreSize } from "./generate-store.ts";
import { naiveLoyalBigSpenders } from "./naive-segment.ts";

const NOW = new Date("2026-11-23T10:00:00Z");
const CUSTOM = "lifecycle = loyal and spent_90d > 300 and not tag:vip";
const CUSTOM_OTHERS = [
  "event:added_to_cart within 2d and no order since event:added_to_cart and consent = subscribed",
  "rfm in (at_risk, cant_lose) and last_order > 60d and source = instagram_bio",
];

const { values: args } = parseArgs({
  options: {
    db: { type: "string", default: "both" },
    customers: { type: "string" },
    orders: { type: "string" },
    events: { type: "string" },
    repeat: { type: "string", default: "3" },
    "naive-sample": { type: "string", default: "20000" },
    keep: { type: "boolean", default: false },
  },
});

interface Measure {
  name: string;
  ms: number;
  note?: string;
}

const log = (msg: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);

async function main(): Promise<void> {
  const kinds: DatabaseKind[] = args.db === "both" ? ["pglite", "postgres"] : [args.db as DatabaseKind];
  for (const kind of kinds) {
    const defaults = kind === "postgres" ? { customers: 1_000_000, orders: 10_000_000 } : { customers: 100_000, orders: 1_000_000 };
    const customers = Number(args.customers ?? defaults.customers);
    const orders = Number(args.orders ?? (args.customers ? customers * 10 : defaults.orders));
    const size: StoreSize = { customers, orders, events: Number(args.events ?? Math.round(orders / 5)) };
    await benchOne(kind, size);
  }
}

async function benchOne(kind: DatabaseKind, size: StoreSize): Promise<void> {
  const { db, drop } = await openBenchDatabase(kind);
  try {
    await migrate(db);
    const deps: CoreDeps = {
      db,
      clock: { now: () => NOW },
      logger: silentLogger,
      translator: createTranslator(),
      teamTimezone: "Europe/Berlin",
      channel: unconfiguredChannel(() => {}),
      notifier: unconfiguredNotifier(() => {}),
    };
    log(`${kind}: generating ${size.customers} customers, ${size.orders} orders, ${size.events} events`);
    const started = performance.now();
    await generateStore(db, size, NOW, (m) => log(`${kind}: ${m}`));
    const generated = performance.now() - started;
    log(`${kind}: generated in ${(generated / 1000).toFixed(1)} s`);

    const repeat = Number(args.repeat);
    const results: Measure[] = [];
    const measure = async (name: string, fn: () => Promise<unknown>) => {
      const times: number[] = [];
      let value: unknown;
      for (let i = 0; i < repeat; i++) {
        const t = performance.now();
        value = await fn();
        const elapsed = performance.now() - t;
        // A function that returns {ms} timed only its own part (setup excluded).
        times.push(typeof value === "object" && value !== null && "ms" in value ? (value as { ms: number }).ms : elapsed);
      }
      times.sort((a, b) => a - b);
      const note = typeof value === "number" ? `${value.toLocaleString("en-US").replace(/,/g, " ")} customers` : undefined;
      const m = { name, ms: times[Math.floor(times.length / 2)]!, ...(note ? { note } : {}) };
      results.push(m);
      log(`${kind}: ${name}: ${m.ms.toFixed(0)} ms`);
      return m;
    };

    await measure("RFM from scratch: aggregate every order, rank, score and class every customer", () => refreshCustomerStats(deps, { rebuild: true }));
    const touched = Array.from({ length: 1000 }, (_, i) => 1 + i * Math.floor((size.customers * 0.6) / 1000));
    await measure("Ingestion-time refresh of 1 000 customers' aggregates (what each API batch does)", () => refreshCustomerStats(deps, { subscriberIds: touched }));
    await measure("Full RFM assignment (the hourly job): rescore every customer after 1 000 changed", async () => {
      await refreshCustomerStats(deps, { subscriberIds: touched });
      const t = performance.now();
      await refreshCustomerStats(deps);
      return { ms: performance.now() - t };
    });
    await measure("All 27 built-in segment sizes (grouped)", () => builtInSizes(deps));
    for (const key of ["subscribed", "lifecycle:loyal", "lifecycle:churned_from_new", "rfm:at_risk", "rfm:champions", "nps:detractor"]) {
      await measure(`Built-in segment size: ${key}`, () => segmentSize(deps, builtInSegment(key)!.definition));
    }
    const custom = await measure(`3-condition segment size: \`${CUSTOM}\``, () => segmentSize(deps, parseSegmentText(CUSTOM)));
    for (const text of CUSTOM_OTHERS) await measure(`3-condition segment size: \`${text}\``, () => segmentSize(deps, parseSegmentText(text)));
    await measure(`Segment report (size, breakdowns, sample): \`${CUSTOM}\``, () => segmentReport(deps, parseSegmentText(CUSTOM)));
    const week = calendarPeriod("week", NOW, "Europe/Berlin", -1);
    await measure("Metrics set: keyFigures for last week and the week before", () => keyFigures(deps, { period: week }));
    const month = calendarPeriod("month", NOW, "Europe/Berlin", -1);
    await measure("Metrics set: keyFigures for last month and the month before", () => keyFigures(deps, { period: month }));

    const sample = Math.min(size.customers, Number(args["naive-sample"]));
    const naive = await naiveLoyalBigSpenders(db, { now: NOW, sample, customers: size.customers });
    const extrapolated = (naive.ms * size.customers) / sample;
    results.push({
      name: `Naive: Prisma findMany (customers with their orders) + JS filter, same segment`,
      ms: extrapolated,
      note: `measured ${naive.ms.toFixed(0)} ms on ${sample} customers (every ${Math.floor(size.customers / sample)}th), extrapolated x${(size.customers / sample).toFixed(0)}; ${(extrapolated / custom.ms).toFixed(0)}x the compiled SQL`,
    });
    log(`${kind}: naive: ${naive.ms.toFixed(0)} ms for ${sample} customers (${naive.matches} match)`);
    if (sample === size.customers && naive.matches !== (await segmentSize(deps, parseSegmentText(CUSTOM)))) {
      throw new Error("the naive filter and the compiled segment disagree: the comparison would be meaningless");
    }

    const table = renderTable(kind, size, generated, results);
    process.stdout.write(`${table}\n`);
    const file = path.join(import.meta.dirname, "results", `${kind}-${size.customers}.json`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(
      file,
      JSON.stringify({ kind, size, machine: machine(), generatedMs: Math.round(generated), results: results.map((r) => ({ ...r, ms: Math.round(r.ms) })) }, null, 2),
    );
  } finally {
    await drop();
  }
}

async function openBenchDatabase(kind: DatabaseKind): Promise<{ db: Database; drop: () => Promise<void> }> {
  if (kind === "pglite") {
    const db = await openDatabase({ dataDir: "memory://" });
    return { db, drop: () => db.close() };
  }
  const adminUrl = process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `chatloop_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), poolSize: 4 });
  return {
    db,
    async drop() {
      await db.close();
      if (args.keep) {
        log(`kept database ${name}`);
        return;
      }
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    },
  };
}

function machine(): string {
  return `${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, Node ${process.version}`;
}

function renderTable(kind: DatabaseKind, size: StoreSize, generatedMs: number, results: Measure[]): string {
  const n = (x: number) => x.toLocaleString("en-US").replace(/,/g, " ");
  const lines = [
    `### ${kind === "postgres" ? "PostgreSQL 15 server" : "Embedded PGlite"}: ${n(size.customers)} customers, ${n(size.orders)} orders, ${n(size.events)} events`,
    `Machine: ${machine()}. Data generated in ${(generatedMs / 1000).toFixed(0)} s. Median of ${args.repeat} runs.`,
    "",
    "| what | time |",
    "|---|---:|",
    ...results.map((r) => `| ${r.name}${r.note ? ` (${r.note})` : ""} | ${r.ms >= 10_000 ? `${(r.ms / 1000).toFixed(0)} s` : `${n(Math.round(r.ms))} ms`} |`),
  ];
  return lines.join("\n");
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
