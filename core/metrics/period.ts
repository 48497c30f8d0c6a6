// A period is a half-open interval of instants [from, to). It is compared
// with the period before it (docs/metrics.md, "Periods"):
//  - a calendar week, month or quarter (or the part of one so far) with the
//    previous week, month or quarter (or the same part of it): November
//    against October, 1-3 December against 1-3 November;
//  - any other window ("last 30 days", two dates) with the window of the same
//    length that ends where it starts.
import { z } from "zod";
import { DomainError } from "../errors.ts";
import { addLocalDays, wallClock, zonedInstant } from "../time/zoned.ts";

export type CalendarUnit = "day" | "week" | "month" | "quarter";

export interface Period {
  from: Date;
  to: Date;
  /** Set when the period is a calendar unit (or its part so far) in the team's timezone. */
  calendar?: { unit: CalendarUnit; timezone: string };
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
  if (p.calendar) {
    const { unit, timezone } = p.calendar;
    const from = shiftLocal(p.from, unit, -1, timezone);
    const to = shiftLocal(p.to, unit, -1, timezone);
    return { from, to: to.getTime() > p.from.getTime() ? new Date(p.from) : to, calendar: p.calendar };
  }
  const length = p.to.getTime() - p.from.getTime();
  return { from: new Date(p.from.getTime() - length), to: new Date(p.from) };
}

export const DAYS_PER_MONTH = 30.4375;

export function monthsIn(p: Period): number {
  return (p.to.getTime() - p.from.getTime()) / 86_400_000 / DAYS_PER_MONTH;
}

/** The calendar day, week (Monday 00:00), month or quarter containing `at`, in `timezone`, offset by `offset` units. */
export function calendarPeriod(unit: CalendarUnit, at: Date, timezone: string, offset = 0): Period {
  const w = wallClock(at, timezone);
  if (unit === "day") return { from: midnight(addLocalDays(w, offset), timezone), to: midnight(addLocalDays(w, offset + 1), timezone) };
  if (unit === "week") {
    const monday = addLocalDays(w, -((w.weekday + 6) % 7) + 7 * offset);
    return { from: midnight(monday, timezone), to: midnight(addLocalDays(monday, 7), timezone) };
  }
  const months = unit === "quarter" ? 3 : 1;
  const first = unit === "quarter" ? w.month - ((w.month - 1) % 3) : w.month;
  return {
    from: midnight({ year: w.year, month: first + months * offset, day: 1 }, timezone),
    to: midnight({ year: w.year, month: first + months * (offset + 1), day: 1 }, timezone),
  };
}

/** The calendar month `month` (1-12) of `year` in `timezone`. */
export function calendarMonth(year: number, month: number, timezone: string): Period {
  return { from: midnight({ year, month, day: 1 }, timezone), to: midnight({ year, month: month + 1, day: 1 }, timezone) };
}

/** The same wall-clock time `n` weeks, months or quarters away; a day the month lacks becomes its last day. */
function shiftLocal(at: Date, unit: CalendarUnit, n: number, timezone: string): Date {
  const w = wallClock(at, timezone);
  let date: { year: number; month: number; day: number };
  if (unit === "day" || unit === "week") date = addLocalDays(w, (unit === "week" ? 7 : 1) * n);
  else {
    const index = w.year * 12 + (w.month - 1) + n * (unit === "quarter" ? 3 : 1);
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    date = { year, month, day: Math.min(w.day, new Date(Date.UTC(year, month, 0)).getUTCDate()) };
  }
  const instant = zonedInstant({ ...date, hour: w.hour, minute: w.minute }, timezone);
  return new Date(instant.getTime() + (at.getTime() - Math.floor(at.getTime() / 60_000) * 60_000));
}

/** Local midnight of a (possibly unnormalized: month 13, day 0) date in `timezone`. */
function midnight(date: { year: number; month: number; day: number }, timezone: string): Date {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day));
  return zonedInstant({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: 0, minute: 0 }, timezone);
}
