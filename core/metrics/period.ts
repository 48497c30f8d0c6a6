// A period is a half-open interval of instants [from, to). Comparisons use the
// previous period of the same length, ending where this one starts.
import { z } from "zod";
import { DomainError } from "../errors.ts";
import { wallClock, zonedInstant } from "../time/zoned.ts";

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
  const { year, month, day, weekday } = wallClock(at, timezone);
  // Local midnights; a day or month out of range rolls over (Date.UTC's arithmetic).
  const midnight = (m: number, d: number) => zonedInstant({ year, month: m, day: d, hour: 0, minute: 0 }, timezone);
  if (unit === "month") return { from: midnight(month + offset, 1), to: midnight(month + offset + 1, 1) };
  const monday = day - ((weekday + 6) % 7);
  return { from: midnight(month, monday + 7 * offset), to: midnight(month, monday + 7 * (offset + 1)) };
}
