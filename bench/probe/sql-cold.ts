// Probe: each metrics query alone on a brand-new connection vs the same connection again (raw pg, no Prisma).
import fs from "node:fs";
import os from "node:os";
import pg from "pg";

const queries: { name: string; sql: string; params: unknown[] }[] = JSON.parse(fs.readFileSync(`bench/probe/queries-${process.env.PERIOD ?? "week"}.json`, "utf8"));
const url = `postgres://postgres@127.0.0.1:5432/${process.env.DB ?? "chatloop_bench_m"}`;
const options = "-c work_mem=64MB -c jit=off" + (process.env.EXTRA ? ` ${process.env.EXTRA}` : "");
const explain = process.env.EXPLAIN === "1";

const pids = new WeakMap<pg.Client, number>();
function stat(pid: number) {
  const f = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return { minflt: Number(f[7]), majflt: Number(f[9]), cpu: (Number(f[11]) + Number(f[12])) * 10, sys: Number(f[12]) * 10 };
}
async function timed(c: pg.Client, q: (typeof queries)[0]) {
  if (!pids.has(c)) pids.set(c, (await c.query("SELECT pg_backend_pid() AS p")).rows[0].p);
  const pid = pids.get(c)!;
  const s0 = stat(pid);
  const r = await timed0(c, q);
  const s1 = stat(pid);
  return `${r}[flt ${s1.minflt - s0.minflt} cpu ${s1.cpu - s0.cpu} sys ${s1.sys - s0.sys}]`;
}
async function timed0(c: pg.Client, q: (typeof queries)[0]) {
  const t = performance.now();
  if (explain) {
    const r = await c.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${q.sql}`, q.params);
    const j = (r.rows[0] as { "QUERY PLAN": { "Planning Time": number; "Execution Time": number }[] })["QUERY PLAN"][0]!;
    return `${(performance.now() - t).toFixed(0)}(p${j["Planning Time"].toFixed(0)}/e${j["Execution Time"].toFixed(0)})`;
  }
  await c.query(q.sql, q.params);
  return (performance.now() - t).toFixed(0);
}

for (let round = 0; round < Number(process.env.N ?? 2); round++) {
  for (const q of queries) {
    const t = performance.now();
    const c = new pg.Client({ connectionString: url, options });
    await c.connect();
    const conn = performance.now() - t;
    const first = await timed(c, q);
    const second = await timed(c, q);
    const third = await timed(c, q);
    await c.end();
    const c2 = new pg.Client({ connectionString: url, options });
    await c2.connect();
    const fresh = await timed(c2, q);
    await c2.end();
    console.log(`${q.name}: connect ${conn.toFixed(0)} first ${first} second ${second} third ${third} then new connection ${fresh} (load ${os.loadavg()[0]!.toFixed(1)})`);
  }
}
