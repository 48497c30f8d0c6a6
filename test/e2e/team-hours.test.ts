// Working hours for a human answer (TEAM_HOURS): a customer who asks for a
// person, or a detractor whose card goes to the team, outside the team's hours
// is told when someone will answer, in their language and timezone, and the
// card says they were told. Through the real grammY bot and Bolt notifier.
import { describe, expect, test } from "vitest";
import { askSurvey } from "../../core/surveys/ask-survey.ts";
import { sentTexts, teamCards } from "../support/chat-helpers.ts";
import { DATABASE_KINDS } from "../support/databases.ts";
import { slackText } from "../support/fake-slack.ts";
import { useTestProduct } from "../support/per-describe.ts";

const TRICKY = "This question seems tricky. You can skip it or ask a person from our team to help.";

describe.each(DATABASE_KINDS)("team hours on %s", (kind) => {
  const p = useTestProduct({ kind, env: { TEAM_HOURS: "Mon-Fri 09:00-18:00" } });

  async function stuck(id: number, firstName: string, language: string) {
    const user = p.telegram.user(id, { first_name: firstName, language_code: language });
    await user.command("start", "flow_shoe-finder");
    await user.press(/Gym|Спортзал/);
    for (const wrong of ["huge", "tiny", "big"]) await user.say(wrong);
    return user;
  }

  test("on a working day the customer is told a teammate will join; the card has no after-hours note", async () => {
    p.clock.set("2026-11-24T10:00:00Z"); // Tuesday 11:00 in Berlin
    const ann = await stuck(9101, "Ann", "en");
    expect(ann.lastText()).toBe(TRICKY);
    await ann.press("🙋 Talk to a person");
    expect(ann.lastText()).toBe("I've asked a teammate to join. They'll answer you right here in this chat - you can already write what you need.");
    expect(slackText(teamCards(p.slackApi).at(-1)!.params)).not.toContain("Outside team hours");
  });

  test("on Saturday the customer is told someone answers from Monday 09:00, and the card says they were told", async () => {
    p.clock.set("2026-11-28T12:00:00Z"); // Saturday 13:00 in Berlin
    const bob = await stuck(9102, "Bob", "en");
    await bob.press("🙋 Talk to a person");
    expect(bob.lastText()).toBe(
      "I've passed your request to the team. They are off right now and will answer you here from Monday 30 November at 09:00 - you can already write what you need.",
    );
    const monday = Date.parse("2026-11-30T08:00:00Z") / 1000;
    expect(slackText(teamCards(p.slackApi).at(-1)!.params)).toContain(
      `:crescent_moon: Outside team hours: the customer was told someone will answer from <!date^${monday}^{date_long_pretty} {time}|2026-11-30T08:00:00.000Z>.`,
    );
  });

  test("a Russian-speaking customer after 18:00 on Friday is told in Russian", async () => {
    p.clock.set("2026-11-27T17:30:00Z"); // Friday 18:30 in Berlin
    const vera = await stuck(9103, "Вера", "ru");
    await vera.press(/Позвать/);
    expect(vera.lastText()).toContain("Сейчас нерабочее время — ответим здесь, когда команда будет на связи: понедельник, 30 ноября в 09:00.");
  });

  test("a detractor on Sunday night is thanked and told when the team will answer; the card says so", async () => {
    p.clock.set("2026-11-29T22:00:00Z"); // Sunday 23:00 in Berlin
    const cat = p.telegram.user(9104, { first_name: "Cat", language_code: "en" });
    await cat.command("start");
    await cat.press(/^✅/);
    const subscriber = await p.database.db.prisma.subscriber.findUniqueOrThrow({ where: { telegramId: 9104n } });
    await askSurvey(p.app.core, { subscriberId: subscriber.id, surveyId: "nps" });
    await cat.press("2");
    expect(sentTexts(await cat.say("Too slow"))).toEqual([
      "Thank you for being honest. We're sorry - someone from our team will look into it.\nOur team is off right now; someone will get back to you from Monday 30 November at 09:00.",
    ]);
    const thread = await p.database.db.prisma.teamThread.findFirstOrThrow({ where: { subscriberId: subscriber.id, topic: "detractor" } });
    const updated = p.slackApi.callsOf("chat.update").filter((c) => c.params.ts === thread.slackTs).at(-1)!;
    expect(slackText(updated.params)).toContain("Too slow");
    expect(slackText(updated.params)).toContain(":crescent_moon: Outside team hours: the customer was told someone will answer from <!date^");
  });
});
