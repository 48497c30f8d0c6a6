// "tomorrow 10am", "friday 19:00", "в пятницу в 19:00", "now": when a campaign
// goes out, in the team's timezone, parsed by chrono-node (English, then Russian).
import * as chrono from "chrono-node";
import { DomainError } from "../errors.ts";
import { offsetMinutes, zonedInstant } from "../time/zoned.ts";

export class InvalidSchedule extends DomainError {
  constructor(text: string, reason: "unparsed" | "past") {
    super("invalid_schedule", reason === "past" ? `"${text}" is in the past` : `"${text}" is not a time I understand`, { text, reason });
  }
}

const NOW_WORDS = /^(now|immediately|right now|asap|сейчас|сразу|немедленно)$/i;

/** The instant `text` names, seen from `now` in `timezone`; never in the past. */
export function parseWhen(text: string, now: Date, timezone: string): Date {
  const input = text.trim();
  if (NOW_WORDS.test(input)) return now;
  const reference = { instant: now, timezone: offsetMinutes(now, timezone) };
  // The parser that understood more of the text wins ("в пятницу в 19:00": English sees only "19:00").
  const parsed = [chrono.parse(input, reference, { forwardDate: true })[0], chrono.ru.parse(input, reference, { forwardDate: true })[0]]
    .filter((r) => r !== undefined)
    .sort((a, b) => b.text.length - a.text.length)[0];
  if (!parsed || parsed.text.trim().length < input.replace(/[.,!]+$/, "").length * 0.6) throw new InvalidSchedule(input, "unparsed");
  const s = parsed.start;
  // Rebuild the instant from the wall-clock components, so a date across a DST change keeps its local time.
  const when =
    s.isCertain("hour") || s.isCertain("day") || s.isCertain("weekday")
      ? zonedInstant({ year: s.get("year")!, month: s.get("month")!, day: s.get("day")!, hour: s.get("hour") ?? 0, minute: s.get("minute") ?? 0 }, timezone)
      : parsed.date();
  if (when.getTime() < now.getTime() - 60_000) throw new InvalidSchedule(input, "past");
  return when;
}
