import { describe, expect, test } from "vitest";
import { formatPercent, formatPercentValue } from "./format.ts";

describe("percentages as the team reads them", () => {
  test("one decimal; under 1 % two significant digits, so a small rate is not shown as 0.0%", () => {
    // 2 acquired of 4 667 contacted.
    expect(formatPercent(2 / 4667, "en")).toBe("0.043%");
    expect(formatPercent(0.005, "en")).toBe("0.50%");
    expect(formatPercentValue(12.345, "en")).toBe("12.3%");
    expect(formatPercentValue(0, "en")).toBe("0.0%");
    expect(formatPercentValue(-0.25, "en")).toBe("-0.25%");
    expect(formatPercent(2 / 4667, "ru")).toBe("0,043%");
  });
});
