import { describe, expect, test } from "vitest";
import { parseWhen } from "./parse-when.ts";

// Tuesday 24 November 2026, 15:30 in Berlin (14:30Z).
const now = new Date("2026-11-24T14:30:00Z");
const at = (text: string, tz = "Europe/Berlin") => parseWhen(text, now, tz).toISOString();

describe("when a campaign goes out", () => {
  test.each([
    ["now", "2026-11-24T14:30:00.000Z"],
    ["сейчас", "2026-11-24T14:30:00.000Z"],
    ["tomorrow 10am", "2026-11-25T09:00:00.000Z"],
    ["tomorrow at 10:00", "2026-11-25T09:00:00.000Z"],
    ["friday 19:00", "2026-11-27T18:00:00.000Z"],
    ["в пятницу в 19:00", "2026-11-27T18:00:00.000Z"],
    ["завтра в 10:00", "2026-11-25T09:00:00.000Z"],
    ["today 18:00", "2026-11-24T17:00:00.000Z"],
    ["in 2 hours", "2026-11-24T16:30:00.000Z"],
    ["через 2 часа", "2026-11-24T16:30:00.000Z"],
    ["1 December 9:00", "2026-12-01T08:00:00.000Z"],
    ["2026-12-05 08:30", "2026-12-05T07:30:00.000Z"],
  ])("%s", (text, iso) => {
    expect(at(text)).toBe(iso);
  });

  test("the team's timezone decides what 10am means", () => {
    expect(at("tomorrow 10am", "America/New_York")).toBe("2026-11-25T15:00:00.000Z");
    // 14:30Z is already 00:30 on Wednesday in Vladivostok: "tomorrow" is Thursday there.
    expect(at("tomorrow 10am", "Asia/Vladivostok")).toBe("2026-11-26T00:00:00.000Z");
  });

  test("a time after the spring DST change keeps its wall-clock time", () => {
    expect(parseWhen("29 March 10:00", new Date("2027-03-20T12:00:00Z"), "Europe/Berlin").toISOString()).toBe("2027-03-29T08:00:00.000Z");
  });

  test("numeric dates are read in the team's order: day first by default, month first for a US team", () => {
    expect(at("10/12 10:00")).toBe("2026-12-10T09:00:00.000Z");
    expect(at("10.12 10:00")).toBe("2026-12-10T09:00:00.000Z");
    expect(parseWhen("10/12 10:00", now, "Europe/Berlin", "mdy").toISOString()).toBe("2027-10-12T08:00:00.000Z");
    // A date with a time is not taken for a holiday, nor a holiday with a time guessed at.
    expect(at("8 марта 10:00")).toBe("2027-03-08T09:00:00.000Z");
    expect(() => at("к новому году в 10:00")).toThrow("is not a time I understand");
  });

  test("nonsense and the past are refused", () => {
    expect(() => at("whenever you like")).toThrow('"whenever you like" is not a time I understand');
    expect(() => at("yesterday 10am")).toThrow('"yesterday 10am" is in the past');
  });
});
