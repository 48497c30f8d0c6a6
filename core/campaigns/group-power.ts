// How big a comparison group must be to measure anything: the holdout against
// those who get the campaign, or variant B against A. A two-sided
// two-proportion z-test: can a lift of `minimumLift` (absolute) over a
// `baselineRate` conversion be told from chance, at significance `alpha`
// with probability `power`? Shared by the pre-flight card and the A/B winner.

export interface PowerAssumptions {
  /** The conversion rate without the campaign (the control group's), 0..1. */
  baselineRate: number;
  /** The smallest lift worth seeing, absolute: 0.05 = from 5% to 10%. */
  minimumLift: number;
  /** Two-sided significance level. */
  alpha: number;
  /** Chance of seeing the lift when it is real. */
  power: number;
}

/** A 5% baseline, a 5-point lift, 95% confidence, 80% power: about 430 people per group at an even split. */
export const DEFAULT_POWER: PowerAssumptions = { baselineRate: 0.05, minimumLift: 0.05, alpha: 0.05, power: 0.8 };

export interface GroupPower {
  /** The group can measure the lift against the other group. */
  enough: boolean;
  /** The smallest group that could, against the other group as it is (Infinity: none could). */
  needed: number;
  /** The size of each group at an even split. */
  balanced: number;
}

/** Is `size` (the control group, or B) big enough beside `otherSize` (those who get it, or A)? */
export function groupPower(size: number, otherSize: number, assumptions: PowerAssumptions = DEFAULT_POWER): GroupPower {
  const needed = requiredGroupSize(otherSize, assumptions);
  return { enough: size >= needed, needed, balanced: balancedGroupSize(assumptions) };
}

/** The size of each of two equal groups that can see the lift. */
export function balancedGroupSize(a: PowerAssumptions = DEFAULT_POWER): number {
  const { control, treated, z } = parts(a);
  return Math.ceil((z * z * (control + treated)) / (a.minimumLift * a.minimumLift));
}

/** The smallest control group that can see the lift against `otherSize` treated; Infinity when `otherSize` is itself too small. */
export function requiredGroupSize(otherSize: number, a: PowerAssumptions = DEFAULT_POWER): number {
  const { control, treated, z } = parts(a);
  if (otherSize <= 0) return Infinity;
  // Var(difference) = control/n + treated/otherSize must be at most (lift / z)^2.
  const room = (a.minimumLift * a.minimumLift) / (z * z) - treated / otherSize;
  return room <= 0 ? Infinity : Math.ceil(control / room);
}

/** The smallest absolute lift two groups of these sizes can see. */
export function minimumDetectableLift(size: number, otherSize: number, a: Omit<PowerAssumptions, "minimumLift"> = DEFAULT_POWER): number {
  if (size <= 0 || otherSize <= 0) return Infinity;
  // The treated group's variance depends on the lift itself: a few fixed-point steps settle it.
  let lift = 0.01;
  for (let i = 0; i < 20; i++) {
    const { control, treated, z } = parts({ ...a, minimumLift: lift });
    lift = z * Math.sqrt(control / size + treated / otherSize);
  }
  return lift;
}

function parts(a: PowerAssumptions): { control: number; treated: number; z: number } {
  const p1 = a.baselineRate;
  const p2 = Math.min(1, a.baselineRate + a.minimumLift);
  return { control: p1 * (1 - p1), treated: p2 * (1 - p2), z: normalQuantile(1 - a.alpha / 2) + normalQuantile(a.power) };
}

/** The standard normal quantile, by bisection on the CDF (exact to ~1e-7, plenty for sample sizes). */
export function normalQuantile(p: number): number {
  let lo = -10;
  let hi = 10;
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (normalCdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

function normalCdf(x: number): number {
  return 0.5 * (1 + erf(x / Math.SQRT2));
}

/** Abramowitz and Stegun 7.1.26 (absolute error below 1.5e-7). */
function erf(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const ax = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * ax);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return sign * (1 - poly * Math.exp(-ax * ax));
}
