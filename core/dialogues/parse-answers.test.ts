import { describe, expect, test } from "vitest";
import { offsetMinutes, parseDate, parseEmail, parseNumber, parsePhone, parseScore, parseYesNo } from "./parse-answers.ts";

describe("reading what customers type", () => {
  test("e-mail addresses", () => {
    // Lower-cased whole: the form the ingestion API and CSV import store, so the shop's orders find the person.
    expect(parseEmail(" Ann.Lee+shoes@Example.COM ")).toBe("ann.lee+shoes@example.com");
    expect(parseEmail("mailto:a@b.io")).toBe("a@b.io");
    for (const wrong of ["ann@", "ann@example", "ann example.com", "@example.com", "ann@@example.com", "ann@exa mple.com"]) {
      expect(parseEmail(wrong), wrong).toBeUndefined();
    }
  });

  test("phone numbers in E.164 with the +, with the Russian 8 as +7", () => {
    expect(parsePhone("+44 20 7946 0958")).toBe("+442079460958");
    // The forms a shop sends for the same number: one canonical value, as the ingestion API stores it.
    for (const same of ["+49 151 1234 5678", "0049151 12345678", "4915112345678", "+49 (151) 1234-5678", "0049.151.1234.5678"]) {
      expect(parsePhone(same), same).toBe("+4915112345678");
    }
    // A national number says no country: the customer is asked again with the country code.
    expect(parsePhone("0151 1234 5678")).toBeUndefined();
    expect(parsePhone("8 (900) 123-45-67")).toBe("+79001234567");
    expect(parsePhone("7 900 123 45 67")).toBe("+79001234567");
    expect(parsePhone("12345")).toBeUndefined();
    expect(parsePhone("call me maybe")).toBeUndefined();
    expect(parsePhone("+1 234 567 890 123 456 7")).toBeUndefined();
  });

  test("numbers with spaces and decimal commas", () => {
    expect(parseNumber("1 500")).toBe(1500);
    expect(parseNumber("42,5")).toBe(42.5);
    expect(parseNumber("-3")).toBe(-3);
    expect(parseNumber("forty")).toBeUndefined();
    expect(parseNumber("12abc")).toBeUndefined();
  });

  test("scores as digits or words, English and Russian", () => {
    expect(["9", "nine", "Nine!", "девять", "9/10", "9 out of 10", "9 из 10"].map((s) => parseScore(s, 0, 10))).toEqual([9, 9, 9, 9, 9, 9, 9]);
    expect(parseScore("ноль", 0, 10)).toBe(0);
    expect(parseScore("десять", 0, 10)).toBe(10);
    expect(parseScore("11", 0, 10)).toBeUndefined();
    expect(parseScore("0", 1, 5)).toBeUndefined();
    expect(parseScore("great", 0, 10)).toBeUndefined();
    expect(parseScore("9.5", 0, 10)).toBeUndefined();
  });

  test("yes and no", () => {
    expect(["yes", "Yeah", "да", "Конечно!"].map(parseYesNo)).toEqual([true, true, true, true]);
    expect(["no", "Nope", "нет"].map(parseYesNo)).toEqual([false, false, false]);
    expect(parseYesNo("maybe")).toBeUndefined();
  });

  test("dates in natural language, in the customer's timezone, English and Russian", () => {
    const now = new Date("2026-11-23T10:00:00Z"); // a Monday
    const en = (text: string) => parseDate(text, { language: "en", now, timezone: "Europe/Berlin" });
    const ru = (text: string) => parseDate(text, { language: "ru", now, timezone: "Europe/Moscow" });
    expect(en("tomorrow at 5pm")).toMatchObject({ value: "2026-11-24T16:00:00.000Z", hasTime: true });
    expect(en("December 20")).toMatchObject({ value: "2026-12-20", hasTime: false });
    expect(ru("завтра в 15:00")).toMatchObject({ value: "2026-11-24T12:00:00.000Z", hasTime: true });
    expect(ru("20 декабря")).toMatchObject({ value: "2026-12-20", hasTime: false });
    // A Russian speaker writing in English is understood too.
    expect(ru("December 20")).toMatchObject({ value: "2026-12-20" });
    // Holidays, and what is not a day at all ("году": a year from now, before).
    expect(ru("к новому году")).toMatchObject({ value: "2026-12-31", hasTime: false });
    expect(en("by Christmas")).toMatchObject({ value: "2026-12-24" });
    expect(ru("в следующем году")).toBeUndefined();
    // Numeric dates: day first for Russian speakers whatever the shop's order, the shop's order otherwise.
    expect(ru("10/12")).toMatchObject({ value: "2026-12-10" });
    expect(parseDate("10/12", { language: "en", now, timezone: "Europe/Berlin", dateOrder: "mdy" })).toMatchObject({ value: "2027-10-12" });
    expect(en("when pigs fly")).toBeUndefined();
    expect(ru("как-нибудь потом")).toBeUndefined();
  });

  test("timezone offsets", () => {
    expect(offsetMinutes("Europe/Moscow", new Date("2026-11-23T10:00:00Z"))).toBe(180);
    expect(offsetMinutes("America/New_York", new Date("2026-07-01T10:00:00Z"))).toBe(-240);
    expect(offsetMinutes("UTC", new Date())).toBe(0);
  });
});
