import { describe, expect, test } from "vitest";
import { parsePeriodWords } from "./period-words.ts";

// Wednesday 25 November 2026, 12:00 in Berlin (11:00Z).
const now = new Date("2026-11-25T11:00:00Z");
const iso = (text: string) => {
  const p = parsePeriodWords(text, now, "Europe/Berlin").period;
  return [p.from.toISOString(), p.to.toISOString()];
};

describe("period words", () => {
  test.each([
    ["", ["2026-11-15T23:00:00.000Z", "2026-11-22T23:00:00.000Z"]],
    ["last week", ["2026-11-15T23:00:00.000Z", "2026-11-22T23:00:00.000Z"]],
    ["за прошлую неделю", ["2026-11-15T23:00:00.000Z", "2026-11-22T23:00:00.000Z"]],
    ["this week", ["2026-11-22T23:00:00.000Z", "2026-11-25T11:00:00.000Z"]],
    ["на этой неделе", ["2026-11-22T23:00:00.000Z", "2026-11-25T11:00:00.000Z"]],
    ["last month", ["2026-09-30T22:00:00.000Z", "2026-10-31T23:00:00.000Z"]],
    ["за прошлый месяц", ["2026-09-30T22:00:00.000Z", "2026-10-31T23:00:00.000Z"]],
    ["This Month", ["2026-10-31T23:00:00.000Z", "2026-11-25T11:00:00.000Z"]],
    ["last 30 days", ["2026-10-26T11:00:00.000Z", "2026-11-25T11:00:00.000Z"]],
    ["за последние 7 дней", ["2026-11-18T11:00:00.000Z", "2026-11-25T11:00:00.000Z"]],
  ])("%j", (text, expected) => {
    expect(iso(text)).toEqual(expected);
  });

  test("an unknown period is refused", () => {
    expect(() => iso("since the dawn of time")).toThrow('I don\'t know the period "since the dawn of time"');
  });
});
