// A period is a half-open interval of instants [from, to). Comparisons use the
// previous period of the same length, ending where this one starts.
import { z } from "zod";
import { DomainError } from "../errors.ts";

export interface Period {
  from: Date;
  to: Date;
}

export const periodSchema = z
  .object({ from: z.date(), to: z.date() })
  .refine((p) => p.to.getTime() > p.from.getTime(), { message: "the period must end after it starts" });

export class InvalidPeriod extends DomainError {
  constructor(reason: string) {
    super("invalid_period", `Invalid period: ${reason}.`);
  }
}

export function checkPeriod(p: Period): Period {
  const r = periodSchema.safeParse(p);
  if (!r.success) throw new InvalidPeriod(r.error.issues[0]!.message);
  return p;
}

export function previousPeriod(p: Period): Period {
  const length = p.to.getTime() - p.from.getTime();
  return { from: new Date(p.from.getTime() - length), to: new Date(p.from) };
}

export const DAYS_PER_MONTH = 30.4375;

export function monthsIn(p: Period): number {
  return (p.to.getTime() - p.from.getTime()) / 86_400_000 / DAYS_PER_MONTH;
}

/** The calendar week (Monday 00:00) or month containing `at`, in `timezone`, offset by `offset` units. */
export function calendarPeriod(unit: "week" | "month", at: Date, timezone: string, offset = 0): Period {
  const local = localParts(at, timezone);
  let start: { y: number; m: number; d: number };
  let end: { y: number; m: number; d: number };
  if (unit === "month") {
    start = { y: local.y, m: local.m + offset, d: 1 };
    end = { y: local.y, m: local.m + offset + 1, d: 1 };
  } else {
    const weekday = (new Date(Date.UTC(local.y, local.m - 1, local.d)).getUTCDay() + 6) % 7;
    start = { y: local.y, m: local.m, d: local.d - weekday + 7 * offset };
    end = { y: local.y, m: local.m, d: local.d - weekday + 7 * (offset + 1) };
  }
  return { from: midnight(start, timezone), to: midnight(end, timezone) };
}

function localParts(at: Date, timezone: string): { y: number; m: number; d: number } {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: timezone, year: "numeric", month: "numeric", day: "numeric" }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { y: get("year"), m: get("month"), d: get("day") };
}

/** The instant of local midnight of a (possibly unnormalized) date in `timezone`. */
function midnight(date: { y: number; m: number; d: number }, timezone: string): Date {
  const utc = Date.UTC(date.y, date.m - 1, date.d);
  // The zone's offset at that moment, found by formatting; applied twice to settle across DST changes.
  let guess = utc;
  for (let i = 0; i < 2; i++) guess = utc - offsetMs(new Date(guess), timezone);
  return new Date(guess);
}

function offsetMs(at: Date, timezone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: timezone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}
