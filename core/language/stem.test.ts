import { describe, expect, it } from "vitest";
import { stem, stems } from "./stem.ts";

describe("stem", () => {
  it("folds Russian word forms to one stem", () => {
    expect(stem("покупателей")).toBe(stem("покупатели"));
    expect(stem("лояльным")).toBe(stem("лояльные"));
    expect(stem("Бега")).toBe(stem("бег"));
    expect(stem("ёлка")).toBe(stem("елки"));
  });
  it("folds English word forms to one stem", () => {
    expect(stem("running")).toBe(stem("run"));
    expect(stem("Customers")).toBe(stem("customer"));
  });
  it("splits text into stems of letters and digits", () => {
    expect(stems("Для бега / Бег, 30 дней")).toEqual([stem("для"), stem("бега"), stem("бег"), "30", stem("дней")]);
  });
});
