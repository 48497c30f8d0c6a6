// Probe: a query touching ~4 000 cached shared buffers, on a new backend vs the same backend again.
// URL=postgres://... SQL="an index scan of a few thousand cached pages" npx tsx bench/probe/touch-buffers.ts
import fs from "node:fs";
import pg from "pg";
const url = process.env.URL!;
const options = "-c max_parallel_workers_per_gather=0 -c jit=off -c enable_seqscan=off -c enable_bitmapscan=off";
const sql = process.env.SQL!;
function stat(pid: number) { const f = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" "); return { flt: Number(f[7]), cpu: (Number(f[11]) + Number(f[12])) * 10 }; }
async function run(c: pg.Client, pid: number) { const s = stat(pid); const t = performance.now(); await c.query(sql); const ms = performance.now() - t; const e = stat(pid); return `${ms.toFixed(0)}ms flt ${e.flt - s.flt} cpu ${e.cpu - s.cpu}`; }
for (let i = 0; i < 4; i++) {
  const c = new pg.Client({ connectionString: url, options }); await c.connect();
  const pid = (await c.query("SELECT pg_backend_pid() p")).rows[0].p;
  console.log(`new backend: ${await run(c, pid)} | again: ${await run(c, pid)} | again: ${await run(c, pid)}`);
  await c.end();
}
