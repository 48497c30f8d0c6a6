// Where in a sentence the send time is ("loyal customers tomorrow at 10am",
// "клиентам в зоне риска в понедельник в 10:00"): chrono-node's English and
// Russian parsers both look, the longest mention of a time still ahead wins
// ("bought last week" describes the audience, not the send time), and the
// instant comes from parseWhen, as if the words had been typed after /send.
import * as chrono from "chrono-node";
import { InvalidSchedule, parseWhen } from "../campaigns/parse-when.ts";
import { offsetMinutes } from "../time/zoned.ts";

const NOW = /^(now|right now|сейчас|прямо сейчас)$/i;
/** "2 days", "неделю", "месяц": chrono reads a bare duration as that far ahead; in a sentence it is the audience's window. */
const BARE_DURATION = /^(\d+\s*|\p{L}+\s+)?(hours?|days?|weeks?|months?|years?|час\p{L}*|дн\p{L}*|день|сутки|недел\p{L}*|месяц\p{L}*|год\p{L}*|лет)$/iu;

export interface FoundTime {
  at: Date;
  /** The words that said it, and where they were. */
  text: string;
  index: number;
}

export function findTime(text: string, now: Date, timezone: string): FoundTime | undefined {
  const reference = { instant: now, timezone: offsetMinutes(now, timezone) };
  const options = { forwardDate: true };
  const found = [...chrono.parse(text, reference, options), ...chrono.ru.parse(text, reference, options)]
    // "Now" is a word of the vocabulary (the exact syntax's own `now`), not a time to find.
    .filter((r) => r.date().getTime() >= now.getTime() - 60_000 && !NOW.test(r.text.trim()) && !BARE_DURATION.test(r.text.trim()))
    .sort((a, b) => b.text.length - a.text.length || a.index - b.index);
  for (const r of found) {
    try {
      return { at: parseWhen(r.text, now, timezone), text: r.text, index: r.index };
    } catch (err) {
      if (!(err instanceof InvalidSchedule)) throw err;
    }
  }
  return undefined;
}

/** The send time in the exact syntax: the team's local date and time, which parseWhen reads back to the same instant. */
export function exactWhen(at: Date, timezone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: timezone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}`;
}
