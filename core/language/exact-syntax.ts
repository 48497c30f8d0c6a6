// Whether what follows a command is already its exact syntax (run as typed)
// or words to understand. The exact syntax always wins where it applies.
import { FIGURES, type FigureKey } from "../metrics/key-figures.ts";
import { parsePeriodWords } from "../metrics/period-words.ts";
import { parseSegmentText } from "../segments/parse-segment-text.ts";

export const SEGMENT_VERBS = ["list", "show", "preview", "save", "delete"];

/** `/segment list|show|...`, or a rule in the text form without a verb. */
export function isExactSegment(text: string): boolean {
  const verb = text.trim().split(/\s+/)[0]?.toLowerCase() ?? "";
  return verb === "" || SEGMENT_VERBS.includes(verb) || isSegmentRule(text);
}

/** A rule in the segment text form ("lifecycle = loyal and not tag:vip"). */
export function isSegmentRule(text: string): boolean {
  try {
    parseSegmentText(text);
    return true;
  } catch {
    return false;
  }
}

export interface MetricsQuestion {
  /** A figure asked about alone (`/metrics revenue last week`). */
  figure?: FigureKey;
  /** The period words, as parsePeriodWords reads them. */
  period: string;
}

/** `[FIGURE] [PERIOD] ...`: the leading figure key, if any, and the rest. */
export function metricsQuestion(text: string): MetricsQuestion {
  const [first = "", ...rest] = text.trim().split(/\s+/);
  return (FIGURES as readonly string[]).includes(first.toLowerCase()) ? { figure: first.toLowerCase() as FigureKey, period: rest.join(" ") } : { period: text.trim() };
}

/** `/metrics ... by source`: the per-source (acquisition) table. */
export const BY_SOURCE = /(?:^|\s+)(by source|by sources|по источникам|по источнику)$/i;
/** `/metrics ... segment NAME`: the figures of one segment. */
export const BY_SEGMENT = /(?:^|\s+)(?:by segment|for segment|segment|по сегменту|сегмент)\s+(.+)$/i;

/** `/metrics [FIGURE] [PERIOD] [by source | segment NAME]` read as typed: its period words are ones /metrics reads. */
export function isExactMetrics(text: string, now: Date, timezone: string): boolean {
  return isExactPeriod(metricsQuestion(text.replace(BY_SOURCE, "").replace(BY_SEGMENT, "")).period, now, timezone);
}

/** Period words /metrics reads as they are (after "by source" / "segment NAME" are taken off). */
export function isExactPeriod(words: string, now: Date, timezone: string): boolean {
  try {
    parsePeriodWords(words, now, timezone);
    return true;
  } catch {
    return false;
  }
}
