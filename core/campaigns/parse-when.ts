// "tomorrow 10am", "friday 19:00", "в пятницу в 19:00", "10.12 10:00", "now":
// when a campaign goes out, in the team's timezone (read-date.ts reads it).
import { DomainError } from "../errors.ts";
import { readDate, type DateOrder } from "./read-date.ts";

export class InvalidSchedule extends DomainError {
  constructor(text: string, reason: "unparsed" | "past") {
    super("invalid_schedule", reason === "past" ? `"${text}" is in the past` : `"${text}" is not a time I understand`, { text, reason });
  }
}

const NOW_WORDS = /^(now|immediately|right now|asap|сейчас|сразу|немедленно)$/i;

/** The instant `text` names, seen from `now` in `timezone`; never in the past. Numeric dates in `dateOrder` (read-date.ts). */
export function parseWhen(text: string, now: Date, timezone: string, dateOrder: DateOrder = "dmy"): Date {
  const input = text.trim();
  if (NOW_WORDS.test(input)) return now;
  const read = readDate(input, { now, timezone, language: /[а-яё]/i.test(input) ? "ru" : "en", dateOrder, future: true });
  if (!read || read.coverage < 0.6 || (!read.hasDate && !read.hasTime)) throw new InvalidSchedule(input, "unparsed");
  if (read.at.getTime() < now.getTime() - 60_000) throw new InvalidSchedule(input, "past");
  return read.at;
}
