// "yesterday", "last week", "this month", "this quarter", "november", "last 30 days",
// "за прошлый месяц", "на этой неделе", "в ноябре": the period a marketer
// means, in the team's timezone. Weeks start on Monday. Nothing given means
// the last full week. A month named without a year is the latest one that
// has begun ("november" in December is last month; in November, this month
// so far). /metrics and /spend read periods the same way.
import { DomainError } from "../errors.ts";
import { calendarMonth, calendarPeriod, type CalendarUnit, type Period } from "./period.ts";
import { wallClock } from "../time/zoned.ts";

export class UnknownPeriod extends DomainError {
  constructor(text: string) {
    super("unknown_period", `I don't know the period "${text}"`, { text });
  }
}

export interface NamedPeriod {
  period: Period;
  kind: "today" | "yesterday" | "this_week" | "last_week" | "this_month" | "last_month" | "this_quarter" | "last_quarter" | "month" | "last_days";
  days?: number;
}

/** Each named period: its words, the calendar unit, and whether it is the unit so far (0) or the one before (-1). */
const PATTERNS: [RegExp, NamedPeriod["kind"], CalendarUnit, 0 | -1][] = [
  [/^(today|so far today|(за )?сегодня|сегодняшний день)$/, "today", "day", 0],
  [/^(yesterday|(за )?вчера|вчерашний день)$/, "yesterday", "day", -1],
  [/^(this week|current week|(на )?этой неделе|эта неделя|за эту неделю|текущая неделя)$/, "this_week", "week", 0],
  [/^(last week|previous week|past week|(на )?прошлой неделе|прошлая неделя|за прошлую неделю|предыдущая неделя)$/, "last_week", "week", -1],
  [/^(this month|current month|(в )?этом месяце|этот месяц|за этот месяц|текущий месяц)$/, "this_month", "month", 0],
  [/^(last month|previous month|past month|(в )?прошлом месяце|прошлый месяц|за прошлый месяц|предыдущий месяц)$/, "last_month", "month", -1],
  [/^(this quarter|current quarter|(в )?этом квартале|этот квартал|за этот квартал|текущий квартал)$/, "this_quarter", "quarter", 0],
  [/^(last quarter|previous quarter|past quarter|(в )?прошлом квартале|прошлый квартал|за прошлый квартал|предыдущий квартал)$/, "last_quarter", "quarter", -1],
];

/** Month names by their first letters, English then Russian (any case ending: ноябрь, ноября, ноябре). */
const MONTHS: [RegExp, number][] = [
  [/^(jan(uary)?|январ[ьяе])$/, 1],
  [/^(feb(ruary)?|феврал[ьяе])$/, 2],
  [/^(mar(ch)?|март[ае]?)$/, 3],
  [/^(apr(il)?|апрел[ьяе])$/, 4],
  [/^(may|ма[йяе])$/, 5],
  [/^(june?|июн[ьяе])$/, 6],
  [/^(july?|июл[ьяе])$/, 7],
  [/^(aug(ust)?|август[ае]?)$/, 8],
  [/^(sept?(ember)?|сентябр[ьяе])$/, 9],
  [/^(oct(ober)?|октябр[ьяе])$/, 10],
  [/^(nov(ember)?|ноябр[ьяе])$/, 11],
  [/^(dec(ember)?|декабр[ьяе])$/, 12],
];

export function parsePeriodWords(text: string, now: Date, timezone: string): NamedPeriod {
  const words = text.trim().toLowerCase().replace(/\s+/g, " ").replace(/ё/g, "е");
  const calendar = (unit: CalendarUnit) => ({ unit, timezone });
  if (words === "") return { kind: "last_week", period: { ...calendarPeriod("week", now, timezone, -1), calendar: calendar("week") } };
  for (const [pattern, kind, unit, offset] of PATTERNS) {
    if (!pattern.test(words)) continue;
    const period = calendarPeriod(unit, now, timezone, offset);
    // "This month" (or today) so far: up to now, compared with the same part of the month (day) before.
    return { kind, period: { from: period.from, to: offset === 0 ? now : period.to, calendar: calendar(unit) } };
  }
  const month = monthPeriod(words, now, timezone);
  if (month) return { kind: "month", period: { ...month, calendar: calendar("month") } };
  const days = /^(?:last|past|за последние|последние|за) (\d{1,3}) (?:days?|дн(?:я|ей|ь)?)$/.exec(words);
  if (days && Number(days[1]) >= 1 && Number(days[1]) <= 366) {
    const n = Number(days[1]);
    return { kind: "last_days", days: n, period: { from: new Date(now.getTime() - n * 86_400_000), to: now } };
  }
  throw new UnknownPeriod(text);
}

/** "november", "nov 2025", "in november", "в ноябре", "за ноябрь 2025 года". */
function monthPeriod(words: string, now: Date, timezone: string): Period | null {
  const m = /^(?:in |for |в |за )?([a-zа-я]+)\.?(?: (\d{4})(?: г(?:ода?|\.)?)?)?$/.exec(words);
  if (!m) return null;
  const month = MONTHS.find(([pattern]) => pattern.test(m[1]!))?.[1];
  if (month === undefined) return null;
  const today = wallClock(now, timezone);
  const year = m[2] ? Number(m[2]) : month <= today.month ? today.year : today.year - 1;
  const period = calendarMonth(year, month, timezone);
  if (period.from.getTime() >= now.getTime()) return null;
  return period.to.getTime() > now.getTime() ? { from: period.from, to: now } : period;
}
