// RFM (DOMAIN.md): Recency, Frequency, Monetary, each scored 1-5 by quintile
// among the customers with at least one paid order, the combination naming
// the class. Scores are relative: a customer's R is how their last purchase
// ranks against everybody else's, not a fixed number of days.
//
//   R  by the date of the last paid order (most recent = 5)
//   F  by the number of paid orders within the RFM window (RFM_WINDOW_DAYS)
//   M  by the money spent within the same window
//   score = 1 + floor(5 x percent_rank), capped at 5; equal values share a
//   score (percent_rank gives ties the lower rank: everyone with one order
//   has the same F)
//
// The class comes from R and FM = round((F + M) / 2), halves rounded up:
//
//   R \ FM   1               2                    3                    4        5
//   5        new_customers   potential_loyalists  potential_loyalists  loyal    champions
//   4        promising       potential_loyalists  potential_loyalists  loyal    champions
//   3        about_to_sleep  need_attention       need_attention       loyal    loyal
//   2        hibernating     about_to_sleep       at_risk              at_risk  cant_lose
//   1        lost            hibernating          at_risk              at_risk  cant_lose
export const RFM_CLASSES = [
  "champions",
  "loyal",
  "potential_loyalists",
  "new_customers",
  "promising",
  "need_attention",
  "about_to_sleep",
  "at_risk",
  "cant_lose",
  "hibernating",
  "lost",
] as const;
export type RfmClass = (typeof RFM_CLASSES)[number];

/** RFM_GRID[5 - R][FM - 1], the table above. */
export const RFM_GRID: readonly (readonly RfmClass[])[] = [
  ["new_customers", "potential_loyalists", "potential_loyalists", "loyal", "champions"],
  ["promising", "potential_loyalists", "potential_loyalists", "loyal", "champions"],
  ["about_to_sleep", "need_attention", "need_attention", "loyal", "loyal"],
  ["hibernating", "about_to_sleep", "at_risk", "at_risk", "cant_lose"],
  ["lost", "hibernating", "at_risk", "at_risk", "cant_lose"],
];

export function rfmClassOf(r: number, f: number, m: number): RfmClass {
  return RFM_GRID[5 - r]![Math.floor((f + m + 1) / 2) - 1]!;
}

/** The class as SQL over integer score expressions, generated from the grid so the two never disagree. */
export function rfmClassSql(r: string, f: string, m: string): string {
  const branches: string[] = [];
  for (let rs = 5; rs >= 1; rs--) {
    for (let fm = 1; fm <= 5; fm++) branches.push(`WHEN ${rs * 10 + fm} THEN '${RFM_GRID[5 - rs]![fm - 1]}'`);
  }
  return `(CASE ${r} * 10 + (${f} + ${m} + 1) / 2 ${branches.join(" ")} END)`;
}

/** A quintile score 1-5 of `expr` over the rows of the query. */
export function quintileSql(expr: string): string {
  return `LEAST(5, 1 + floor(5 * percent_rank() OVER (ORDER BY ${expr})))::int`;
}
