// Metrics can be asked for the whole base, for the people from one source, or
// for the people in a segment. The scope is a subquery of subscriber ids that
// every metric query joins. Erased people stay in it: erasure removes what
// identifies a person, not their anonymous orders and scores, so last month's
// revenue or NPS does not change when someone asks to be forgotten. (Segments,
// which pick people to message, never contain them.)
import type { CoreDeps } from "../deps.ts";
import { SqlParams } from "../db/sql-params.ts";
import { analyticsSettingsOf } from "../segments/analytics-settings.ts";
import { compileSegment } from "../segments/compile-segment.ts";
import type { SegmentDefinition } from "../segments/segment-definition.ts";

export type MetricScope = { source: string } | { segment: SegmentDefinition; name?: string } | undefined;

/** A parameter list that starts with the scope's own, and the scope's SQL (selects subscriber_id). */
export function scopeSql(deps: CoreDeps, scope: MetricScope): { params: SqlParams; sql: string } {
  if (scope && "segment" in scope) {
    const compiled = compileSegment(scope.segment, { now: deps.clock.now(), settings: analyticsSettingsOf(deps) });
    const params = new SqlParams();
    // The segment's own $1..$n come first; placeholders added later number on from there.
    params.values.push(...compiled.params);
    return { params, sql: compiled.sql };
  }
  const params = new SqlParams();
  const where = scope ? `AND s.source = ${params.add(scope.source, "text")}` : "";
  return { params, sql: `SELECT s.id AS subscriber_id FROM subscriber s WHERE TRUE ${where}` };
}
