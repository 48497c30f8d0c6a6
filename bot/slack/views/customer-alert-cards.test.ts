import { describe, expect, test } from "vitest";
import { createTranslator } from "../../../core/i18n.ts";
import type { TeamAlert } from "../../../core/ports.ts";
import { alertCard } from "./customer-alert-cards.ts";
import { money } from "./card-parts.ts";

const translator = createTranslator();
const team = (language: string) => ({ language, t: (key: string, vars?: Record<string, string | number>) => translator.t(language, key, vars) });
const customer = { subscriberId: 7, name: "Ann <Lee>", username: "annlee", email: "ann@example.com", phone: null, language: "en", source: null };

describe("customer cards", () => {
  test("a hot lead in the team's language, with the customer's words escaped", () => {
    const alert: TeamAlert = {
      kind: "hot_lead",
      customer,
      flow: { id: "shoe-finder", name: { en: "Help me choose", ru: "Подбор кроссовок" } },
      score: 70,
      qualification: "hot",
      trigger: "keyword",
      answers: [
        { question: { en: "Size", ru: "Размер" }, answer: { en: "44", ru: "44" }, skipped: false },
        { question: { en: "Gift for", ru: "Подарок для" }, answer: { en: "my <b>brother</b> & co", ru: "my <b>brother</b> & co" }, skipped: false },
        { question: { en: "Phone", ru: "Телефон" }, answer: { en: "(skipped)", ru: "(пропущено)" }, skipped: true },
      ],
    };
    const card = alertCard(alert, team("ru"));
    expect(card.text).toBe("🔥 Горячий лид: Ann <Lee>");
    const json = JSON.stringify(card.blocks);
    expect(json).toContain("*Сценарий*\\nПодбор кроссовок");
    expect(json).toContain("*Баллы лида*\\n70 (горячий)");
    expect(json).toContain("*Источник*\\nнапрямую · ключевое слово");
    expect(json).toContain("*Подарок для*\\nmy &lt;b&gt;brother&lt;/b&gt; &amp; co");
    expect(json).toContain("*Телефон*\\n_пропущено_");
    expect(json).toContain('"action_id":"customer_profile_open"');
    expect(json).toContain('"value":"7"');
  });

  test("long answers are spread over sections within Slack's limits", () => {
    const long = "x".repeat(1500);
    const alert: TeamAlert = {
      kind: "help_request",
      customer,
      flow: { id: "f", name: { en: "F", ru: "Ф" } },
      question: { en: "Q?", ru: "В?" },
      answers: Array.from({ length: 6 }, () => ({ question: { en: "Q", ru: "В" }, answer: { en: long, ru: long }, skipped: false })),
    };
    const sections = alertCard(alert, team("en")).blocks.filter((b) => b.type === "section" && "text" in b && b.text);
    expect(sections.length).toBeGreaterThanOrEqual(3);
    for (const section of sections) expect(JSON.stringify(section).length).toBeLessThan(3100);
  });

  test("a detractor without orders, the reason quoted when it comes", () => {
    const base = {
      kind: "detractor" as const,
      customer,
      survey: { id: "nps", kind: "nps" as const, name: { en: "NPS", ru: "NPS" } },
      score: 4,
      scaleMax: 10,
      lifecycleStage: "potential",
      orders: { count: 0, total: "0", currency: null, lastOrderAt: null },
    };
    const waiting = JSON.stringify(alertCard({ ...base, reason: { status: "pending" } }, team("en")).blocks);
    expect(waiting).toContain("*Reason*\\n_waiting for their answer…_");
    expect(waiting).toContain("*Orders*\\nno orders yet");
    expect(waiting).toContain("*Lifecycle stage*\\npotential (no purchase yet)");
    const given = JSON.stringify(alertCard({ ...base, reason: { status: "given", text: "Too slow\nand rude" } }, team("en")).blocks);
    expect(given).toContain("*Reason*\\n>Too slow\\n>and rude");
  });

  test("money reads with thousands apart", () => {
    expect(money("1234567.50", "RUB")).toBe("1 234 567.50 RUB");
    expect(money("80.00", null)).toBe("80");
  });
});
