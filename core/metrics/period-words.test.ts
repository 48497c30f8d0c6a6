import { describe, expect, test } from "vitest";
import { parsePeriodWords } from "./period-words.ts";
import { previousPeriod } from "./period.ts";

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

  test("yesterday and today are days in the team's timezone, compared with the day before (today: the same part of it)", () => {
    for (const text of ["yesterday", "вчера", "за вчера"]) expect(iso(text)).toEqual(["2026-11-23T23:00:00.000Z", "2026-11-24T23:00:00.000Z"]);
    for (const text of ["today", "сегодня"]) expect(iso(text)).toEqual(["2026-11-24T23:00:00.000Z", "2026-11-25T11:00:00.000Z"]);
    const before = (text: string) => {
      const p = previousPeriod(parsePeriodWords(text, now, "Europe/Berlin").period);
      return [p.from.toISOString(), p.to.toISOString()];
    };
    expect(before("yesterday")).toEqual(["2026-11-22T23:00:00.000Z", "2026-11-23T23:00:00.000Z"]);
    expect(before("today")).toEqual(["2026-11-23T23:00:00.000Z", "2026-11-24T11:00:00.000Z"]);
    // The change to winter time (Berlin, Sunday 25 October 2026): that day is 25 hours long; the one before, 24.
    const sunday = parsePeriodWords("yesterday", new Date("2026-10-26T10:00:00Z"), "Europe/Berlin").period;
    const saturday = previousPeriod(sunday);
    expect([sunday.from.toISOString(), sunday.to.toISOString()]).toEqual(["2026-10-24T22:00:00.000Z", "2026-10-25T23:00:00.000Z"]);
    expect([saturday.from.toISOString(), saturday.to.toISOString()]).toEqual(["2026-10-23T22:00:00.000Z", "2026-10-24T22:00:00.000Z"]);
  });

  test("an unknown period is refused", () => {
    expect(() => iso("since the dawn of time")).toThrow('I don\'t know the period "since the dawn of time"');
  });
});

describe("quarters and month names", () => {
  test.each([
    ["this quarter", ["2026-09-30T22:00:00.000Z", "2026-11-25T11:00:00.000Z"]],
    ["в этом квартале", ["2026-09-30T22:00:00.000Z", "2026-11-25T11:00:00.000Z"]],
    ["last quarter", ["2026-06-30T22:00:00.000Z", "2026-09-30T22:00:00.000Z"]],
    ["за прошлый квартал", ["2026-06-30T22:00:00.000Z", "2026-09-30T22:00:00.000Z"]],
    ["october", ["2026-09-30T22:00:00.000Z", "2026-10-31T23:00:00.000Z"]],
    ["в октябре", ["2026-09-30T22:00:00.000Z", "2026-10-31T23:00:00.000Z"]],
    ["November", ["2026-10-31T23:00:00.000Z", "2026-11-25T11:00:00.000Z"]],
    ["за ноябрь", ["2026-10-31T23:00:00.000Z", "2026-11-25T11:00:00.000Z"]],
    // A month later in the year than now: last year's.
    ["december", ["2025-11-30T23:00:00.000Z", "2025-12-31T23:00:00.000Z"]],
    ["dec 2025", ["2025-11-30T23:00:00.000Z", "2025-12-31T23:00:00.000Z"]],
    ["февраль 2026", ["2026-01-31T23:00:00.000Z", "2026-02-28T23:00:00.000Z"]],
  ])("%j", (text, expected) => {
    expect(iso(text)).toEqual(expected);
  });

  test("a month that has not begun is refused", () => {
    expect(() => iso("december 2026")).toThrow('I don\'t know the period "december 2026"');
  });
});

describe("the period a period is compared with", () => {
  const previous = (text: string) => {
    const p = previousPeriod(parsePeriodWords(text, now, "Europe/Berlin").period);
    return [p.from.toISOString(), p.to.toISOString()];
  };
  test.each([
    // A calendar month with the previous calendar month, whatever their lengths: October (31 days) with September (30).
    ["october", ["2026-08-31T22:00:00.000Z", "2026-09-30T22:00:00.000Z"]],
    // March (31) with February (28), across the change to summer time.
    ["march 2026", ["2026-01-31T23:00:00.000Z", "2026-02-28T23:00:00.000Z"]],
    // November (30) with October (31): 1-31 October, not 2-31.
    ["за ноябрь 2025", ["2025-09-30T22:00:00.000Z", "2025-10-31T23:00:00.000Z"]],
    // This month so far (1-25 Nov, 12:00) with the same part of October.
    ["this month", ["2026-09-30T22:00:00.000Z", "2026-10-25T11:00:00.000Z"]],
    ["last week", ["2026-11-08T23:00:00.000Z", "2026-11-15T23:00:00.000Z"]],
    ["last quarter", ["2026-03-31T22:00:00.000Z", "2026-06-30T22:00:00.000Z"]],
    // A rolling window with the window before it.
    ["last 30 days", ["2026-09-26T11:00:00.000Z", "2026-10-26T11:00:00.000Z"]],
  ])("%j", (text, expected) => {
    expect(previous(text)).toEqual(expected);
  });

  // 31 March 12:00 in Berlin (summer time) -> 28 February 12:00 (winter time).
  test("the 31st of a month compares with the last day of a shorter one", () => {
    const p = previousPeriod(parsePeriodWords("this month", new Date("2027-03-31T10:00:00Z"), "Europe/Berlin").period);
    expect([p.from.toISOString(), p.to.toISOString()]).toEqual(["2027-01-31T23:00:00.000Z", "2027-02-28T11:00:00.000Z"]);
  });
});
