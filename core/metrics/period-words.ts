// "last week", "this month", "last 30 days", "за прошлый месяц", "на этой
// неделе": the period a marketer means, in the team's timezone. Weeks start on
// Monday. Nothing given means the last full week.
import { DomainError } from "../errors.ts";
import { calendarPeriod, type Period } from "./period.ts";

export class UnknownPeriod extends DomainError {
  constructor(text: string) {
    super("unknown_period", `I don't know the period "${text}"`, { text });
  }
}

export interface NamedPeriod {
  period: Period;
  /** this_week | last_week | this_month | last_month | last_days */
  kind: "this_week" | "last_week" | "this_month" | "last_month" | "last_days";
  days?: number;
}

const PATTERNS: [RegExp, NamedPeriod["kind"]][] = [
  [/^(this week|current week|(на )?этой неделе|эта неделя|за эту неделю|текущая неделя)$/, "this_week"],
  [/^(last week|previous week|past week|(на )?прошлой неделе|прошлая неделя|за прошлую неделю|предыдущая неделя)$/, "last_week"],
  [/^(this month|current month|(в )?этом месяце|этот месяц|за этот месяц|текущий месяц)$/, "this_month"],
  [/^(last month|previous month|past month|(в )?прошлом месяце|прошлый месяц|за прошлый месяц|предыдущий месяц)$/, "last_month"],
];

export function parsePeriodWords(text: string, now: Date, timezone: string): NamedPeriod {
  const words = text.trim().toLowerCase().replace(/\s+/g, " ").replace(/ё/g, "е");
  if (words === "") return { kind: "last_week", period: calendarPeriod("week", now, timezone, -1) };
  for (const [pattern, kind] of PATTERNS) {
    if (!pattern.test(words)) continue;
    const unit = kind.endsWith("week") ? "week" : "month";
    const period = calendarPeriod(unit, now, timezone, kind.startsWith("last") ? -1 : 0);
    // "This week" so far: up to now, compared with the same number of days before.
    return { kind, period: kind.startsWith("this") ? { from: period.from, to: now } : period };
  }
  const days = /^(?:last|past|за последние|последние|за) (\d{1,3}) (?:days?|дн(?:я|ей|ь)?)$/.exec(words);
  if (days && Number(days[1]) >= 1 && Number(days[1]) <= 366) {
    const n = Number(days[1]);
    return { kind: "last_days", days: n, period: { from: new Date(now.getTime() - n * 86_400_000), to: now } };
  }
  throw new UnknownPeriod(text);
}
