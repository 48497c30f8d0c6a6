import { describe, expect, test } from "vitest";
import { createTranslator } from "../i18n.ts";
import { describeSegment } from "./describe-segment.ts";
import { formatSegmentText } from "./format-segment-text.ts";
import { parseSegmentText, pointAt, SegmentTextError } from "./parse-segment-text.ts";

const where = (text: string) => parseSegmentText(text).where;

function errorOf(text: string): SegmentTextError {
  try {
    parseSegmentText(text);
  } catch (e) {
    if (e instanceof SegmentTextError) return e;
    throw e;
  }
  throw new Error(`"${text}" parsed without error`);
}

describe("segment text", () => {
  test("the examples of the issue parse to the definitions they mean", () => {
    expect(where("lifecycle = loyal and spent_90d > 5000 and not tag:vip")).toEqual({
      kind: "and",
      of: [
        { kind: "lifecycle", stages: ["loyal"] },
        { kind: "orders", measure: "total", window: { amount: 90, unit: "d" }, op: ">", value: 5000 },
        { kind: "not", of: { kind: "tag", tags: ["vip"] } },
      ],
    });
    expect(where("rfm in (at_risk, cant_lose) and last_order > 60d")).toEqual({
      kind: "and",
      of: [
        { kind: "rfm", classes: ["at_risk", "cant_lose"] },
        { kind: "orders", measure: "days_since_last", op: ">", value: 60 },
      ],
    });
    expect(where("event:added_to_cart within 2d and not order within 2d")).toEqual({
      kind: "and",
      of: [
        { kind: "event", type: "added_to_cart", measure: "count", window: { amount: 2, unit: "d" }, op: ">=", value: 1 },
        { kind: "not", of: { kind: "orders", measure: "count", window: { amount: 2, unit: "d" }, op: ">=", value: 1 } },
      ],
    });
    expect(where("source = instagram_bio")).toEqual({ kind: "source", values: ["instagram_bio"] });
    expect(where("nps = detractor")).toEqual({ kind: "nps", groups: ["detractor"] });
    expect(where("consent = subscribed")).toEqual({ kind: "consent", statuses: ["subscribed"] });
  });

  test("the rest of the grammar", () => {
    expect(where("event:added_to_cart within 2d and no order since event:added_to_cart")).toMatchObject({
      of: [{ kind: "event" }, { kind: "none_since", after: "added_to_cart", then: { kind: "order" } }],
    });
    expect(where("no event:checkout since event:added_to_cart")).toEqual({ kind: "none_since", after: "added_to_cart", then: { kind: "event", type: "checkout" } });
    expect(where("event:page_view count >= 3 within 7d")).toEqual({ kind: "event", type: "page_view", measure: "count", window: { amount: 7, unit: "d" }, op: ">=", value: 3 });
    expect(where("event:page_view count_7d >= 3")).toEqual(where("event:page_view count >= 3 within 7d"));
    expect(where("event:added_to_cart sum(value) > 100 within 30d")).toEqual({
      kind: "event",
      type: "added_to_cart",
      measure: "sum",
      property: "value",
      window: { amount: 30, unit: "d" },
      op: ">",
      value: 100,
    });
    expect(where("event:signup first < 36h")).toEqual({ kind: "event", type: "signup", measure: "days_since_first", op: "<", value: 1.5 });
    expect(where("orders >= 2 within 12w")).toEqual(where("orders_12w >= 2"));
    expect(where("aov >= 50 or spent > 1000")).toEqual({
      kind: "or",
      of: [
        { kind: "orders", measure: "average", op: ">=", value: 50, window: undefined },
        { kind: "orders", measure: "total", op: ">", value: 1000, window: undefined },
      ],
    });
    expect(where("(rfm = champions or rfm_r >= 4) and lifecycle != churned_from_new")).toEqual({
      kind: "and",
      of: [
        { kind: "or", of: [{ kind: "rfm", classes: ["champions"] }, { kind: "rfm_score", score: "r", op: ">=", value: 4 }] },
        { kind: "not", of: { kind: "lifecycle", stages: ["churned_from_new"] } },
      ],
    });
    expect(where("language not in (ru, EN)")).toEqual({ kind: "not", of: { kind: "language", values: ["ru", "en"] } });
    expect(where('profile.city = "New York" and email exists and phone contains 49')).toEqual({
      kind: "and",
      of: [
        { kind: "field", field: "profile.city", op: "=", value: "New York" },
        { kind: "field", field: "email", op: "exists" },
        { kind: "field", field: "phone", op: "contains", value: "49" },
      ],
    });
    expect(where("blocked = no and joined <= 1w and nps_score <= 6")).toEqual({
      kind: "and",
      of: [{ kind: "not", of: { kind: "blocked" } }, { kind: "joined", op: "<=", value: 7 }, { kind: "nps_score", op: "<=", value: 6 }],
    });
    expect(where("LIFECYCLE = Loyal AND NOT Tag:vip")).toEqual(where("lifecycle = loyal and not tag:vip"));
  });

  test("errors point at the offending word and list what would be valid there", () => {
    const typo = errorOf("lifecyle = loyal");
    expect(typo.message).toBe(
      "Unknown field 'lifecyle' at position 1. Did you mean lifecycle? Valid fields: consent, lifecycle, rfm, nps, source, language, tag, orders, spent, aov, last_order, first_order, rfm_r, rfm_f, rfm_m, nps_score, joined, referrals, first_name, last_name, username, email, phone, external_id, timezone, profile.<key>, tag:<name>, event:<type>, order, blocked, referred, referred_by_loyal, no, everyone.",
    );
    expect(pointAt("lifecyle = loyal", typo)).toBe("lifecyle = loyal\n^^^^^^^^");
    expect(errorOf("lifecycle = loyl").message).toBe(
      "Unknown lifecycle stage 'loyl' at position 13. Did you mean loyal? Valid here: potential, new, repeat, loyal, churned_from_new, churned_from_loyal.",
    );
    expect(errorOf("rfm in (at_risk, cant_loose)").message).toBe(
      "Unknown RFM class 'cant_loose' at position 18. Did you mean cant_lose? Valid here: champions, loyal, potential_loyalists, new_customers, promising, need_attention, about_to_sleep, at_risk, cant_lose, hibernating, lost.",
    );
    expect(errorOf("lifecycle 5000").message).toBe("Expected an operator after 'lifecycle' at position 11, found '5000'. Valid here: =, !=, in, not in.");
    expect(errorOf("spent_90d > lots").message).toBe("Expected a number at position 13, found 'lots'. Valid here: a number such as 5000.");
    expect(errorOf("last_order > 60d within 30d").message).toBe("'within' does not apply to last_order at position 25, found '30d'. Valid here: and, or.");
    expect(errorOf("lifecycle = loyal spent > 5").message).toBe("Expected and, or or the end of the segment at position 19, found 'spent'. Valid here: and, or.");
    expect(errorOf("(rfm = lost").message).toBe("Expected ')' to close the '(' at position 12, found the end of the segment. Valid here: ), and, or.");
    expect(errorOf("order within soon").message).toBe("Expected a duration at position 14, found 'soon'. Valid here: 2d, 12h, 4w.");
    expect(errorOf("spent > 5 & orders > 1").message).toBe("Unexpected character '&' at position 11.");
    expect(errorOf("lifecycle = loyal and").position).toBe(22);
  });

  test("values out of range are the parser's own errors, at the offending word, with what is valid there", () => {
    const rfm = errorOf("rfm_r >= 6");
    expect(rfm.message).toBe("Expected an RFM score from 1 to 5 at position 10, found '6'. Valid here: 1, 2, 3, 4, 5.");
    expect(pointAt("rfm_r >= 6", rfm)).toBe("rfm_r >= 6\n         ^");
    expect(errorOf("rfm_m > 2.5").message).toBe("Expected an RFM score from 1 to 5 at position 9, found '2.5'. Valid here: 1, 2, 3, 4, 5.");
    expect(errorOf("nps_score >= 11").message).toBe(
      "Expected an NPS score from 0 to 10 at position 14, found '11'. Valid here: 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10.",
    );
    const spent = errorOf("spent_0d > 5");
    expect(spent.message).toBe("Expected a window from 1 to 100000 hours, days or weeks at position 1, found 'spent_0d'. Valid here: spent_90d, spent_12h, spent_4w.");
    expect(pointAt("spent_0d > 5", spent)).toBe("spent_0d > 5\n^^^^^^^^");
    expect(errorOf("order within 999999999d").message).toBe(
      "Expected a window from 1 to 100000 hours, days or weeks at position 14, found '999999999d'. Valid here: 2d, 12h, 4w.",
    );
    expect(errorOf("event:view count_0d >= 3").message).toBe(
      "Expected a window from 1 to 100000 hours, days or weeks at position 12, found 'count_0d'. Valid here: count_7d, count_12h, count_4w.",
    );
    expect(errorOf("joined < -1").message).toBe("Expected a number of days, 0 or more at position 10, found '-1'. Valid here: 60d, 8w, 36h, 60.");
    expect(errorOf("language = x").message).toBe("Expected a language code at position 12, found 'x'. Valid here: en, ru.");
    expect(errorOf("profile.shoe-size = 42").message).toBe(
      "Expected a profile key of 1-64 letters A-Z, digits and _ at position 1, found 'profile.shoe-size'. Valid here: profile.city, profile.shoe_size.",
    );
    expect(errorOf(`spent > 1${"0".repeat(400)}`).message).toBe(
      "Expected a number at position 9, found '1000000000000000000000000000000000000000...'. Valid here: a number such as 5000.",
    );
    // The edges are valid.
    expect(where("rfm_r >= 5 and nps_score <= 0 and order within 100000d and spent_1h > 0")).toMatchObject({ kind: "and" });
  });

  test("nesting is capped at 32 levels of parentheses and not, with a clear error instead of a stack overflow", () => {
    const deep = (n: number) => `${"(".repeat(n)}everyone${")".repeat(n)}`;
    expect(where(deep(32))).toEqual({ kind: "everyone" });
    expect(where(`${"not ".repeat(32)}blocked`)).toMatchObject({ kind: "not" });
    const parens = errorOf(deep(5000));
    expect(parens.message).toBe("Too deeply nested at position 33: at most 32 levels of parentheses and 'not' inside one another.");
    expect(parens.position).toBe(33);
    expect(errorOf(`${"not ".repeat(5000)}blocked`).message).toBe(
      "Too deeply nested at position 129: at most 32 levels of parentheses and 'not' inside one another.",
    );
    // Levels one after another are not nesting.
    expect(where(Array.from({ length: 200 }, () => "(not blocked)").join(" and "))).toMatchObject({ kind: "and" });
  });

  test("every definition reads back from its canonical text", () => {
    for (const text of [
      "lifecycle = loyal and spent > 5000 within 90d and not tag:vip",
      "rfm in (at_risk, cant_lose) and last_order > 60d",
      "event:added_to_cart within 2d and no order since event:added_to_cart",
      "(source = instagram_bio or source = \"qr 12\") and not (nps = detractor or blocked)",
      "event:view sum(value) >= 10.5 within 12h or event:signup first < 36h",
      "profile.city = Berlin and email exists and consent in (subscribed, pending) and rfm_m >= 4 and joined < 7d",
    ]) {
      const definition = parseSegmentText(text);
      expect(formatSegmentText(definition)).toBe(text);
      expect(parseSegmentText(formatSegmentText(definition))).toEqual(definition);
    }
  });

  test("a definition in words, in English and Russian", () => {
    const tr = createTranslator();
    const d = parseSegmentText("lifecycle = loyal and spent_90d > 5000 and not tag:vip");
    expect(describeSegment(d, "en", tr)).toBe("lifecycle stage is loyal and spent more than 5000 in the last 90 days and not (has the tag vip)");
    expect(describeSegment(d, "ru", tr)).toBe("стадия жизненного цикла: лояльные и потратил больше 5000 за последние 90 дней и не (есть тег vip)");
    const cart = parseSegmentText("event:added_to_cart within 2d and no order since event:added_to_cart or rfm in (at_risk, cant_lose)");
    expect(describeSegment(cart, "en", tr)).toBe(
      "(did “added_to_cart” in the last 2 days and did “added_to_cart” and has paid no order since) or RFM class is At risk (R 1–2 · FM 3–4) or Can't lose them (R 1–2 · FM 5)",
    );
    expect(describeSegment(parseSegmentText("order within 1d"), "ru", tr)).toBe("есть оплаченный заказ за последний 1 день");
  });
});
