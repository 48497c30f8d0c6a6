// Every segment with its live size and how it changed since a week ago, and
// the daily snapshot that makes "a week ago" answerable (scheduler job
// "segments.daily-snapshot"). Days are calendar days in the team's timezone.
import type { CoreDeps } from "../deps.ts";
import { BUILT_IN_SEGMENTS, builtInSizes } from "./built-in-segments.ts";
import { listSavedSegments, type NamedSegment } from "./saved-segments.ts";
import { segmentSize } from "./segment-report.ts";
import { formatSegmentText } from "./format-segment-text.ts";

export interface SegmentSize {
  segment: NamedSegment;
  size: number;
  /** The size in the latest snapshot taken 7 or more days ago; undefined without one. */
  weekAgo?: number;
  /** size - weekAgo. */
  change?: number;
}

export async function listSegments(deps: CoreDeps): Promise<SegmentSize[]> {
  const sizes = await currentSizes(deps);
  const weekAgo = await weekAgoSizes(deps);
  return sizes.map(({ segment, size }) => {
    const before = weekAgo.get(segment.key);
    return { segment, size, ...(before === undefined ? {} : { weekAgo: before, change: size - before }) };
  });
}

/** Records today's size of every segment; running it twice the same day keeps the later figure. */
export async function takeSegmentSnapshots(deps: CoreDeps, options: { at?: Date } = {}): Promise<number> {
  const at = options.at ?? deps.clock.now();
  const sizes = await currentSizes(deps);
  const rows = sizes.map(({ segment, size }) => ({ key: segment.key, size }));
  await deps.db.prisma.$executeRawUnsafe(
    `INSERT INTO segment_snapshot (segment_key, day, size, taken_at)
     SELECT x.key, $2::date, x.size, $3::timestamptz FROM jsonb_to_recordset($1::jsonb) AS x(key text, size int)
     ON CONFLICT (segment_key, day) DO UPDATE SET size = excluded.size, taken_at = excluded.taken_at`,
    JSON.stringify(rows),
    dayIn(deps.teamTimezone, at),
    deps.clock.now().toISOString(),
  );
  return rows.length;
}

/** Daily sizes of one segment, oldest first. */
export async function segmentHistory(deps: CoreDeps, key: string, days = 28): Promise<{ day: string; size: number }[]> {
  const since = addDays(dayIn(deps.teamTimezone, deps.clock.now()), -days);
  return deps.db.prisma.$queryRawUnsafe<{ day: string; size: number }[]>(
    `SELECT day::text AS day, size FROM segment_snapshot WHERE segment_key = $1 AND day > $2::date ORDER BY day`,
    key,
    since,
  );
}

async function currentSizes(deps: CoreDeps): Promise<{ segment: NamedSegment; size: number }[]> {
  const builtIn = await builtInSizes(deps);
  const out: { segment: NamedSegment; size: number }[] = BUILT_IN_SEGMENTS.map((s) => ({
    segment: { key: s.key, kind: "built_in" as const, group: s.group, label: s.label, text: formatSegmentText(s.definition), definition: s.definition },
    size: builtIn.get(s.key) ?? 0,
  }));
  for (const segment of await listSavedSegments(deps)) out.push({ segment, size: await segmentSize(deps, segment.definition) });
  return out;
}

/** For each segment, its size in the latest snapshot taken 7 or more days ago. */
export async function weekAgoSizes(deps: CoreDeps): Promise<Map<string, number>> {
  return sizesOn(deps, addDays(dayIn(deps.teamTimezone, deps.clock.now()), -7));
}

/** For each segment, its size in the latest snapshot on or before `day`. */
async function sizesOn(deps: CoreDeps, day: string): Promise<Map<string, number>> {
  const rows = await deps.db.prisma.$queryRawUnsafe<{ key: string; size: number }[]>(
    `SELECT DISTINCT ON (segment_key) segment_key AS key, size FROM segment_snapshot
      WHERE day <= $1::date ORDER BY segment_key, day DESC`,
    day,
  );
  return new Map(rows.map((r) => [r.key, r.size]));
}

/** The calendar day (YYYY-MM-DD) of an instant in a timezone. */
export function dayIn(timezone: string, at: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: timezone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
