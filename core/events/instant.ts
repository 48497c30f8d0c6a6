// Points in time at the ingestion boundary: ISO 8601 with an offset, or
// without one (then UTC), or a bare date (midnight UTC).
import { z } from "zod";

const ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export const instantSchema = z
  .string()
  .trim()
  .regex(ISO, "expected an ISO 8601 date-time such as 2026-11-20T14:03:00Z")
  .transform((s, ctx) => {
    const withZone = /(?:Z|[+-]\d{2}:?\d{2})$/.test(s) || s.length === 10 ? s : `${s}Z`;
    const date = new Date(withZone.replace(" ", "T"));
    if (Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: "custom", message: "is not a real date" });
      return z.NEVER;
    }
    return date;
  });
