// The data of an A/B test that picks its winner, shared by the use cases
// (ab-winner.ts) and the Notifier port's cards (a leaf: imports nothing).
export const WINNER_MEASURES = ["clicks", "conversions", "replies"] as const;
export type WinnerMeasure = (typeof WINNER_MEASURES)[number];

export interface VariantResult {
  size: number;
  successes: number;
  rate: number;
}

export interface AbDecision {
  winner: "A" | "B";
  /** significant: B (or A) won the test; not_significant / too_small: the default went; manual: a teammate chose. */
  reason: "significant" | "not_significant" | "too_small" | "manual";
  by: WinnerMeasure;
  decidedBy: string;
  decidedAt: string;
  A: VariantResult;
  B: VariantResult;
  pValue: number | null;
  /** Rows of the rest that were released to the winner. */
  rest: number;
}

/** The test's card in the team channel, posted when it starts sending. */
export interface AbTestStarted {
  campaignId: number;
  name: string;
  testPercent: number;
  by: WinnerMeasure;
  defaultVariant: "A" | "B";
  sizes: { A: number; B: number; rest: number };
  decideAt: string;
}

/** Variant B's content goes to "B" (the test) and "RB" (the rest, after B won). */
export function isVariantB(variant: string): boolean {
  return variant === "B" || variant === "RB";
}
