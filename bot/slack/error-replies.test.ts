// The error table against the real locale files: every domain error code has
// words in both languages, and each kind of error gets the answer it should.
import { describe, expect, test } from "vitest";
import { z } from "zod";
import { InvalidCampaignTransition } from "../../core/campaigns/campaigns.ts";
import { InvalidSchedule } from "../../core/campaigns/parse-when.ts";
import { DOMAIN_ERROR_CODES, NotFound } from "../../core/errors.ts";
import { createTranslator } from "../../core/i18n.ts";
import { parseSegmentText } from "../../core/segments/parse-segment-text.ts";
import { SegmentNotFound } from "../../core/segments/saved-segments.ts";
import { CommandSyntaxError, errorReply, ERROR_TABLE, type ErrorScope } from "./error-replies.ts";
import { Refusal } from "./reply.ts";

const translator = createTranslator();
const team = (language: string) => ({ core: { translator }, language, t: (key: string, vars?: Record<string, string | number>) => translator.t(language, key, vars) });
const SEND: ErrorScope = { prefix: "send-error", usage: ["send-usage"] };

function segmentError(text: string): unknown {
  try {
    parseSegmentText(text);
  } catch (err) {
    return err;
  }
  throw new Error(`${text} parsed`);
}

describe("the error table", () => {
  test("every domain error code has a row and error-<code> in English and Russian", () => {
    expect(Object.keys(ERROR_TABLE).sort()).toEqual([...DOMAIN_ERROR_CODES].sort());
    const keys = [...DOMAIN_ERROR_CODES, "invalid_input", "cannot_post", "invalid_action"].map((code) => `error-${code}`);
    for (const language of ["en", "ru"]) expect(keys.filter((key) => !translator.has(language, key))).toEqual([]);
  });

  test("a command's own wording comes first; its usage follows a mistake in what was typed", () => {
    const reply = errorReply(team("en"), new InvalidSchedule("whenever", "unparsed"), SEND);
    expect(reply?.text).toBe(`I can't read the time "whenever".\n${translator.t("en", "send-usage")}`);
    // Without a wording of its own, the shared one; no scope, no usage.
    expect(errorReply(team("en"), new SegmentNotFound("vip"))?.text).toBe("There is no segment called 'vip'. /segment list shows them all.");
    expect(errorReply(team("ru"), new SegmentNotFound("vip"))?.text).toBe("Сегмента 'vip' нет. Все сегменты: /segment list.");
  });

  test("a state that does not allow it gets no usage; the status is in the team's words", () => {
    const err = new InvalidCampaignTransition({ id: 7, status: "completed" } as never, "cancelled");
    expect(errorReply(team("en"), err, { prefix: "campaign-error", usage: ["campaigns-usage"] })?.text).toBe("Campaign #7 is finished, so that is not possible any more.");
    expect(errorReply(team("ru"), err, { prefix: "campaign-error" })?.text).toBe(`Кампания #7 в статусе «${translator.t("ru", "campaign-status-completed")}», это действие уже невозможно.`);
    expect(errorReply(team("ru"), new NotFound("Campaign", 9))?.text).toBe("Кампании #9 нет.");
  });

  test("a segment typed as text: the problem with a caret under it, in the team's language", () => {
    const err = segmentError("lifecyle = loyal");
    expect(errorReply(team("en"), err, SEND)?.text).toBe(
      `Unknown field 'lifecyle' at position 1. Did you mean lifecycle? Valid fields: ${(err as { expected: string[] }).expected.join(", ")}.\n\`\`\`lifecyle = loyal\n^^^^^^^^\`\`\`\n${translator.t("en", "send-usage")}`,
    );
    const ru = errorReply(team("ru"), err)!.text;
    expect(ru).toMatch(/^Не могу разобрать сегмент: ошибка на позиции 1\. Возможно, вы имели в виду lifecycle\? Здесь подходит: consent, lifecycle, /);
    expect(ru).toContain("```lifecyle = loyal\n^^^^^^^^```");
    expect(errorReply(team("ru"), segmentError("orders > 2 and ("))!.text).toMatch(/^Не могу разобрать сегмент: ошибка на позиции 17\. Здесь подходит: /);
  });

  test("validation errors, syntax errors, Slack refusing a post, refusals; anything else is a failure", () => {
    const invalid = z.object({ text: z.string().min(1, "the text is empty") }).safeParse({ text: "" }).error;
    expect(errorReply(team("en"), invalid, SEND)?.text).toBe(`The message is not valid: the text is empty\n${translator.t("en", "send-usage")}`);
    expect(errorReply(team("ru"), invalid)?.text).toBe("Неверные данные: the text is empty");
    expect(errorReply(team("en"), new CommandSyntaxError("bad_holdout", { value: "90%" }), SEND)?.text).toContain("The holdout must be 1-50%, e.g. `--holdout 10%` (got `90%`).");
    const notInChannel = Object.assign(new Error("An API error occurred: not_in_channel"), { data: { ok: false, error: "not_in_channel" } });
    expect(errorReply(team("en"), notInChannel, { prefix: "digest-error", usage: ["digest-usage"] })?.text).toBe(
      "I can't post in this channel (not_in_channel): invite me with `/invite @Chatloop`, or use `/digest preview`.",
    );
    expect(errorReply(team("ru"), notInChannel)?.text).toBe("Не могу писать туда (not_in_channel): пригласите меня командой `/invite @Chatloop`.");
    expect(errorReply(team("en"), new Refusal({ text: "No." }))).toEqual({ text: "No." });
    expect(errorReply(team("en"), new TypeError("x is undefined"), SEND)).toBeUndefined();
    expect(errorReply(team("en"), Object.assign(new Error("ratelimited"), { data: { error: "ratelimited" } }))).toBeUndefined();
  });
});
