// npm run bench:modal -- [--repeat N] [--customers N]
// How soon `/send` alone opens the campaign modal (Slack's trigger_id lives
// 3 s) and fills it in, through the real product over signed HTTP on PGlite:
// from the signed request to the local Slack receiving views.open, and to the
// views.update that brings this installation's names; then Enter in the
// audience field (words) to the redraw with its size. Prints median, p95 and
// slowest, the store's size and the machine's load.
import os from "node:os";
import { parseArgs } from "node:util";
import { refreshCustomerStats } from "../core/segments/customer-stats.ts";
import { createManyCustomers } from "../test/support/factories.ts";
import { startTestProduct } from "../test/support/product.ts";

const { values: args } = parseArgs({ options: { repeat: { type: "string", default: "20" }, customers: { type: "string", default: "2000" } } });
const repeat = Math.max(1, Number(args.repeat));
const customers = Math.max(1, Number(args.customers));

const p = await startTestProduct({ kind: "pglite", env: { SLACK_SENDERS: "U0BENCH" } });
try {
  await createManyCustomers(p.database.db, customers, 90_000);
  await refreshCustomerStats(p.app.core);
  const toOpen: number[] = [];
  const toFilled: number[] = [];
  const toRedraw: number[] = [];
  for (let i = 0; i <= repeat; i++) {
    const opens = p.slackApi.callsOf("views.open").length;
    const updates = p.slackApi.callsOf("views.update").length;
    const start = Date.now();
    await p.slack.command("/send", "", "U0BENCH");
    const opened = await p.slackApi.waitFor(() => p.slackApi.callsOf("views.open")[opens]);
    const filled = await p.slackApi.waitFor(() => p.slackApi.callsOf("views.update")[updates]);
    const view = p.slackApi.latestView("campaign_modal")!;
    const enter = Date.now();
    await p.slack.viewAction(view, "audience", { audience: "customers who bought in the last 30 days" });
    const redrawn = await p.slackApi.waitFor(() => p.slackApi.callsOf("views.update")[updates + 1]);
    // The first round warms up (Bolt, the vocabulary, PGlite's plans).
    if (i === 0) continue;
    toOpen.push(opened.at - start);
    toFilled.push(filled.at - start);
    toRedraw.push(redrawn.at - enter);
  }
  const stats = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return `${s[Math.floor(s.length / 2)]} | ${s[Math.min(s.length - 1, Math.floor(0.95 * s.length))]} | ${s.at(-1)}`;
  };
  console.log(`Campaign modal on PGlite, ${customers} customers, ${repeat} rounds after one warm-up`);
  console.log(`Machine: ${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}, Node ${process.version}\n`);
  console.log("| step | median ms | p95 | slowest |");
  console.log("| --- | ---: | ---: | ---: |");
  console.log(`| /send -> views.open (trigger_id: 3 s) | ${stats(toOpen)} |`);
  console.log(`| /send -> views.update with the names | ${stats(toFilled)} |`);
  console.log(`| Enter in the audience (words) -> redraw with its size | ${stats(toRedraw)} |`);
} finally {
  await p.stop();
}
