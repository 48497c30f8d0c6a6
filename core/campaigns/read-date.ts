// Dates as people write them, in English and Russian, read one way for the
// team's /send and the customers' answers: numeric dates in the configured
// order ("10/12" and "10.12" are 10 December for a day/month team, the
// default; DATE_ORDER=mdy for US teams), holidays ("к новому году", "by
// Christmas", "после праздников") from a small table, and everything else
// by chrono-node. What is read from too little of the text is not read at
// all, so the caller asks again instead of guessing.
import * as chrono from "chrono-node";
import { offsetMinutes, zonedInstant } from "../time/zoned.ts";

export type DateOrder = "dmy" | "mdy";
export const DATE_ORDERS = ["dmy", "mdy"] as const;

export interface ReadDateOptions {
  now: Date;
  timezone: string;
  /** Which language's words win a tie: the customer's or the team's. */
  language: string;
  dateOrder: DateOrder;
  /** A date without a year is the next one (true) or the nearest one. */
  future: boolean;
}

export interface DateRead {
  /** The instant, built from the wall-clock date and time in `timezone`. */
  at: Date;
  /** A time of day was said (else the time is midnight, or chrono's guess for relative times). */
  hasTime: boolean;
  /** The date itself was said (a day, a weekday, a month, or a holiday), not only a time. */
  hasDate: boolean;
  /** How much of the text was a date, 0..1. */
  coverage: number;
}

export function readDate(text: string, options: ReadDateOptions): DateRead | undefined {
  const input = text.trim();
  if (!input) return undefined;
  const holiday = readHoliday(input, options);
  // A holiday with words around it the table cannot combine ("three days after Christmas"): not a guess.
  if (holiday === "unreadable") return undefined;
  if (holiday) return holiday;
  const rewritten = rewriteNumericDates(input, options);
  const reference = { instant: options.now, timezone: offsetMinutes(options.now, options.timezone) };
  const parsers = options.language === "ru" ? [chrono.ru, chrono.en] : [chrono.en, chrono.ru];
  // The parser that understood more of the text wins ("в пятницу в 19:00": English sees only "19:00").
  const parsed = parsers
    .map((parser) => parser.parse(rewritten, reference, { forwardDate: options.future })[0])
    .filter((r) => r !== undefined)
    .sort((a, b) => b.text.length - a.text.length)[0];
  if (!parsed) return undefined;
  const s = parsed.start;
  const hasTime = s.isCertain("hour");
  const hasDate = s.isCertain("day") || s.isCertain("weekday") || s.isCertain("month");
  // Rebuild the instant from the wall-clock components, so a date across a DST change keeps its local time.
  const at =
    hasTime || hasDate
      ? zonedInstant({ year: s.get("year")!, month: s.get("month")!, day: s.get("day")!, hour: s.get("hour") ?? 0, minute: s.get("minute") ?? 0 }, options.timezone)
      : parsed.date();
  return { at, hasTime, hasDate, coverage: Math.min(1, parsed.text.trim().length / Math.max(1, significant(rewritten).length)) };
}

/** The text without the words around a date that say nothing about it ("I need them by ... please"). */
function significant(text: string): string {
  return text
    .replace(/[.,!?]+$/, "")
    .split(/\s+/)
    .filter((w) => !FILLER.test(w.toLowerCase()) && !BEFORE.test(w.toLowerCase()))
    .join(" ");
}

/** "10/12", "10.12.2026", "3/4/27": day and month in the configured order, written as ISO for chrono. */
function rewriteNumericDates(text: string, options: ReadDateOptions): string {
  const pattern = /(^|[^\d:./])(\d{1,2})([./])(\d{1,2})(?:\3(\d{4}|\d{2}))?(?![\d:]|[./]\d)/g;
  return text.replace(pattern, (whole: string, before: string, a: string, _sep: string, b: string, y: string | undefined, offset: number) => {
    // "в 10.30", "at 10.30": a time written with a dot, not a date.
    if (!y && /(^|\s)(в|at|@|к)\s*$/i.test(text.slice(0, offset + before.length))) return whole;
    const [day, month] = options.dateOrder === "dmy" ? [Number(a), Number(b)] : [Number(b), Number(a)];
    if (month < 1 || month > 12 || day < 1 || day > daysIn(month, 2024)) return whole;
    const year = y ? (y.length === 2 ? 2000 + Number(y) : Number(y)) : yearOf(month, day, options);
    if (day > daysIn(month, year)) return whole;
    return `${before}${year}-${pad(month)}-${pad(day)}`;
  });
}

/** The year of a day and month said without one: this year's, or next year's once it has passed. */
function yearOf(month: number, day: number, options: Pick<ReadDateOptions, "now" | "timezone" | "future">): number {
  const today = wallDate(options.now, options.timezone);
  const passed = month < today.month || (month === today.month && day < today.day);
  return options.future && passed ? today.year + 1 : today.year;
}

