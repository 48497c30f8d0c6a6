// The corpus run by `npm test`: the thresholds below are what the
// understanding honestly reaches (docs/natural-commands.md reports the figures).
import { describe, expect, it } from "vitest";
import { parseSegmentText } from "../segments/parse-segment-text.ts";
import { formatSegmentText } from "../segments/format-segment-text.ts";
import { measureCorpus, readCorpus, type CorpusLine } from "./corpus/corpus.ts";

const main = readCorpus("main");
const heldOut = readCorpus("held-out");

function report(lines: CorpusLine[]) {
  const figures = measureCorpus(lines);
  // Shown when a threshold fails: which phrasings went wrong and how.
  const failures = figures.failures.map((f) => `${f.verdict}: ${f.line.command}: ${f.line.text} -> ${JSON.stringify(f.answer)}`);
  return { figures, failures };
}

describe("natural-commands corpus", () => {
  it("has at least 200 phrasings, half of them Russian, and a held-out quarter", () => {
    const all = [...main, ...heldOut];
    expect(all.length).toBeGreaterThanOrEqual(200);
    expect(heldOut.length).toBeGreaterThanOrEqual(50);
    const russian = all.filter((l) => l.language === "ru").length;
    expect(russian / all.length).toBeGreaterThan(0.4);
    expect(russian / all.length).toBeLessThan(0.6);
  });

  it("writes every expected segment in the exact syntax's own spelling", () => {
    for (const line of [...main, ...heldOut]) {
      if (line.command !== "segment") continue;
      const forms = line.expected.kind === "exact" ? [line.expected.form] : line.expected.kind === "choice" ? line.expected.forms : [];
      for (const form of forms.filter((f) => f.startsWith("preview "))) {
        const rule = form.slice("preview ".length);
        expect(formatSegmentText(parseSegmentText(rule)), line.text).toBe(rule);
      }
    }
  });

  it("understands the phrasings it was built against, and never misunderstands one silently", () => {
    const { figures, failures } = report(main);
    expect(figures.wrong, failures.join("\n")).toBe(0);
    expect(figures.understood / figures.phrasings, failures.join("\n")).toBeGreaterThanOrEqual(0.97);
  });

  it("routes every question to the app (no command named) to the command and form it asks for, and never silently elsewhere", () => {
    const questions = readCorpus("questions");
    expect(questions.length).toBeGreaterThanOrEqual(70);
    const russian = questions.filter((l) => l.language === "ru").length;
    expect(russian / questions.length).toBeGreaterThan(0.4);
    const { figures, failures } = report(questions);
    expect(figures.wrong, failures.join("\n")).toBe(0);
    expect(figures.understood / figures.phrasings, failures.join("\n")).toBeGreaterThanOrEqual(0.97);
  });

  it("understands at least 90 % of the held-out phrasings, and never misunderstands one silently", () => {
    const { figures, failures } = report(heldOut);
    expect(figures.wrong, failures.join("\n")).toBe(0);
    expect(figures.understood / figures.phrasings, failures.join("\n")).toBeGreaterThanOrEqual(0.9);
  });
});
