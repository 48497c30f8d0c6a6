import { describe, expect, test } from "vitest";
import { createTranslator } from "../../../core/i18n.ts";
import { slackText } from "../../../test/support/fake-slack.ts";
import { preflightCard, type PreflightCardInput } from "./preflight-card.ts";

const translator = createTranslator();
const input = (language: string, quietHours: string | null): PreflightCardInput => ({
  campaignId: 4,
  name: "nps survey → everyone",
  segmentText: "everyone",
  preflight: {
    matched: 1200,
    excluded: { noConsent: 100, unsubscribed: 40, blocked: 10, frequencyCap: 50 },
    holdout: 100,
    variantA: 900,
    variantB: 0,
    recipients: 900,
    deferredByQuietHours: 320,
    quietHours,
    sendAt: new Date("2026-11-27T09:00:00Z"),
    countedAtSendTime: false,
    localTime: false,
    longestText: 120,
    messagesPerRecipient: 1,
    etaSeconds: 30,
    warnings: [],
  },
  otherContent: translator.t(language, "preflight-survey", { id: "nps" }),
  cost: null,
  approvalRequired: false,
  command: "/send everyone now --survey nps",
  timezone: "Europe/Berlin",
  language,
  rate: 30,
});

describe("the pre-flight card", () => {
  test("names the configured quiet hours and the survey in the team's language", () => {
    const en = slackText({ ...preflightCard(input("en", "22:30-08:00"), (k, v) => translator.t("en", k, v)) });
    expect(en).toContain("*Quiet hours:* 320 will get it when their quiet hours end (22:30-08:00 in each customer's own time)");
    expect(en).toContain("*Survey:* `nps`");
    const ru = slackText({ ...preflightCard(input("ru", "21:00-09:00"), (k, v) => translator.t("ru", k, v)) });
    expect(ru).toContain("*Тихие часы:* 320 получат сообщение, когда закончатся их тихие часы (21:00-09:00 по местному времени клиента)");
    expect(ru).toContain("*Опрос:* `nps`");
    expect(en).not.toContain("*Long text:*");
    expect(en).toContain("*Matched:* 1,200\n");
  });

  test("an audience counted as of a later send time says so: a preview now can give another number", () => {
    const later = (language: string) => ({ ...input(language, null), preflight: { ...input(language, null).preflight, countedAtSendTime: true } });
    expect(slackText({ ...preflightCard(later("en"), (k, v) => translator.t("en", k, v)) })).toContain("*Matched:* 1,200 (as of the send time; a preview now can differ)");
    const ru = slackText({ ...preflightCard(later("ru"), (k, v) => translator.t("ru", k, v)) }).replace(/[\u00a0\u202f]/g, " ");
    expect(ru).toContain("*В сегменте:* 1 200 (на момент отправки; сейчас их может быть другое число)");
  });

  test("a text over Telegram's 4 096 characters: the card says into how many messages it is split", () => {
    const long = (language: string) => ({ ...input(language, null), preflight: { ...input(language, null).preflight, longestText: 9000, messagesPerRecipient: 3 } });
    const en = slackText({ ...preflightCard(long("en"), (k, v) => translator.t("en", k, v)) });
    expect(en).toContain("*Long text:* up to 9,000 characters - each customer gets it as 3 messages (Telegram takes 4,096 per message); the buttons come with the last");
    const ru = slackText({ ...preflightCard(long("ru"), (k, v) => translator.t("ru", k, v)) }).replace(/[\u00a0\u202f]/g, " ");
    expect(ru).toContain("*Длинный текст:* до 9 000 символов - каждый клиент получит его 3 сообщениями (Telegram принимает 4 096 в одном); кнопки будут в последнем");
  });

  test("warns of a send time far ahead and of groups too small to measure, in both languages", () => {
    const warned = (language: string): PreflightCardInput => {
      const base = input(language, null);
      return {
        ...base,
        preflight: {
          ...base.preflight,
          holdout: 4,
          recipients: 103,
          variantA: 103,
          warnings: [
            { kind: "far_ahead", days: 313 },
            { kind: "small_group", group: "holdout", size: 4, other: 103, needed: null, balanced: 432 },
            { kind: "small_group", group: "variant_b", size: 150, other: 9_000, needed: 158, balanced: 432 },
          ],
        },
      };
    };
    const en = slackText({ ...preflightCard(warned("en"), (k, v) => translator.t("en", k, v)) });
    expect(en).toContain(":warning: *Sends in 313 days.* Is that the date you meant? Numeric dates are read day first (10/12 = 10 December) (DATE_ORDER).");
    expect(en).toContain(
      ":warning: *The holdout (4) is too small to measure anything.* To tell a lift from 5% to 10% conversion from chance (95% confidence, 80% power) each group needs 432 people: 864 in all, and the segment reaches 107.",
    );
    expect(en).toContain(":warning: *Variant B (150) is too small to measure anything.* To tell a lift from 5% to 10% conversion from chance (95% confidence, 80% power) it needs at least 158 beside the 9,000 in A (or 432 in each of two equal groups).");
    const ru = slackText({ ...preflightCard(warned("ru"), (k, v) => translator.t("ru", k, v)) });
    expect(ru).toContain(":warning: *Отправка через 313 дн.* Это та дата? Числовые даты читаются с дня (10/12 = 10 декабря) (DATE_ORDER).");
    expect(ru).toContain("*Контрольная группа (4) слишком мала, чтобы что-то измерить.*");
    expect(ru).toContain("в каждой группе нужно 432 человек: всего 864, а сегмент охватывает 107.");
  });
});
