// The rules that protect the base from erosion (DOMAIN.md): a frequency cap on
// marketing messages per customer, and quiet hours in the customer's own
// timezone during which messages wait for the morning instead of being dropped.
import { addLocalDays, wallClock, zonedInstant } from "../time/zoned.ts";

export interface ContactPolicy {
  /** At most `messages` marketing messages per `days` days per customer. */
  frequencyCap: { messages: number; days: number };
  /** Local minutes-of-day; start > end wraps midnight (21:00-09:00). Null = no quiet hours. */
  quietHours: { start: number; end: number } | null;
  /** Orders this many days after a delivery or click are attributed to it. */
  attributionDays: number;
  /** Marketing messages from trigger chains per person per 24 h, across chains (0 or absent: no limit). */
  triggeredPerDay?: number;
}

export const DEFAULT_POLICY: ContactPolicy = {
  frequencyCap: { messages: 2, days: 7 },
  quietHours: { start: 21 * 60, end: 9 * 60 },
  attributionDays: 7,
};

export function parseFrequencyCap(text: string): ContactPolicy["frequencyCap"] {
  const m = /^(\d+)\/(\d+)d$/.exec(text.trim());
  if (!m) throw new Error(`frequency cap "${text}" is not "<messages>/<days>d"`);
  return { messages: Number(m[1]), days: Number(m[2]) };
}

export function parseQuietHours(text: string): ContactPolicy["quietHours"] {
  if (text.trim() === "off") return null;
  const m = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(text.trim());
  if (!m) throw new Error(`quiet hours "${text}" are not "HH:MM-HH:MM"`);
  return { start: Number(m[1]) * 60 + Number(m[2]), end: Number(m[3]) * 60 + Number(m[4]) };
}

/**
 * If `at` falls inside quiet hours in `timezone`, the instant they end (when
 * the message may go out); otherwise undefined.
 */
export function formatQuietHours(quiet: ContactPolicy["quietHours"]): string | null {
  if (!quiet) return null;
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  return `${hhmm(quiet.start)}-${hhmm(quiet.end)}`;
}

export function quietHoursEnd(at: Date, timezone: string, quiet: ContactPolicy["quietHours"]): Date | undefined {
  if (!quiet || quiet.start === quiet.end) return undefined;
  const local = wallClock(at, timezone);
  const minute = local.hour * 60 + local.minute;
  const wraps = quiet.start > quiet.end;
  const inside = wraps ? minute >= quiet.start || minute < quiet.end : minute >= quiet.start && minute < quiet.end;
  if (!inside) return undefined;
  // Evening part of a wrapping window: the quiet period ends tomorrow morning.
  const day = wraps && minute >= quiet.start ? addLocalDays(local, 1) : local;
  return zonedInstant({ ...day, hour: Math.floor(quiet.end / 60), minute: quiet.end % 60 }, timezone);
}
