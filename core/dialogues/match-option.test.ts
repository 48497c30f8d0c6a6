import { describe, expect, test } from "vitest";
import { matchOption } from "./match-option.ts";

// The shoe finder's first question.
const purpose = [
  { labels: ["🏃 Running", "🏃 Бег"], value: "running" },
  { labels: ["🚶 Every day", "🚶 На каждый день"], value: "everyday" },
  { labels: ["🏋️ Gym", "🏋️ Спортзал"], value: "gym" },
  { labels: ["🎁 It's a gift", "🎁 В подарок"], value: "gift" },
];
const budget = [
  { labels: ["Up to €80", "До 8 000 ₽"], value: "up-to-80" },
  { labels: ["€80-150", "8 000–15 000 ₽"], value: "80-150" },
  { labels: ["Over €150", "Больше 15 000 ₽"], value: "over-150" },
];

describe("a typed answer to a question with options", () => {
  test.each([
    ["running", 0],
    ["Бег", 0],
    ["для бега", 0],
    ["I mostly run", 0],
    ["бегать", 0],
    ["на каждый день", 1],
    ["every day", 1],
    ["в спортзал", 2],
    ["спорт", 2],
    ["for the gym", 2],
    ["подарок", 3],
    ["it's a gift", 3],
    ["a gift", 3],
  ])("%s", (text, index) => {
    expect(matchOption(purpose, text)).toBe(index);
  });

  test("no option, two options or a negation is no answer: the question is asked again", () => {
    expect(matchOption(purpose, "плавание")).toBeUndefined();
    expect(matchOption(purpose, "не для бега")).toBeUndefined();
    expect(matchOption(purpose, "not running")).toBeUndefined();
    expect(matchOption(purpose, "бег и спортзал")).toBeUndefined();
    expect(matchOption(budget, "80")).toBeUndefined();
    expect(matchOption(budget, "больше 15 000")).toBe(2);
    expect(matchOption(purpose, "для")).toBeUndefined();
  });
});
