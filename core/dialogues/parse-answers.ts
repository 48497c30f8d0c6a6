// What customers type, read leniently: "+7 (900) 123-45-67", "1 500", "завтра в 15:00",
// "nine". Each parser returns undefined for what it cannot read; the caller explains.
import { readDate, type DateOrder } from "../campaigns/read-date.ts";
import { pickLanguage } from "../i18n.ts";
import { normalizeEmail, normalizePhone } from "../subscribers/customer-identity.ts";

/** An e-mail address in the one canonical form every write path uses (lower-cased), or undefined. */
export function parseEmail(text: string): string | undefined {
  return normalizeEmail(text);
}

/** A phone number in the one canonical form every write path uses (E.164: + and 7-15 digits), or undefined. */
export function parsePhone(text: string): string | undefined {
  return normalizePhone(text);
}

export function parseNumber(text: string): number | undefined {
  const compact = text.trim().replace(/[\s\u00a0\u202f']/g, "");
  if (!/^[+-]?\d+([.,]\d+)?$/.test(compact)) return undefined;
  const value = Number(compact.replace(",", "."));
  return Number.isFinite(value) ? value : undefined;
}

const YES = new Set(["yes", "y", "yeah", "yep", "sure", "ok", "okay", "of course", "да", "ага", "конечно", "угу", "да, конечно", "есть"]);
const NO = new Set(["no", "n", "nope", "not really", "нет", "неа", "не", "нету", "пока нет"]);

export function parseYesNo(text: string): boolean | undefined {
  const normalized = normalizeWords(text);
  if (YES.has(normalized)) return true;
  if (NO.has(normalized)) return false;
  return undefined;
}

const NUMBER_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  ноль: 0, нуль: 0, один: 1, одна: 1, единица: 1, два: 2, две: 2, двойка: 2, три: 3, тройка: 3, четыре: 4, четверка: 4,
  пять: 5, пятерка: 5, шесть: 6, семь: 7, восемь: 8, девять: 9, десять: 10, десятка: 10,
};

/** A whole score typed as digits or a word ("9", "9/10", "nine", "девять"), within min..max. */
export function parseScore(text: string, min: number, max: number): number | undefined {
  const normalized = normalizeWords(text)
    .replace(/\s*(\/|out of|of|из)\s*10$/, "")
    .replace(/ё/g, "е");
  const value = /^\d{1,2}$/.test(normalized) ? Number(normalized) : NUMBER_WORDS[normalized];
  return value !== undefined && value >= min && value <= max ? value : undefined;
}

export interface ParsedDate {
  /** ISO 8601: a date ("2026-12-12") when no time was said, otherwise an instant. */
  value: string;
  at: Date;
  hasTime: boolean;
}

/**
 * A date or date and time in natural language, English or Russian, relative
 * to `now` in the customer's timezone (read-date.ts: numeric dates day first
 * for Russian speakers, else in `dateOrder`; holidays). Undefined when no day
 * or time was said, or when too much of the text would be ignored: the
 * customer is asked again rather than given a date they did not mean.
 */
export function parseDate(text: string, options: { language: string; now: Date; timezone: string; future?: boolean; dateOrder?: DateOrder }): ParsedDate | undefined {
  const language = pickLanguage(options.language);
  const read = readDate(text, {
    now: options.now,
    timezone: options.timezone,
    language,
    dateOrder: language === "ru" ? "dmy" : (options.dateOrder ?? "dmy"),
    future: options.future ?? true,
  });
  if (!read || (!read.hasDate && !read.hasTime) || read.coverage < 0.6) return undefined;
  const value = read.hasTime ? read.at.toISOString() : localDate(read.at, options.timezone);
  return { value, at: read.at, hasTime: read.hasTime };
}

/** The UTC offset of an IANA timezone at an instant, in minutes (chrono wants a number). */
export function offsetMinutes(timezone: string, at: Date): number {
  const name = new Intl.DateTimeFormat("en-US", { timeZone: timezone, timeZoneName: "longOffset" })
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName")?.value;
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name ?? "");
  if (!m) return 0;
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

function localDate(at: Date, timezone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: timezone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

function normalizeWords(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[!.?,;:)(]+$/g, "")
    .replace(/^[!.?,;:)(]+/g, "")
    .replace(/\s+/g, " ");
}
