// Which customers a campaign or a chain addresses: a segment (a built-in or
// saved name, or the text form), compiled to one SQL query returning
// subscriber_id (core/segments/compile-segment.ts). Consent, blocking and
// erasure are applied on top when the audience is materialized, so a segment
// never has to remember them.
import type { CoreDeps } from "../deps.ts";
import { analyticsSettingsOf } from "../segments/analytics-settings.ts";
import { compileSegment } from "../segments/compile-segment.ts";
import { parseSegmentText } from "../segments/parse-segment-text.ts";
import { findSegment, SegmentNotFound } from "../segments/saved-segments.ts";
import { segmentDefinitionSchema, type SegmentDefinition } from "../segments/segment-definition.ts";

export interface AudienceQuery {
  sql: string;
  params: unknown[];
}

const SEGMENT_NAME = /^[a-z0-9][a-z0-9_:-]{0,63}$/i;

/**
 * What the team's words name: a built-in or saved segment ("winback",
 * "rfm:at_risk"), or a rule in the text form ("lifecycle = loyal and not tag:vip").
 * The definition is taken now and stored with the campaign.
 */
export async function resolveAudience(deps: CoreDeps, text: string): Promise<{ text: string; definition: SegmentDefinition }> {
  const words = text.trim();
  if (SEGMENT_NAME.test(words)) {
    try {
      const named = await findSegment(deps, words);
      return { text: named.key, definition: named.definition };
    } catch (err) {
      // A bare word must be a segment's name; "tag:vip" may still be a rule.
      if (!(err instanceof SegmentNotFound) || !words.includes(":")) throw err;
    }
  }
  return { text: words, definition: parseSegmentText(words) };
}

/**
 * The audience's SQL as of `now` (windows such as "within 2d" count back from it). `windowStatsAt`
 * (windowStatsAnchor) lets rolling order windows read customer_stats: same people, faster.
 */
export function audienceQuery(
  deps: CoreDeps,
  definition: unknown,
  now: Date = deps.clock.now(),
  windowStatsAt: Date | null = null,
  options: { recipientColumns?: boolean } = {},
): AudienceQuery {
  return compileSegment(segmentDefinitionSchema.parse(definition), { now, settings: analyticsSettingsOf(deps), windowStatsAt, ...options });
}
