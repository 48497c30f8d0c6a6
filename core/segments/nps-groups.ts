// NPS groups (DOMAIN.md): promoters 9-10, passives 7-8, detractors 0-6, from
// each person's latest NPS answer. People who never answered are in no group.
import type { SqlParams } from "../db/sql-params.ts";

export const NPS_GROUPS = ["promoter", "passive", "detractor"] as const;
export type NpsGroup = (typeof NPS_GROUPS)[number];

export function npsGroupOf(score: number): NpsGroup {
  return score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor";
}

export function npsGroupSql(score: string): string {
  return `(CASE WHEN ${score} >= 9 THEN 'promoter' WHEN ${score} >= 7 THEN 'passive' WHEN ${score} >= 0 THEN 'detractor' END)`;
}

/** Each person's latest NPS score (answered up to now): columns subscriber_id, score. */
export function latestNpsSql(params: SqlParams, now: Date): string {
  return `SELECT DISTINCT ON (r.subscriber_id) r.subscriber_id, r.score
            FROM survey_response r
           WHERE r.kind = 'nps' AND r.score IS NOT NULL AND r.answered_at <= ${params.add(now, "timestamptz")}
           ORDER BY r.subscriber_id, r.answered_at DESC, r.id DESC`;
}
