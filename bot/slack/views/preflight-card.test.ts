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
    localTime: false,
    longestText: 120,
    messagesPerRecipient: 1,
    etaSeconds: 30,
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
  });

  test("a text over Telegram's 4 096 characters: the card says into how many messages it is split", () => {
    const long = (language: string) => ({ ...input(language, null), preflight: { ...input(language, null).preflight, longestText: 9000, messagesPerRecipient: 3 } });
    const en = slackText({ ...preflightCard(long("en"), (k, v) => translator.t("en", k, v)) });
    expect(en).toContain("*Long text:* up to 9,000 characters - each customer gets it as 3 messages (Telegram takes 4,096 per message); the buttons come with the last");
    const ru = slackText({ ...preflightCard(long("ru"), (k, v) => translator.t("ru", k, v)) }).replace(/[\u00a0\u202f]/g, " ");
    expect(ru).toContain("*Длинный текст:* до 9 000 символов - каждый клиент получит его 3 сообщениями (Telegram принимает 4 096 в одном); кнопки будут в последнем");
  });
});
