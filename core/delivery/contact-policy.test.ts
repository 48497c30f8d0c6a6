import { describe, expect, test } from "vitest";
import { parseFrequencyCap, parseQuietHours, quietHoursEnd } from "./contact-policy.ts";
import { offsetMinutes, wallClock, zonedInstant } from "../time/zoned.ts";

const quiet = parseQuietHours("21:00-09:00");

describe("quiet hours", () => {
  test.each([
    // Berlin is UTC+1 in November.
    ["2026-11-24T19:59:00Z", "Europe/Berlin", undefined], // 20:59 local: allowed
    ["2026-11-24T20:00:00Z", "Europe/Berlin", "2026-11-25T08:00:00.000Z"], // 21:00 local: wait for 09:00 tomorrow
    ["2026-11-25T02:30:00Z", "Europe/Berlin", "2026-11-25T08:00:00.000Z"], // 03:30 local: wait for 09:00 today
    ["2026-11-25T08:00:00Z", "Europe/Berlin", undefined], // 09:00 local: allowed
    // Vladivostok is UTC+10: 10:00 UTC is 20:00 there, 11:00 UTC is 21:00.
    ["2026-11-25T11:00:00Z", "Asia/Vladivostok", "2026-11-25T23:00:00.000Z"],
    // New York evening of 31 Dec: quiet hours end on 1 Jan at 09:00 EST (14:00Z).
    ["2026-12-31T23:30:00-05:00", "America/New_York", "2027-01-01T14:00:00.000Z"],
  ])("at %s in %s the message waits until %s", (at, tz, until) => {
    expect(quietHoursEnd(new Date(at), tz, quiet)?.toISOString()).toBe(until);
  });

  test("a window inside one day (13:00-14:00) and quiet hours switched off", () => {
    const lunch = parseQuietHours("13:00-14:00");
    expect(quietHoursEnd(new Date("2026-11-25T12:30:00Z"), "Europe/Berlin", lunch)?.toISOString()).toBe("2026-11-25T13:00:00.000Z");
    expect(quietHoursEnd(new Date("2026-11-25T23:00:00Z"), "Europe/Berlin", parseQuietHours("off"))).toBeUndefined();
  });

  test("frequency caps parse", () => {
    expect(parseFrequencyCap("2/7d")).toEqual({ messages: 2, days: 7 });
    expect(() => parseFrequencyCap("2 per week")).toThrow();
  });
});

describe("zoned time", () => {
  test("10:00 local across the spring DST change in Berlin", () => {
    expect(zonedInstant({ year: 2027, month: 3, day: 27, hour: 10, minute: 0 }, "Europe/Berlin").toISOString()).toBe("2027-03-27T09:00:00.000Z");
    expect(zonedInstant({ year: 2027, month: 3, day: 28, hour: 10, minute: 0 }, "Europe/Berlin").toISOString()).toBe("2027-03-28T08:00:00.000Z");
    expect(offsetMinutes(new Date("2026-11-25T00:00:00Z"), "Asia/Kolkata")).toBe(330);
    expect(wallClock(new Date("2026-11-30T08:00:00Z"), "Europe/Berlin")).toMatchObject({ hour: 9, weekday: 1 });
  });
});
