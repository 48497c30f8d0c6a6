// Probe: one recorded metrics query on one warm backend, with and without parallel workers, alternating.
import fs from "node:fs";
import os from "node:os";
import pg from "pg";
const queries: { name: string; sql: string; params: unknown[] }[] = JSON.parse(fs.readFileSync(`bench/probe/queries-${process.env.PERIOD ?? "month"}.json`, "utf8"));
const q = queries.find((x) => x.name === (process.env.Q ?? "period0"))!;
const c = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:5432/chatloop_bench_m`, options: "-c work_mem=64MB -c jit=off" });
await c.connect();
const time = async () => { const t = performance.now(); await c.query(q.sql, q.params); return performance.now() - t; };
await time(); await time();
const res: Record<string, number[]> = { "2": [], "0": [] };
for (let i = 0; i < Number(process.env.N ?? 4); i++) for (const w of ["2", "0"]) { await c.query(`SET max_parallel_workers_per_gather = ${w}`); res[w]!.push(await time()); }
const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!.toFixed(0);
console.log(`${process.env.PERIOD ?? "month"} ${q.name}: workers 2 median ${med(res["2"]!)} [${res["2"]!.map((x) => x.toFixed(0)).join(",")}], workers 0 median ${med(res["0"]!)} [${res["0"]!.map((x) => x.toFixed(0)).join(",")}] load ${os.loadavg()[0]!.toFixed(1)}`);
await c.end();
