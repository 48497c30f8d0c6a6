// Cron arithmetic for schedules that live in the database: when is the next
// run after a given instant (the Clock's "now", not the wall clock)? croner
// computes the next occurrence in a timezone directly, DST changes included.
import { Cron } from "croner";
import { DomainError } from "../errors.ts";

const parsed = new Map<string, Cron>();

export class InvalidCron extends DomainError {
  constructor(expression: string, reason: string) {
    super("invalid_cron", `"${expression}" is not a cron expression: ${reason}. Example: "0 9 * * 1" (Mondays 09:00).`);
  }
}

/** Accepts five-field cron expressions (minute hour day-of-month month day-of-week). */
export function assertCron(expression: string): void {
  cronOf(expression, "UTC");
}

/** The first minute strictly after `after` that the expression matches in `timezone`. */
export function nextOccurrence(expression: string, timezone: string, after: Date): Date {
  const next = cronOf(expression, timezone).nextRun(after);
  if (!next) throw new InvalidCron(expression, "it never matches");
  return next;
}

function cronOf(expression: string, timezone: string): Cron {
  const key = `${expression}|${timezone}`;
  let cron = parsed.get(key);
  if (!cron) {
    if (expression.trim().split(/\s+/).length !== 5) throw new InvalidCron(expression, "expected five fields");
    try {
      // Paused: only its arithmetic is used; the Scheduler decides when jobs run.
      cron = new Cron(expression, { mode: "5-part", timezone, paused: true });
    } catch (err) {
      const reason = (err instanceof Error ? err.message : String(err)).replace(/^CronPattern:\s*/, "");
      throw new InvalidCron(expression, reason.charAt(0).toLowerCase() + reason.slice(1));
    }
    parsed.set(key, cron);
  }
  return cron;
}
