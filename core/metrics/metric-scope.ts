// Metrics can be asked for the whole base, for the people from one source, or
// for the people in a segment. A scope is a CTE plus a predicate on a
// subscriber id column. Erased people stay in the whole base and in a source:
// erasure removes what identifies a person, not their anonymous orders and
// scores, so last month's revenue or NPS does not change when someone asks to
// be forgotten. (Segments, which pick people to message, never contain them.)
import type { CoreDeps } from "../deps.ts";
import { SqlParams } from "../db/sql-params.ts";
import { analyticsSettingsOf } from "../segments/analytics-settings.ts";
import { compileSegment } from "../segments/compile-segment.ts";
import type { SegmentDefinition } from "../segments/segment-definition.ts";

export type MetricScope = { source: string } | { segment: SegmentDefinition; name?: string } | undefined;

export interface ScopeSql {
  /** Parameters so far (the scope's own first); add yours to it. */
  params: SqlParams;
  /** A CTE to put in the query's WITH list. */
  cte: string;
  /** The predicate "column is a subscriber in the scope". */
  has: (column: string) => string;
}

export function scopeSql(deps: CoreDeps, scope: MetricScope): ScopeSql {
  const params = new SqlParams();
  if (!scope) {
    return { params, cte: `whole_base AS (SELECT 1)`, has: () => "TRUE" };
  }
  let sql: string;
  if ("segment" in scope) {
    const compiled = compileSegment(scope.segment, { now: deps.clock.now(), settings: analyticsSettingsOf(deps) });
    // The segment's own $1..$n come first; placeholders added later number on from there.
    params.values.push(...compiled.params);
    sql = compiled.sql;
  } else {
    sql = `SELECT s.id AS subscriber_id FROM subscriber s WHERE s.source = ${params.add(scope.source, "text")}`;
  }
  return { params, cte: `scope AS MATERIALIZED (${sql})`, has: (column) => `${column} IN (SELECT subscriber_id FROM scope)` };
}
