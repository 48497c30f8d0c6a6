import { describe, expect, test } from "vitest";
import { balancedGroupSize, DEFAULT_POWER, groupPower, minimumDetectableLift, normalQuantile, requiredGroupSize } from "./group-power.ts";

describe("how big a comparison group must be", () => {
  test("the normal quantiles the textbooks print", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.95996, 4);
    expect(normalQuantile(0.8)).toBeCloseTo(0.84162, 4);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 6);
  });

  test("an even split: (1.96 + 0.84)^2 x (0.05 x 0.95 + 0.10 x 0.90) / 0.05^2 = 432 per group", () => {
    expect(balancedGroupSize()).toBe(432);
    // A lift half as big needs more than three times the people: 2.8016^2 x (0.0475 + 0.069375) / 0.025^2 = 1 468.
    expect(balancedGroupSize({ ...DEFAULT_POWER, minimumLift: 0.025 })).toBe(1468);
  });

  test("a holdout beside many recipients can be smaller than half, never smaller than the control's own share", () => {
    // 0.0475 / (0.0025 / 2.8016^2 - 0.09 / 10 000) = 153.3 -> 154.
    expect(requiredGroupSize(10_000)).toBe(154);
    expect(requiredGroupSize(432)).toBe(432);
    // 103 recipients cannot show a 5-point lift whatever the holdout.
    expect(requiredGroupSize(103)).toBe(Infinity);
  });

  test("--holdout 10 on 107 people: 4 held out is too small, and says what would do", () => {
    expect(groupPower(4, 103)).toEqual({ enough: false, needed: Infinity, balanced: 432 });
    expect(groupPower(200, 9_800)).toMatchObject({ enough: true, needed: 154 });
  });

  test("the smallest lift two groups can see is the lift they were sized for", () => {
    expect(minimumDetectableLift(432, 432)).toBeCloseTo(0.05, 2);
    expect(minimumDetectableLift(4, 103)).toBeGreaterThan(0.3);
  });
});
