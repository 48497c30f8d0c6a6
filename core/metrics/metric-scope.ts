// Metrics can be asked for the whole base, for the people from one source, or
// for the people in a segment. A scope is a CTE plus a predicate on a
// subscriber id column; erased people are never in it. The whole base is
// expressed as "not erased" (a handful of ids) rather than a list of everyone,
// so unscoped metrics do not drag every subscriber id through each join.
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
  has(column: string): string;
}

export function scopeSql(deps: CoreDeps, scope: MetricScope): ScopeSql {
  const params = new SqlParams();
  if (!scope) {
    return {
      params,
      cte: `erased AS MATERIALIZED (SELECT id FROM subscriber WHERE erased_at IS NOT NULL)`,
      has: (column) => `${column} NOT IN (SELECT id FROM erased)`,
    };
  }
  let sql: string;
  if ("segment" in scope) {
    const compiled = compileSegment(scope.segment, { now: deps.clock.now(), settings: analyticsSettingsOf(deps) });
    // The segment's own $1..$n come first; placeholders added later number on from there.
    params.values.push(...compiled.params);
    sql = compiled.sql;
  } else {
    sql = `SELECT s.id AS subscriber_id FROM subscriber s WHERE s.erased_at IS NULL AND s.source = ${params.add(scope.source, "text")}`;
  }
  return { params, cte: `scope AS MATERIALIZED (${sql})`, has: (column) => `${column} IN (SELECT subscriber_id FROM scope)` };
}
