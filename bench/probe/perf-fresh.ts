// Probe: perf profile of one recorded metrics query on a new backend and on the same backend's 3rd run.
import fs from "node:fs";
import { spawn } from "node:child_process";
import pg from "pg";
const queries: { name: string; sql: string; params: unknown[] }[] = JSON.parse(fs.readFileSync(`bench/probe/queries-${process.env.PERIOD ?? "week"}.json`, "utf8"));
const q = queries.find((x) => x.name === (process.env.Q ?? "acq0"))!;
const url = `postgres://postgres@127.0.0.1:5432/${process.env.DB ?? "chatloop_bench_m"}`;
const options = "-c work_mem=64MB -c jit=off -c max_parallel_workers_per_gather=0";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function profiled(c: pg.Client, out: string) {
  const pid = (await c.query("SELECT pg_backend_pid() AS p")).rows[0].p;
  const perf = spawn("perf", ["record", "-F", "4000", "-g", "-p", String(pid), "-o", out], { stdio: "ignore" });
  await sleep(700);
  const t = performance.now();
  await c.query(q.sql, q.params);
  const ms = performance.now() - t;
  perf.kill("SIGINT");
  await new Promise((r) => perf.on("exit", r));
  return ms;
}
const a = new pg.Client({ connectionString: url, options });
await a.connect();
await a.query(q.sql, q.params);
await a.query(q.sql, q.params);
console.log("warm", await profiled(a, "/tmp/perf-warm.data"));
await a.end();
const b = new pg.Client({ connectionString: url, options });
await b.connect();
console.log("cold", await profiled(b, "/tmp/perf-cold.data"));
await b.end();
