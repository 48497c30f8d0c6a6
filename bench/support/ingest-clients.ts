// A child process for bench/ingest-load.ts, so the load does not share the
// product's event loop: `load` runs N clients posting event batches until the
// deadline (waiting Retry-After on 429); `health` probes /healthz every 100 ms.
// Reports its figures to the parent over IPC.
const [mode, baseUrl, untilArg, clientsArg, batchArg, key] = process.argv.slice(2) as [string, string, string, string, string, string];
const until = Number(untilArg);

async function load(): Promise<Record<string, number>> {
  let stored = 0;
  let refused = 0;
  let requests = 0;
  let seq = 0;
  const client = async (c: number) => {
    while (Date.now() < until) {
      const items = Array.from({ length: Number(batchArg) }, () => ({
        idempotency_key: `load-${process.pid}-${c}-${seq++}`,
        type: "visited",
        occurred_at: "2026-11-20T12:00:00Z",
        properties: { page: "/boots", n: seq },
        customer: { external_id: `load-${c % 500}` },
      }));
      requests++;
      const res = await fetch(`${baseUrl}/api/v1/events`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${key}` }, body: JSON.stringify({ items }) });
      if (res.status === 429) {
        refused++;
        await res.arrayBuffer();
        await new Promise((r) => setTimeout(r, Number(res.headers.get("retry-after") ?? 1) * 1000 * (0.5 + Math.random())));
        continue;
      }
      stored += ((await res.json()) as { stored?: number }).stored ?? 0;
    }
  };
  await Promise.all(Array.from({ length: Number(clientsArg) }, (_, c) => client(c)));
  return { stored, refused, requests };
}

async function health(): Promise<Record<string, number>> {
  const latencies: number[] = [];
  while (Date.now() < until) {
    const s = performance.now();
    await (await fetch(`${baseUrl}/healthz`)).arrayBuffer();
    latencies.push(performance.now() - s);
    await new Promise((r) => setTimeout(r, 100));
  }
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  return { p50: at(50), p99: at(99), max: latencies.at(-1) ?? 0, samples: latencies.length };
}

const result = mode === "load" ? await load() : await health();
process.send!(result, () => process.exit(0));
