// Points in time at the ingestion boundary: ISO 8601 with an offset, or
// without one (then UTC), or a bare date (midnight UTC). Only calendar dates
// that exist, in years PostgreSQL and a shop's history can hold: JavaScript
// reads 30 February as 2 March and year 0000 as 1 BC; both are refused here
// with the reason instead of failing the batch in the database.
import { z } from "zod";

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export const MIN_YEAR = 1900;
export const MAX_YEAR = 9999;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function impossibility(match: RegExpExecArray): string | undefined {
  const [year, month, day, hour = 0, minute = 0, second = 0] = match.slice(1).map((p: string | undefined) => (p === undefined ? undefined : Number(p))) as number[];
  if (year! < MIN_YEAR || year! > MAX_YEAR) return `has the year ${match[1]}; expected ${MIN_YEAR}-${MAX_YEAR}`;
  if (month! < 1 || month! > 12) return `has the month ${match[2]}, which does not exist`;
  if (day! < 1 || day! > daysInMonth(year!, month!)) return `is not a real date: ${match[1]}-${match[2]} has no day ${match[3]}`;
  if (hour > 23 || minute > 59 || second > 59) return "is not a real time of day";
  return undefined;
}

export const instantSchema = z
  .string()
  .trim()
  .regex(ISO, "expected an ISO 8601 date-time such as 2026-11-20T14:03:00Z")
  .transform((s, ctx) => {
    const problem = impossibility(ISO.exec(s)!);
    const withZone = /(?:Z|[+-]\d{2}:?\d{2})$/.test(s) || s.length === 10 ? s : `${s}Z`;
    const date = new Date(withZone.replace(" ", "T"));
    if (problem || Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: "custom", message: problem ?? "is not a real date" });
      return z.NEVER;
    }
    return date;
  });
