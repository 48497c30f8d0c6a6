// The use cases behind `/segment show NAME` and `/segment preview TEXT`: a
// segment in words and figures, for the iterative modelling DOMAIN.md
// describes (guess thresholds, look at the sizes, refine).
import type { CoreDeps } from "../deps.ts";
import { describeSegment } from "./describe-segment.ts";
import { parseSegmentText } from "./parse-segment-text.ts";
import { findSegment, type NamedSegment } from "./saved-segments.ts";
import { segmentReport, type SegmentReport } from "./segment-report.ts";
import { weekAgoSizes } from "./segment-sizes.ts";
import type { SegmentDefinition } from "./segment-definition.ts";

export interface SegmentView extends SegmentReport {
  segment: NamedSegment;
  /** The definition in words, in the requested language. */
  words: string;
  weekAgo?: number;
  change?: number;
}

export async function showSegment(deps: CoreDeps, options: { name: string; language: string }): Promise<SegmentView> {
  const segment = await findSegment(deps, options.name);
  const report = await segmentReport(deps, segment.definition);
  const weekAgo = (await weekAgoSizes(deps)).get(segment.key);
  return {
    ...report,
    segment,
    words: describeSegment(segment.definition, options.language, deps.translator),
    ...(weekAgo === undefined ? {} : { weekAgo, change: report.size - weekAgo }),
  };
}

/** Size and breakdowns of a segment typed as text, before it is saved. Throws SegmentTextError on bad text. */
export async function previewSegment(deps: CoreDeps, options: { text: string; language: string }): Promise<SegmentReport & { definition: SegmentDefinition; words: string }> {
  const definition = parseSegmentText(options.text);
  const report = await segmentReport(deps, definition);
  return { ...report, definition, words: describeSegment(definition, options.language, deps.translator) };
}
