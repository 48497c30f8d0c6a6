// RFM (DOMAIN.md): Recency, Frequency, Monetary, each scored 1-5 by quintile
// among the customers with at least one paid order, the combination naming
// the class (docs/metrics.md, "RFM"). Scores are relative: a customer's R is
// how their last purchase ranks against everybody else's, not a fixed number
// of days.
//
//   R  by the date of the last paid order (most recent = 5)
//   F  1 for one paid order (or none) within the RFM window (RFM_WINDOW_DAYS);
//      2-5 for two or more, by quartile among the customers with two or more.
//      Ranking one-order customers with everybody else would give a single
//      recent order F=2 (ties take the lowest rank, and most customers buy once),
//      so "New customers" and "Promising" could never have anyone.
//   M  by the money spent within the same window
//   score = 1 + floor(5 x percent_rank) (F: 2 + floor(4 x percent_rank)), capped
//   at 5; equal values share a score (percent_rank gives ties the lower rank)
//
// The class comes from R and, for F = 1, the column "F 1"; otherwise from
// FM = round((F + M) / 2), halves rounded up (always 2 or more when F >= 2):
//
//   R \ F1 | FM  F = 1           FM 2                 FM 3                 FM 4     FM 5
//   5             new_customers   potential_loyalists  potential_loyalists  loyal    champions
//   4             promising       potential_loyalists  potential_loyalists  loyal    champions
//   3             about_to_sleep  need_attention       need_attention       loyal    loyal
//   2             hibernating     about_to_sleep       at_risk              at_risk  cant_lose
//   1             lost            hibernating          at_risk              at_risk  cant_lose
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

/** RFM_GRID[5 - R][column - 1], the table above (column 1: F = 1; column 2-5: FM). */
export const RFM_GRID: readonly (readonly RfmClass[])[] = [
  ["new_customers", "potential_loyalists", "potential_loyalists", "loyal", "champions"],
  ["promising", "potential_loyalists", "potential_loyalists", "loyal", "champions"],
  ["about_to_sleep", "need_attention", "need_attention", "loyal", "loyal"],
  ["hibernating", "about_to_sleep", "at_risk", "at_risk", "cant_lose"],
  ["lost", "hibernating", "at_risk", "at_risk", "cant_lose"],
];

export function rfmClassOf(r: number, f: number, m: number): RfmClass {
  return RFM_GRID[5 - r]![rfmColumn(f, m) - 1]!;
}

function rfmColumn(f: number, m: number): number {
  return f === 1 ? 1 : Math.max(2, Math.floor((f + m + 1) / 2));
}

/** The scores a class covers, as rows of R values and their columns: "R 4-5: FM 5", "R 5: F 1". */
export function rfmScoresOf(rfmClass: RfmClass): { r: number[]; columns: number[] }[] {
  const rows: { r: number[]; columns: number[] }[] = [];
  for (let r = 5; r >= 1; r--) {
    const columns = RFM_GRID[5 - r]!.flatMap((c, i) => (c === rfmClass ? [i + 1] : []));
    if (columns.length === 0) continue;
    const last = rows.at(-1);
    if (last && last.columns.join() === columns.join() && last.r.at(-1) === r + 1) last.r.push(r);
    else rows.push({ r: [r], columns });
  }
  return rows;
}

/** "R 5 · F 1", "R 4–5 · FM 5; R 3 · FM 4–5": the scores of a class in the notation of docs/metrics.md. */
export function rfmScoresText(rfmClass: RfmClass): string {
  const range = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return sorted.length === 1 ? `${sorted[0]}` : `${sorted[0]}–${sorted.at(-1)}`;
  };
  return rfmScoresOf(rfmClass)
    .flatMap(({ r, columns }) => {
      const parts: string[] = [];
      if (columns.includes(1)) parts.push(`R ${range(r)} · F 1`);
      const fm = columns.filter((c) => c > 1);
      if (fm.length > 0) parts.push(`R ${range(r)} · FM ${range(fm)}`);
      return parts;
    })
    .join("; ");
}

/** The class as SQL over integer score expressions, generated from the grid so the two never disagree. */
export function rfmClassSql(r: string, f: string, m: string): string {
  const branches: string[] = [];
  for (let rs = 5; rs >= 1; rs--) {
    for (let fm = 1; fm <= 5; fm++) branches.push(`WHEN ${rs * 10 + fm} THEN '${RFM_GRID[5 - rs]![fm - 1]}'`);
  }
  return `(CASE ${r} * 10 + (CASE WHEN ${f} = 1 THEN 1 ELSE GREATEST(2, (${f} + ${m} + 1) / 2) END) ${branches.join(" ")} END)`;
}

/** A quintile score 1-5 of `expr` over the rows of the query. */
export function quintileSql(expr: string): string {
  return `LEAST(5, 1 + floor(5 * percent_rank() OVER (ORDER BY ${expr})))::int`;
}

/**
 * The boundaries of quintileSql (base 1, step 5) or of frequencySql's quartiles among repeat buyers
 * (base 2, step 4) over `n` ranked rows, as fractions for percentile_disc: element i is for the score
 * base + i. A row's score is base + floor(step * c / (n - 1)) (capped at 5) where c counts the rows
 * with a smaller value (percent_rank), so it is at least k when c >= c_k, the first position where the
 * formula reaches k - i.e. when the value exceeds the c_k-th smallest value, which percentile_disc
 * returns for the fraction (c_k - 0.5) / n. c_k is found with the same float8 arithmetic percent_rank
 * uses, so boundary ties fall exactly where the window functions put them. NULL (nobody above base)
 * when n <= 1: percent_rank is then 0.
 */
export function boundaryFractionsSql(n: string, base: 1 | 2, step: 5 | 4): string {
  // The exact ceiling of (k - base)(n - 1) / step, then the float8 test on it and its neighbours.
  const c0 = `(((k - ${base}) * (${n} - 1) + ${step - 1}) / ${step})`;
  return `ARRAY(SELECT (SELECT (min(c) - 0.5)::float8 / ${n}
                          FROM generate_series(greatest(${c0} - 1, 0), least(${c0} + 1, ${n} - 1)) c
                         WHERE ${n} > 1 AND ${base} + floor(${step} * (c::float8 / (${n} - 1))) >= k)
                  FROM generate_series(${base + 1}, 5) k ORDER BY k)`;
}

/** F: 1 for at most one order in the window; 2-5 by quartile among those with two or more. */
export function frequencySql(orders: string): string {
  return `(CASE WHEN ${orders} <= 1 THEN 1
           ELSE LEAST(5, 2 + floor(4 * percent_rank() OVER (PARTITION BY ${orders} >= 2 ORDER BY ${orders})))::int END)`;
}
