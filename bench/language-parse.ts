// npm run bench:language -- [--repeat N]
// Parse time per phrase of the natural-commands corpus (core/language): every
// phrasing understood --repeat times after one warm-up pass (the vocabulary is
// compiled and chrono-node's patterns built on first use). Prints the median,
// 95th percentile and slowest time per phrase per command, and the machine.
import os from "node:os";
import { parseArgs } from "node:util";
import { CORPUS_CONTEXT, readCorpus, understand, type CorpusCommand } from "../core/language/corpus/corpus.ts";

const { values: args } = parseArgs({ options: { repeat: { type: "string", default: "20" } } });
const repeat = Math.max(1, Number(args.repeat));
const lines = [...readCorpus("main"), ...readCorpus("held-out"), ...readCorpus("questions")];

const warmStart = performance.now();
for (const line of lines) understand(line.command, line.text, CORPUS_CONTEXT);
const warmUp = performance.now() - warmStart;

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
console.log(`Natural commands: ${lines.length} phrasings x ${repeat}, after a warm-up pass of ${warmUp.toFixed(0)} ms`);
console.log(`Machine: ${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.cpus().length} cores, Node ${process.version}\n`);
console.log("| command | phrasings | mean ms/phrase | median | p95 | slowest |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
// "ask": a message to the app, routed (both grammars read it) and then understood.
for (const command of ["segment", "send", "metrics", "ask"] as CorpusCommand[]) {
  const times: number[] = [];
  const mine = lines.filter((l) => l.command === command);
  for (const line of mine) {
    for (let r = 0; r < repeat; r++) {
      const t = performance.now();
      understand(line.command, line.text, CORPUS_CONTEXT);
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  console.log(`| ${command} | ${mine.length} | ${mean.toFixed(2)} | ${quantile(times, 0.5).toFixed(2)} | ${quantile(times, 0.95).toFixed(2)} | ${times[times.length - 1]!.toFixed(2)} |`);
}
