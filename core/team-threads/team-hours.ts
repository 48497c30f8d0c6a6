// The team's working hours (TEAM_HOURS, e.g. "Mon-Fri 09:00-18:00", in the
// team's timezone). DOMAIN.md: a chat message that needs a human answer is
// sent only within working hours; a customer who asks for a person outside
// them is told when someone will answer, and the card says they were told.
import { addLocalDays, wallClock, zonedInstant } from "../time/zoned.ts";

export interface TeamHours {
  /** ISO weekdays the team works: 1 = Monday ... 7 = Sunday. */
  days: Set<number>;
  /** Local minutes of day. */
  start: number;
  end: number;
}

const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const PATTERN = /^([a-z]{3})(?:-([a-z]{3}))?\s+([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/i;

export function isTeamHours(text: string): boolean {
  try {
    parseTeamHours(text);
    return true;
  } catch {
    return false;
  }
}

/** "Mon-Fri 09:00-18:00" (or "Mon 10:00-14:00"); days wrap ("Sat-Mon"). */
export function parseTeamHours(text: string): TeamHours {
  const m = PATTERN.exec(text.trim());
  const from = m ? DAYS.indexOf(m[1]!.toLowerCase()) : -1;
  const to = m ? DAYS.indexOf((m[2] ?? m[1]!).toLowerCase()) : -1;
  if (!m || from < 0 || to < 0) throw new Error(`team hours "${text}" are not like "Mon-Fri 09:00-18:00"`);
  const start = Number(m[3]) * 60 + Number(m[4]);
  const end = Number(m[5]) * 60 + Number(m[6]);
  if (end <= start) throw new Error(`team hours "${text}" end before they start`);
  const days = new Set<number>();
  for (let d = from; ; d = (d + 1) % 7) {
    days.add(d + 1);
    if (d === to) break;
  }
  return { days, start, end };
}

function isoWeekday(date: { year: number; month: number; day: number }): number {
  const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/**
 * When the team is next at work: undefined while it is (or when no hours are
 * set: the team answers whenever it can), otherwise the start of the next
 * working period in the team's timezone.
 */
/** A moment as a customer or teammate reads it: "Monday, 30 November, 09:00". */
export function formatOpening(at: Date, language: string, timezone: string): string {
  return new Intl.DateTimeFormat(language === "ru" ? "ru-RU" : "en-GB", { weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit", timeZone: timezone }).format(at);
}

export function nextTeamOpening(now: Date, hours: TeamHours | undefined, timezone: string): Date | undefined {
  if (!hours) return undefined;
  const local = wallClock(now, timezone);
  const minute = local.hour * 60 + local.minute;
  if (hours.days.has(isoWeekday(local)) && minute >= hours.start && minute < hours.end) return undefined;
  for (let ahead = 0; ahead <= 7; ahead++) {
    const day = ahead === 0 ? local : addLocalDays(local, ahead);
    if (!hours.days.has(isoWeekday(day))) continue;
    if (ahead === 0 && minute >= hours.start) continue;
    return zonedInstant({ ...day, hour: Math.floor(hours.start / 60), minute: hours.start % 60 }, timezone);
  }
  return undefined;
}
