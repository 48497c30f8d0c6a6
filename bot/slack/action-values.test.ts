// Slack button values: what a view encodes decodes to the same data; anything
// else (another app's value, a damaged or hand-made one) decodes to nothing.
import { describe, expect, test } from "vitest";
import { button, CAMPAIGN_EDIT, CAMPAIGN_SCHEDULE, CUSTOMER_ERASE, DIGEST_PROPOSAL, OPEN_PROFILE } from "./action-values.ts";

describe("Slack action values", () => {
  test("ids round-trip as their digits; anything else is refused", () => {
    for (const codec of [CAMPAIGN_SCHEDULE, CUSTOMER_ERASE, OPEN_PROFILE]) {
      expect(codec.encode(42)).toBe("42");
      expect(codec.decode("42")).toBe(42);
      expect(codec.decode(codec.encode(2_147_483_647))).toBe(2_147_483_647);
      for (const bad of [undefined, "", "0", "-3", "4.5", "12abc", " 12", "2147483648", "99999999999", '{"id":1}']) expect(codec.decode(bad)).toBeUndefined();
    }
    expect(() => CAMPAIGN_SCHEDULE.encode(0)).toThrow();
  });

  test("the Edit button carries the campaign and the command as typed", () => {
    const value = { id: 7, command: '/send everyone "Привет, {first_name}" tomorrow 10am' };
    expect(CAMPAIGN_EDIT.decode(CAMPAIGN_EDIT.encode(value))).toEqual(value);
    // The value buttons posted before codecs existed decodes the same.
    expect(CAMPAIGN_EDIT.decode(JSON.stringify(value))).toEqual(value);
    for (const bad of ["7", "{", '{"id":"7","command":"x"}', '{"id":7}', JSON.stringify({ id: 7, command: "x".repeat(1801) })]) expect(CAMPAIGN_EDIT.decode(bad)).toBeUndefined();
  });

  test("the digest's proposal carries /send words up to Slack's 2 000 characters", () => {
    expect(DIGEST_PROPOSAL.decode('winback "Hi" tomorrow 10am')).toBe('winback "Hi" tomorrow 10am');
    expect(DIGEST_PROPOSAL.decode("")).toBeUndefined();
    expect(DIGEST_PROPOSAL.decode("x".repeat(2001))).toBeUndefined();
    expect(() => DIGEST_PROPOSAL.encode("x".repeat(2001))).toThrow();
  });

  test("a button carries its action and encoded value", () => {
    expect(button(CAMPAIGN_SCHEDULE, 12, "Schedule", "primary")).toEqual({ type: "button", action_id: "campaign_schedule", value: "12", text: { type: "plain_text", text: "Schedule" }, style: "primary" });
    expect(button(OPEN_PROFILE, 5, "Open profile")).toEqual({ type: "button", action_id: "customer_profile_open", value: "5", text: { type: "plain_text", text: "Open profile" } });
  });
});
