import { describe, expect, test } from "vitest";
import { readDate, type DateOrder } from "./read-date.ts";

// Thursday 3 December 2026, 12:00 in Moscow.
const now = new Date("2026-12-03T09:00:00Z");
const day = (text: string, options: { language?: string; dateOrder?: DateOrder; at?: Date } = {}) => {
  const read = readDate(text, { now: options.at ?? now, timezone: "Europe/Moscow", language: options.language ?? "ru", dateOrder: options.dateOrder ?? "dmy", future: true });
  if (!read) return undefined;
  const local = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Moscow", dateStyle: "short", ...(read.hasTime ? { timeStyle: "short" } : {}) }).format(read.at);
  // What parseWhen and parseDate accept: a day or a time, read from most of the text.
  return read.coverage >= 0.6 && (read.hasDate || read.hasTime) ? local : undefined;
};

describe("dates as people write them", () => {
  test.each([
    ["к новому году", "2026-12-31"],
    ["до нового года", "2026-12-31"],
    ["на новый год", "2027-01-01"],
    ["в канун Нового года", "2026-12-31"],
    ["после праздников", "2027-01-09"],
    ["после новогодних праздников", "2027-01-09"],
    ["к Рождеству", "2027-01-06"],
    ["by Christmas", "2026-12-24"],
    ["for Christmas", "2026-12-25"],
    ["on Christmas Eve", "2026-12-24"],
    ["after the holidays", "2027-01-02"],
    ["by New Year's Eve", "2026-12-30"],
    ["к Восьмому марта", "2027-03-07"],
    ["by Valentine's day", "2027-02-13"],
  ])("holiday: %s", (text, date) => {
    expect(day(text, { language: /[а-я]/i.test(text) ? "ru" : "en" })).toBe(date);
  });

  test("words the holiday table does not know are not guessed at: the caller asks again", () => {
    expect(day("через 3 дня после Рождества")).toBeUndefined();
    expect(day("three days after Christmas", { language: "en" })).toBeUndefined();
    // In May "после праздников" means the May holidays, which the table does not hold.
    expect(day("после праздников", { at: new Date("2027-05-03T09:00:00Z") })).toBeUndefined();
  });

  test("numeric dates are day first by default, month first when configured", () => {
    expect(day("10/12 10:00")).toBe("2026-12-10 10:00");
    expect(day("10.12 10:00")).toBe("2026-12-10 10:00");
    expect(day("10.12.2027")).toBe("2027-12-10");
    expect(day("3/4/27")).toBe("2027-04-03");
    expect(day("10/12 10:00", { language: "en", dateOrder: "mdy" })).toBe("2027-10-12 10:00");
    // Already past this year: next year's.
    expect(day("01.12")).toBe("2027-12-01");
  });

  test("a time written with a dot is not a date", () => {
    expect(day("завтра в 10.30")).not.toMatch(/-10-30|-30-10/);
  });

  test("impossible numeric dates are not rewritten into something else", () => {
    expect(day("31/02")).not.toBe("2027-02-28");
    expect(day("31/02")).not.toBe("2027-03-03");
  });

  test("chrono reading a single word of a sentence is reported as poor coverage, not as a date", () => {
    // Before: "к новому году" was read as "году" = the same day next year.
    expect(day("когда-нибудь в следующем году")).toBeUndefined();
    expect(day("году")).toBeUndefined();
  });
});
