// Wall-clock arithmetic in IANA timezones with Intl only (no date library):
// what time is it there, and which instant is "10:00 on that date" there.

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timezone: string): Intl.DateTimeFormat {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: timezone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      weekday: "short",
    });
    formatters.set(timezone, f);
  }
  return f;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

export function wallClock(at: Date, timezone: string): WallClock {
  const parts = Object.fromEntries(formatter(timezone).formatToParts(at).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS.indexOf(parts.weekday!),
  };
}

/** Minutes the timezone is ahead of UTC at that instant. */
export function offsetMinutes(at: Date, timezone: string): number {
  const w = wallClock(at, timezone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant at which the wall clock in `timezone` shows the given local time.
 * A time skipped by a DST change resolves to the same wall time plus the gap.
 */
export function zonedInstant(local: { year: number; month: number; day: number; hour: number; minute: number }, timezone: string): Date {
  const guess = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  let instant = guess - offsetMinutes(new Date(guess), timezone) * 60_000;
  const corrected = guess - offsetMinutes(new Date(instant), timezone) * 60_000;
  if (corrected !== instant) instant = corrected;
  return new Date(instant);
}

/** Adds whole days to a local date (month and year roll over). */
export function addLocalDays(local: { year: number; month: number; day: number }, days: number) {
  const d = new Date(Date.UTC(local.year, local.month - 1, local.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** "2026-11-27T10:00" for a wall clock. */
export function formatWallClock(w: { year: number; month: number; day: number; hour: number; minute: number }): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${w.year}-${p(w.month)}-${p(w.day)}T${p(w.hour)}:${p(w.minute)}`;
}

export function parseWallClock(text: string): { year: number; month: number; day: number; hour: number; minute: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(text);
  if (!m) throw new Error(`not a wall-clock time: ${text}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]) };
}
