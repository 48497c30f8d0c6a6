// Cron arithmetic for schedules that live in the database: when is the next
// run after a given instant (the Clock's "now", not the wall clock)?
import cron, { type ScheduledTask } from "node-cron";
import { DomainError } from "../errors.ts";

const matchers = new Map<string, ScheduledTask>();

export class InvalidCron extends DomainError {
  constructor(expression: string, reason: string) {
    super("invalid_cron", `"${expression}" is not a cron expression: ${reason}. Example: "0 9 * * 1" (Mondays 09:00).`);
  }
}

/** Accepts five-field cron expressions (minute hour day-of-month month day-of-week). */
export function assertCron(expression: string): void {
  if (expression.trim().split(/\s+/).length !== 5) throw new InvalidCron(expression, "expected five fields");
  const result = cron.validateDetailed(expression);
  if (!result.valid) throw new InvalidCron(expression, result.errors.map((e) => e.message).join("; "));
}

/** The first minute strictly after `after` that the expression matches in `timezone`. */
export function nextOccurrence(expression: string, timezone: string, after: Date): Date {
  assertCron(expression);
  const key = `${expression}|${timezone}`;
  let matcher = matchers.get(key);
  if (!matcher) {
    matcher = cron.createTask(expression, () => {}, { timezone });
    matchers.set(key, matcher);
  }
  const minute = 60_000;
  let t = Math.floor(after.getTime() / minute) * minute + minute;
  const limit = t + 366 * 24 * 60 * minute;
  for (; t <= limit; t += minute) {
    if (matcher.match(new Date(t))) return new Date(t);
  }
  throw new InvalidCron(expression, "it never matches within a year");
}
