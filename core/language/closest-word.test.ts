import { expect, test } from "vitest";
import { closestWord, editDistance } from "./closest-word.ts";

const SLACK = ["segment", "send", "metrics", "campaigns", "template", "audit", "digest", "customer", "chatloop"];

test("edit distance counts insertions, deletions and substitutions", () => {
  expect(editDistance("segments", "segment")).toBe(1);
  expect(editDistance("metric", "metrics")).toBe(1);
  expect(editDistance("kitten", "sitting")).toBe(3);
  expect(editDistance("", "abc")).toBe(3);
});

test("a near miss names the command meant; a different word names none", () => {
  expect(closestWord("segments", SLACK)).toBe("segment");
  expect(closestWord("metric", SLACK)).toBe("metrics");
  expect(closestWord("campaign", SLACK)).toBe("campaigns");
  expect(closestWord("Segmnet", SLACK)).toBe("segment");
  expect(closestWord("start", SLACK)).toBeUndefined();
  expect(closestWord("help", SLACK)).toBeUndefined();
});
