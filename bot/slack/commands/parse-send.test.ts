import { describe, expect, test } from "vitest";
import { parseSend, SendSyntaxError } from "./parse-send.ts";

describe("/send syntax", () => {
  test("segment, quoted text, time and every option", () => {
    expect(parseSend('winback "Hi {first_name}, -20% with BACK20" tomorrow 10am --holdout 10% --cost 5000 --ab "Hi {first_name}, free delivery" --local-time --button "Shop | https://shop.example.com/sale"')).toEqual({
      segment: "winback",
      message: { text: "Hi {first_name}, -20% with BACK20" },
      when: "tomorrow 10am",
      localTime: true,
      holdoutPercent: 10,
      cost: 5000,
      textB: "Hi {first_name}, free delivery",
      buttons: [{ text: "Shop", url: "https://shop.example.com/sale" }],
    });
  });

  test("curly quotes as Slack types them, a template name, Russian time", () => {
    expect(parseSend("“lifecycle = loyal and not tag:vip” black_friday в пятницу в 19:00")).toMatchObject({
      segment: "lifecycle = loyal and not tag:vip",
      message: { template: "black_friday" },
      when: "в пятницу в 19:00",
    });
    expect(parseSend("vip «Привет, {first_name}!» завтра в 10:00")).toMatchObject({ message: { text: "Привет, {first_name}!" }, when: "завтра в 10:00" });
  });

  test("a survey or a flow takes the place of the message", () => {
    expect(parseSend("promoters --survey nps friday 19:00")).toMatchObject({ segment: "promoters", survey: "nps", when: "friday 19:00" });
    expect(parseSend("leads now --flow shoe_finder")).toMatchObject({ flow: "shoe_finder", when: "now" });
    expect(parseSend("leads now --flow shoe_finder").message).toBeUndefined();
  });

  test("Slack's em dash for -- is understood", () => {
    expect(parseSend("vip \"Hi\" now —holdout 5%").holdoutPercent).toBe(5);
  });

  test.each([
    ["", "missing_segment"],
    ["winback", "missing_message"],
    ['winback "Hi"', "missing_when"],
    ['winback "Hi" tomorrow --holdout 80%', "bad_holdout"],
    ['winback "Hi" tomorrow --cost lots', "bad_cost"],
    ['winback "Hi" tomorrow --discount 10', "unknown_option"],
    ['winback "Hi tomorrow', "unclosed_quote"],
    ['winback "Hi" tomorrow --button "Shop"', "bad_button"],
    ["winback --survey nps --flow x now", "survey_and_flow"],
    ['winback "Hi" "tomorrow"', "extra_text"],
  ])("%j is refused as %s", (input, problem) => {
    expect(() => parseSend(input)).toThrow(SendSyntaxError);
    try {
      parseSend(input);
    } catch (err) {
      expect((err as SendSyntaxError).problem).toBe(problem);
    }
  });
});