// --- Holidays ---------------------------------------------------------------

interface Holiday {
  /** The words naming it, as regular expressions over the lower-cased text (ё as е). */
  names: RegExp;
  /** Month and day; for a holiday period, its first day. */
  month: number;
  day: number;
  /** Days the period lasts (the Russian New Year holidays run 1-8 January). */
  days?: number;
  /** The months in which the words mean this holiday; other months: ask again. */
  season?: number[];
}

const HOLIDAYS: Holiday[] = [
  { names: /(новогодн\p{L}* праздник\p{L}*|праздник\p{L}*)/u, month: 1, day: 1, days: 8, season: [11, 12, 1] },
  { names: /(канун\p{L}* нового года|new year'?s eve)/u, month: 12, day: 31 },
  { names: /(нов\p{L}+ год\p{L}*|new year'?s?( day)?)/u, month: 1, day: 1 },
  { names: /(рождеств\p{L}*)/u, month: 1, day: 7 },
  { names: /(christmas( day)?|xmas)/u, month: 12, day: 25 },
  { names: /(christmas eve)/u, month: 12, day: 24 },
  { names: /(the holidays|holidays)/u, month: 12, day: 24, days: 9, season: [11, 12, 1] },
  { names: /(восьмо\p{L}* марта|международн\p{L}* женск\p{L}* дн\p{L}*|international women'?s day)/u, month: 3, day: 8 },
  { names: /(дн\p{L}* (святого )?валентина|valentine'?s( day)?)/u, month: 2, day: 14 },
  { names: /(хэллоуин\p{L}*|halloween)/u, month: 10, day: 31 },
];

const BEFORE = /^(к|до|перед|by|before)$/u;
const AFTER = /^(после|after)$/u;
const FILLER = /^(на|в|во|the|on|at|around|about|по|примерно|где-то|ближе|мне|нужно|надо|нужны|for|please|пожалуйста|i|need|them|it|they|самого|самых|а|и|-)$/u;

/**
 * A holiday, alone or with "by"/"after": "к новому году" is the day before New
 * Year, "после праздников" the day after the New Year holidays, "by
 * Christmas" 24 December. Christmas in Russian is the Orthodox 7 January.
 * "unreadable" when one is named with other words, or out of its season.
 */
function readHoliday(text: string, options: ReadDateOptions): DateRead | "unreadable" | undefined {
  const lower = text.toLowerCase().replace(/ё/g, "е").replace(/[.,!?]+$/, "");
  // The most specific name wins ("christmas eve" over "christmas"): the longest match.
  const found = HOLIDAYS.map((holiday) => ({ holiday, m: holiday.names.exec(lower) }))
    .filter((f): f is { holiday: Holiday; m: RegExpExecArray } => f.m !== null)
    .sort((a, b) => b.m[0].length - a.m[0].length)[0];
  if (!found) return undefined;
  const { holiday, m } = found;
  const today = wallDate(options.now, options.timezone);
  // "После праздников" in May means the May holidays: only the winter ones are in the table.
  if (holiday.season && !holiday.season.includes(today.month)) return "unreadable";
  const rest = `${lower.slice(0, m.index)} ${lower.slice(m.index + m[0].length)}`.split(/\s+/).filter(Boolean);
  // Anything but "by", "after" and filler words is a date the table does not know ("3 days after Christmas"): ask again.
  if (rest.some((w) => !FILLER.test(w) && !BEFORE.test(w) && !AFTER.test(w))) return "unreadable";
  const after = rest.some((w) => AFTER.test(w));
  const before = !after && rest.some((w) => BEFORE.test(w));
  const length = holiday.days ?? 1;
  // The next time it is on (or, for a period, still on).
  let year = today.year;
  const end = addDays({ year, month: holiday.month, day: holiday.day }, length - 1);
  if (compare(end, today) < 0) year += 1;
  const first = { year, month: holiday.month, day: holiday.day };
  const date = after ? addDays(first, length) : before ? addDays(first, -1) : first;
  if (compare(date, today) < 0) return "unreadable";
  return { at: zonedInstant({ ...date, hour: 0, minute: 0 }, options.timezone), hasTime: false, hasDate: true, coverage: 1 };
}

// --- Calendar arithmetic on wall-clock dates --------------------------------

interface WallDate {
  year: number;
  month: number;
  day: number;
}

function wallDate(at: Date, timezone: string): WallDate {
  const [year, month, day] = new Intl.DateTimeFormat("en-CA", { timeZone: timezone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at).split("-").map(Number);
  return { year: year!, month: month!, day: day! };
}

function addDays(d: WallDate, days: number): WallDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

function compare(a: WallDate, b: WallDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

function daysIn(month: number, year: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
