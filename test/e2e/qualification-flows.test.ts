// Qualification flows end to end: the real grammY bot against the local Bot
// API server, the Slack side against the local Slack API, on PGlite and PostgreSQL.
import { describe, expect, test } from "vitest";
import { FlowNotFound } from "../../core/errors.ts";
import { startFlow } from "../../core/flows/start-flow.ts";
import { DATABASE_KINDS } from "../support/databases.ts";
import { slackText } from "../support/fake-slack.ts";
import { blocksOf, buttonOf, replyKeyboardOf, sentTexts, teamCards, threadPosts, toastOf } from "../support/chat-helpers.ts";
import { useTestProduct } from "../support/per-describe.ts";

const SHOES_INTRO = "Let's find your perfect pair! A few quick questions - it takes about a minute. Send /cancel to stop at any time.";
const PURPOSE = "What will you wear them for?";
const DISTANCE = "How much do you run in a week?";
const STYLE = "Which styles do you like? Pick all that fit, then tap Done.";
const SIZE = "What shoe size (EU)?";
const BUDGET = "What budget do you have in mind?";
const NEEDED_BY = 'When do you need them? (for example "next Friday" or "December 20")';
const STYLIST = "Shall our stylist send you a personal selection?";
const PHONE = "Your phone number, so the stylist can reach you? Tap the button below to share it, or type it.";
const EMAIL = "And your e-mail for the selection?";
const HOT_OUTRO = "Thank you! Our stylist will contact you shortly with a personal selection.";
const DEFAULT_OUTRO = "Thank you! We'll pick a few pairs for you and come back with a selection.";
const CONSENT = "Hi, Ann! I'm the Sneakerhead assistant.\nMay we send you personal offers, news and short surveys here in Telegram? You can unsubscribe at any time with /stop.";

describe.each(DATABASE_KINDS)("Qualification flows on %s", (kind) => {
  const p = useTestProduct({ kind });

  const prisma = () => p.database.db.prisma;
  const subscriberOf = (telegramId: number) => prisma().subscriber.findUniqueOrThrow({ where: { telegramId: BigInt(telegramId) } });
  const sessionOf = async (telegramId: number) => {
    const subscriber = await subscriberOf(telegramId);
    return prisma().flowSession.findFirstOrThrow({ where: { subscriberId: subscriber.id }, orderBy: { id: "desc" } });
  };

  test("a full run with branching: the deep link starts the flow, a hot lead goes to Slack, consent is asked at the end", async () => {
    const ann = p.telegram.user(6001, { first_name: "Ann", last_name: "Lee", username: "annlee", language_code: "en" });
    await ann.command("start", "flow_shoe-finder");
    // Straight into the dialogue the link promised: no consent question in front of it.
    expect(ann.texts()).toEqual([SHOES_INTRO, PURPOSE]);
    expect(ann.buttons()).toEqual(["🏃 Running", "🚶 Every day", "🏋️ Gym", "🎁 It's a gift"]);

    const pressed = await ann.press("🏃 Running");
    expect(pressed.map((c) => c.method)).toEqual(["answerCallbackQuery", "editMessageText", "sendMessage"]);
    // The answered question shows the answer instead of its buttons; the branch for runners follows.
    expect(ann.texts().slice(-2)).toEqual([`${PURPOSE}\n\n✓ 🏃 Running`, DISTANCE]);
    await ann.press("More than 30 km");
    expect(ann.lastText()).toBe(SIZE);
    await ann.say("44");
    expect(ann.lastText()).toBe(BUDGET);
    await ann.press("Over €150");
    expect(ann.lastText()).toBe(NEEDED_BY);
    expect(ann.buttons()).toEqual(["Skip"]);
    const dated = await ann.say("next friday");
    expect(sentTexts(dated)).toEqual(["Noted: Fri, 4 December 2026.", STYLIST]);
    await ann.press("Yes");
    expect(ann.lastText()).toBe(PHONE);
    expect(replyKeyboardOf(ann)).toEqual([[{ text: "📱 Share my phone number", request_contact: true }], [{ text: "Skip" }]]);
    const shared = await ann.shareContact("79001234567");
    expect(sentTexts(shared)).toEqual(["Thanks, noted: +79001234567.", EMAIL]);
    expect(shared[0]!.params.reply_markup).toEqual({ remove_keyboard: true });
    const finished = await ann.say("ann@example.com");
    expect(sentTexts(finished)).toEqual([HOT_OUTRO, CONSENT]);
    expect(ann.buttons()).toEqual(["✅ Yes, subscribe me", "No, thanks"]);

    const subscriber = await subscriberOf(6001);
    expect(subscriber).toMatchObject({
      email: "ann@example.com",
      phone: "+79001234567",
      source: "flow_shoe-finder",
      consentStatus: "pending",
      tags: ["premium", "runner", "serious-runner"],
    });
    expect(subscriber.profile).toEqual({
      shoePurpose: "running",
      weeklyDistance: "over30",
      shoeSize: 44,
      budget: "over-150",
      neededBy: "2026-12-04",
      leadScore: 100,
      leadQualification: "hot",
      leadFlow: "shoe-finder",
    });
    const session = await sessionOf(6001);
    expect(session).toMatchObject({ flowId: "shoe-finder", status: "completed", score: 100, qualification: "hot", trigger: "deep_link", source: "flow_shoe-finder" });
    expect((session.answers as { step: string }[]).map((a) => a.step)).toEqual(["purpose", "distance", "size", "budget", "needed_by", "wants_stylist", "phone", "email"]);

    const [card] = teamCards(p.slackApi);
    expect(card).toBeDefined();
    const text = slackText(card!.params);
    expect(card!.params.text).toBe("🔥 Hot lead: Ann Lee");
    expect(text).toContain("*Flow*\nHelp me choose sneakers");
    expect(text).toContain("*Lead score*\n100 (hot)");
    expect(text).toContain("*Contacts*\n+79001234567 · ann@example.com · <https://t.me/annlee|@annlee>");
    expect(text).toContain("*Source*\nflow_shoe-finder · flow link");
    expect(text).toContain("*Runs per week*\nMore than 30 km");
    expect(text).toContain("*Size (EU)*\n44");
    expect(text).toContain("*Needed by*\nFri, 4 December 2026");
    const actions = blocksOf(card!).find((b) => b.type === "actions") as { elements: { action_id: string; value: string }[] };
    expect(actions.elements[0]).toMatchObject({ action_id: "customer_profile_open", value: String(subscriber.id) });
    const thread = await prisma().teamThread.findFirstOrThrow({ where: { subscriberId: subscriber.id } });
    expect(thread).toMatchObject({ topic: "hot_lead", flowSessionId: session.id, slackChannel: "C0TEAM", awaitingCustomerSince: null });

    // The button on the card opens the customer's profile for whoever clicked it.
    const { status } = await p.slack.action("customer_profile_open", String(subscriber.id));
    expect(status).toBe(200);
    const opened = await p.slackApi.waitFor(() => p.slackApi.callsOf("views.open")[0]);
    const view = (typeof opened.params.view === "string" ? JSON.parse(opened.params.view) : opened.params.view) as Record<string, unknown>;
    const profile = slackText(view);
    expect(profile).toContain("*Ann Lee*");
    expect(profile).toContain("*E-mail*\nann@example.com");
    expect(profile).toContain("*Latest qualification*\nHelp me choose sneakers: 100 points, hot");
    expect(profile).toContain("• shoeSize: 44");
    expect(profile).toContain("*Orders*\nno orders yet");
    expect(profile).toContain("*Lifecycle stage*\npotential (no purchase yet)");

    // Only the consent button subscribes them.
    await ann.press("✅ Yes, subscribe me");
    expect((await subscriberOf(6001)).consentStatus).toBe("subscribed");
  });

  test("another branch: multiple choice with toggles and Done; a cold lead stays out of Slack", async () => {
    const cardsBefore = teamCards(p.slackApi).length;
    const bob = p.telegram.user(6002, { first_name: "Bob", language_code: "en" });
    await bob.command("choose");
    expect(bob.texts()).toEqual([SHOES_INTRO, PURPOSE]);
    await bob.press("🚶 Every day");
    expect(bob.lastText()).toBe(STYLE);
    expect(bob.buttons()).toEqual(["Classic white", "Bright colours", "All black", "Retro", "High-tops", "Done ✅"]);

    expect(toastOf(await bob.press("Done ✅"))).toBe("Please pick at least one option.");
    await bob.press("Retro");
    await bob.press("All black");
    expect(bob.buttons()).toEqual(["Classic white", "Bright colours", "✓ All black", "✓ Retro", "High-tops", "Done ✅"]);
    await bob.press("✓ Retro");
    expect(bob.buttons()).toEqual(["Classic white", "Bright colours", "✓ All black", "Retro", "High-tops", "Done ✅"]);
    await bob.press("Done ✅");
    expect(bob.texts().slice(-2)).toEqual([`${STYLE}\n\n✓ All black`, SIZE]);

    await bob.say("39");
    await bob.press("Up to €80");
    await bob.press("Skip");
    expect(bob.texts().slice(-2)).toEqual([`${NEEDED_BY}\n\n✓ (skipped)`, STYLIST]);
    const done = await bob.press("No");
    expect(sentTexts(done)[0]).toBe(DEFAULT_OUTRO);

    expect(await sessionOf(6002)).toMatchObject({ status: "completed", score: 10, qualification: "cold", trigger: "command" });
    const subscriber = await subscriberOf(6002);
    expect(subscriber.profile).toMatchObject({ styles: ["black"], shoeSize: 39, budget: "up-to-80", leadQualification: "cold" });
    expect(subscriber.profile).not.toHaveProperty("neededBy");
    expect(teamCards(p.slackApi)).toHaveLength(cardsBefore);
  });

  test("each wrong answer gets a short explanation and the same question again", async () => {
    const carl = p.telegram.user(6003, { first_name: "Carl", language_code: "en" });
    // A deep-link source a flow file claims starts that flow (and is recorded as the source).
    await carl.command("start", "site_pricing");
    expect(carl.texts()).toEqual([
      "Thanks for your interest! A few short questions so we prepare the right demo for you. Send /cancel to stop at any time.",
      "What's your name?",
    ]);
    await carl.say("Carl");
    await carl.say("Acme Ltd");
    await carl.press("Owner / CEO");
    const customers = "About how many customers are in your base?";
    expect(carl.lastText()).toBe(customers);

    expect(sentTexts(await carl.say("lots"))).toEqual(["Please send a whole number, like 42.", customers]);
    expect(sentTexts(await carl.say("12.5"))).toEqual(["Please send a whole number, like 42.", customers]);
    await carl.say("60 000");
    await carl.press("CRM setup");
    await carl.press("Done ✅");
    await carl.press("Over $5 000");
    expect(carl.lastText()).toBe("Do you use a CRM today?");
    expect(sentTexts(await carl.say("perhaps"))).toEqual(['Please answer "yes" or "no", or tap a button.', "Do you use a CRM today?"]);
    await carl.say("no");
    const start = 'When would you like to start? (for example "next month" or "January 15")';
    expect(carl.lastText()).toBe(start);
    expect(sentTexts(await carl.say("when pigs fly"))).toEqual([
      `I couldn't read a date there. Try something like "next Friday", "December 20" or "tomorrow at 3 pm".`,
      start,
    ]);
    expect(sentTexts(await carl.say("January 15"))).toEqual(["Noted: Fri, 15 January 2027.", "Your work e-mail?"]);
    expect(sentTexts(await carl.say("carl@acme"))).toEqual(["That doesn't look like an e-mail address. Please send it like name@example.com.", "Your work e-mail?"]);
    await carl.say("Carl@Acme.IO");
    const phone = "And a phone number for the call? Tap the button below or type it.";
    expect(carl.lastText()).toBe(phone);
    // Someone else's contact card is not the customer's phone: a wrong answer, the question again.
    const foreign = await carl.shareContact("+447700900123", { first_name: "Dora", user_id: 6099 });
    expect(sentTexts(foreign)).toEqual(["That's someone else's contact. Please share your own number with the button below, or type it.", phone]);
    expect(await sessionOf(6003)).toMatchObject({ stepId: "phone", failures: 1 });
    const wrongPhone = await carl.say("12");
    expect(sentTexts(wrongPhone)).toEqual([
      "That doesn't look like a phone number. Please send it with the country code, like +44 20 7946 0958, or tap the button below.",
      phone,
    ]);
    expect(wrongPhone[1]!.params.reply_markup).toMatchObject({ keyboard: [[{ text: "📱 Share my phone number", request_contact: true }], [{ text: "Skip" }]] });
    const done = await carl.say("+1 (415) 555-0100");
    expect(sentTexts(done)[0]).toBe("Thanks, noted: +14155550100.");
    expect(sentTexts(done)[1]).toBe("Thank you! A specialist will contact you within one business day to schedule the demo.");

    const subscriber = await subscriberOf(6003);
    expect(subscriber).toMatchObject({ firstName: "Carl", email: "carl@acme.io", phone: "+14155550100", source: "site_pricing" });
    expect(subscriber.profile).toMatchObject({ company: "Acme Ltd", role: "owner", customerBase: 60000, needs: ["crm-setup"], budget: "over-5k", hasCrm: false, startDate: "2027-01-15" });
    expect(subscriber.tags).toEqual(["big-budget", "decision-maker", "large-base", "no-crm"]);
    expect(await sessionOf(6003)).toMatchObject({ status: "completed", score: 105, qualification: "hot", trigger: "source", failures: 0 });
    expect(teamCards(p.slackApi).at(-1)!.params.text).toBe("🔥 Hot lead: Carl");
  });

  test("a number out of bounds, then a third wrong answer offers to skip or to talk to a person", async () => {
    const dan = p.telegram.user(6004, { first_name: "Dan", language_code: "en" });
    await dan.command("start", "flow_shoe-finder");
    await dan.press("🏋️ Gym");
    expect(sentTexts(await dan.say("huge"))).toEqual(["Please send a number, like 42.", SIZE]);
    expect(sentTexts(await dan.say("99"))).toEqual(["Please send a number from 35 to 48.", SIZE]);
    const third = await dan.say("tiny");
    expect(sentTexts(third)).toEqual(["Please send a number, like 42.", "This question seems tricky. You can skip it or ask a person from our team to help."]);
    expect(dan.buttons()).toEqual(["Skip this question", "🙋 Talk to a person"]);
    expect(await sessionOf(6004)).toMatchObject({ stepId: "size", failures: 3 });

    await dan.press("Skip this question");
    expect(dan.lastText()).toBe(BUDGET);
    const afterSkip = await sessionOf(6004);
    expect(afterSkip).toMatchObject({ stepId: "budget", failures: 0 });
    expect((afterSkip.answers as { step: string; skipped: boolean }[]).at(-1)).toMatchObject({ step: "size", skipped: true });

    for (const wrong of ["cheap", "free", "idk"]) await dan.say(wrong);
    expect(dan.lastText()).toBe("This question seems tricky. You can skip it or ask a person from our team to help.");
    const human = buttonOf(dan, "🙋 Talk to a person");
    const helpCards = teamCards(p.slackApi).length;
    await dan.press("🙋 Talk to a person");
    expect(dan.lastText()).toBe("I've asked a teammate to join. They'll answer you right here in this chat - you can already write what you need.");
    expect(await sessionOf(6004)).toMatchObject({ status: "handed_over" });
    // A second tap on the same button posts no second card.
    await dan.pressData(human.data, human.messageId);
    expect(teamCards(p.slackApi)).toHaveLength(helpCards + 1);

    const card = teamCards(p.slackApi).at(-1)!;
    expect(card.params.text).toBe("🙋 Dan needs help");
    expect(slackText(card.params)).toContain(`*Stuck on*\n${BUDGET}`);
    expect(slackText(card.params)).toContain("*Size (EU)*\n_skipped_");

    // The customer's next messages go to the card's thread.
    const subscriber = await subscriberOf(6004);
    const thread = await prisma().teamThread.findFirstOrThrow({ where: { subscriberId: subscriber.id, topic: "help_request" } });
    const forwarded = await dan.say("I'm between 44 and 45, what do you suggest?");
    expect(sentTexts(forwarded)).toEqual(["Thanks, I've passed your message on to the team."]);
    expect(threadPosts(p.slackApi, thread.slackTs).map((c) => c.params.text)).toEqual(["💬 Dan: I'm between 44 and 45, what do you suggest?"]);
    await dan.say("Budget about 120");
    expect(sentTexts(await dan.say("Budget about 120"))).toEqual([]);
    expect(await prisma().teamThreadMessage.count({ where: { threadId: thread.id, direction: "from_customer" } })).toBe(3);
  });

  test("a tap Telegram refuses to acknowledge (query too old) still gets the next question", async () => {
    const fay = p.telegram.user(6020, { first_name: "Fay", language_code: "en" });
    await fay.command("start", "flow_shoe-finder");
    // Taps queued while the bot was restarting: Telegram no longer takes their answers.
    p.telegram.failNext("answerCallbackQuery", { error_code: 400, description: "Bad Request: query is too old and response timeout expired or query ID is invalid" });
    const pressed = await fay.press("🏃 Running");
    expect(sentTexts(pressed)).toEqual([DISTANCE]);
    expect(fay.texts().slice(-2)).toEqual([`${PURPOSE}\n\n✓ 🏃 Running`, DISTANCE]);
    expect(await sessionOf(6020)).toMatchObject({ stepId: "distance", turn: 2 });
  });

  test("a second tap on an answered question changes nothing", async () => {
    const eve = p.telegram.user(6005, { first_name: "Eve", language_code: "en" });
    await eve.command("start", "flow_shoe-finder");
    const running = buttonOf(eve, "🏃 Running");
    const gym = buttonOf(eve, "🏋️ Gym");
    await eve.pressData(running.data, running.messageId);
    // The same question's other button, pressed before the first press was drawn: a double tap.
    const again = await eve.pressData(gym.data, gym.messageId);
    expect(toastOf(again)).toBe("You've already answered this question.");
    expect(sentTexts(again)).toEqual([]);
    const twice = await eve.pressData(running.data, running.messageId);
    expect(toastOf(twice)).toBe("You've already answered this question.");
    expect(await sessionOf(6005)).toMatchObject({ stepId: "distance", turn: 2 });
    expect(eve.texts().filter((t) => t === DISTANCE)).toHaveLength(1);
  });

  test("stickers, photos, voice and unknown commands get a hint; /cancel leaves the flow", async () => {
    const fay = p.telegram.user(6006, { first_name: "Fay", language_code: "en" });
    await fay.command("choose");
    const hint = "I can only read text answers here. Please answer the question above, or send /cancel to stop.";
    expect(sentTexts(await fay.sendSticker())).toEqual([hint]);
    expect(sentTexts(await fay.sendPhoto())).toEqual([hint]);
    expect(sentTexts(await fay.sendVoice())).toEqual([hint]);
    expect(sentTexts(await fay.command("frobnicate"))).toEqual([
      'We\'re in the middle of "Help me choose sneakers". Please answer the question above, or send /cancel to stop.',
    ]);
    expect(await sessionOf(6006)).toMatchObject({ status: "active", stepId: "purpose", failures: 0 });

    expect(sentTexts(await fay.command("cancel"))).toEqual(['Okay, I\'ve stopped "Help me choose sneakers". You can start again any time.']);
    expect(await sessionOf(6006)).toMatchObject({ status: "cancelled" });
    // Out of the flow, the bot is its usual self again.
    expect(sentTexts(await fay.sendSticker())).toEqual(["I didn't catch that. Send /help to see what I can do, /stop to unsubscribe."]);
    expect(sentTexts(await fay.command("cancel"))).toEqual(["There's nothing to cancel right now."]);
    // The buttons of the cancelled flow are dead.
    expect(toastOf(await fay.press("🏃 Running"))).toBe("This conversation has ended.");
  });

  test("a keyword starts a flow only when no question awaits an answer", async () => {
    const gil = p.telegram.user(6007, { first_name: "Gil", language_code: "en" });
    await gil.say("Hi! Can you help me choose running shoes?");
    expect(gil.texts()).toEqual([SHOES_INTRO, PURPOSE]);
    expect(await sessionOf(6007)).toMatchObject({ trigger: "keyword" });
    await gil.press("🎁 It's a gift");
    // Mid-flow, the same words are an answer, not a new start.
    await gil.say("my brother - he keeps asking me to help me choose his shoes");
    expect(gil.lastText()).toBe(SIZE);
    expect(await sessionOf(6007)).toMatchObject({ stepId: "size", turn: 3 });
    expect((await subscriberOf(6007)).profile).toMatchObject({ giftFor: "my brother - he keeps asking me to help me choose his shoes" });
  });

  test("a campaign step starts a flow through the channel, only for opted-in people who are not in another flow", async () => {
    const hal = p.telegram.user(6008, { first_name: "Hal", language_code: "en" });
    await hal.command("start");
    await hal.press("✅ Yes, subscribe me");
    const subscriber = await subscriberOf(6008);

    const started = await startFlow(p.app.core, { subscriberId: subscriber.id, flowId: "shoe-finder", campaignId: "winter-drop" });
    expect(started).toMatchObject({ status: "started" });
    // One message (intro above the question, with its buttons): a campaign's send slot is one message.
    expect(hal.texts().at(-1)).toBe(`${SHOES_INTRO}\n\n${PURPOSE}`);
    expect(hal.buttons()).toEqual(["🏃 Running", "🚶 Every day", "🏋️ Gym", "🎁 It's a gift"]);
    expect(await sessionOf(6008)).toMatchObject({ trigger: "campaign", source: "winter-drop", status: "active" });
    expect(await startFlow(p.app.core, { subscriberId: subscriber.id, flowId: "b2b-lead" })).toEqual({ status: "skipped", reason: "busy", activeFlowId: "shoe-finder" });
    await hal.press("🏋️ Gym");
    expect(hal.lastText()).toBe(SIZE);

    const ivy = p.telegram.user(6009, { first_name: "Ivy" });
    await ivy.command("start");
    const pending = await subscriberOf(6009);
    expect(await startFlow(p.app.core, { subscriberId: pending.id, flowId: "shoe-finder" })).toEqual({ status: "skipped", reason: "no_consent" });
    await expect(startFlow(p.app.core, { subscriberId: pending.id, flowId: "no-such-flow" })).rejects.toBeInstanceOf(FlowNotFound);

    await hal.block();
    await hal.command("cancel");
    expect(await startFlow(p.app.core, { subscriberId: subscriber.id, flowId: "shoe-finder" })).toEqual({ status: "skipped", reason: "blocked" });
  });

  test("someone coming back days later is asked to continue or start over", async () => {
    const jo = p.telegram.user(6010, { first_name: "Jo", language_code: "en" });
    await jo.command("choose");
    await jo.press("🏃 Running");
    expect(jo.lastText()).toBe(DISTANCE);

    p.clock.advanceDays(3);
    const back = await jo.say("hello?");
    expect(sentTexts(back)).toEqual(['Welcome back! We were in the middle of "Help me choose sneakers". Shall we continue where we left off or start over?']);
    expect(jo.buttons()).toEqual(["▶️ Continue", "🔄 Start over"]);
    const resume = buttonOf(jo, "▶️ Continue");
    await jo.press("▶️ Continue");
    expect(jo.lastText()).toBe(DISTANCE);
    // A second tap on Continue does not ask again.
    expect(toastOf(await jo.pressData(resume.data, resume.messageId))).toBe("You've already answered this question.");
    expect(jo.texts().filter((t) => t === DISTANCE)).toHaveLength(2);
    await jo.press("10-30 km");
    expect(jo.lastText()).toBe(SIZE);

    // Days later a valid answer to the question on screen simply counts...
    p.clock.advanceDays(2);
    await jo.say("45");
    expect(jo.lastText()).toBe(BUDGET);
    // ...anything else gets the choice.
    p.clock.advanceDays(2);
    await jo.say("sorry, where were we?");
    expect(jo.buttons()).toEqual(["▶️ Continue", "🔄 Start over"]);
    const previous = await sessionOf(6010);
    const stale = buttonOf(jo, "▶️ Continue");
    await jo.press("🔄 Start over");
    expect(jo.texts().slice(-2)).toEqual([SHOES_INTRO, PURPOSE]);
    expect(await prisma().flowSession.findUniqueOrThrow({ where: { id: previous.id } })).toMatchObject({ status: "restarted" });
    expect(await sessionOf(6010)).toMatchObject({ status: "active", stepId: "purpose", turn: 1 });
    expect(toastOf(await jo.pressData(stale.data, stale.messageId))).toBe("This conversation has ended.");

    // Asking for the same flow again halfway through offers the same choice.
    await jo.press("🚶 Every day");
    await jo.command("choose");
    expect(jo.lastText()).toBe('Welcome back! We were in the middle of "Help me choose sneakers". Shall we continue where we left off or start over?');
    await jo.press("▶️ Continue");
    expect(jo.lastText()).toBe(STYLE);
  });

  test("typed answers are read by their words in either language, holidays are dates, and a skipped question takes no branch", async () => {
    const vera = p.telegram.user(6012, { first_name: "Вера", language_code: "ru" });
    await vera.command("start", "flow_shoe-finder");
    // "для бега" is the option "🏃 Бег", as "running" is "🏃 Running".
    await vera.say("для бега");
    expect(vera.lastText()).toBe("Сколько вы пробегаете в неделю?");
    await vera.press("До 10 км");
    await vera.say("38");
    await vera.say("больше 15 000");
    expect(vera.lastText()).toBe("Когда они нужны? (например, «в следующую пятницу» или «20 декабря»)");
    // A holiday is a date, said back once with one period (it was "3 декабря 2027 г..": a year off).
    expect(sentTexts(await vera.say("к новому году"))[0]).toBe("Записал: чт, 31 декабря 2026.");
    expect((await subscriberOf(6012)).profile).toMatchObject({ shoePurpose: "running", weeklyDistance: "under10", budget: "over-150", neededBy: "2026-12-31" });

    const walt = p.telegram.user(6013, { first_name: "Walt", language_code: "en" });
    await walt.command("start", "flow_shoe-finder");
    expect(walt.lastText()).toBe(PURPOSE);
    expect(sentTexts(await walt.say("I mostly run"))).toEqual([DISTANCE]);
    await walt.command("cancel");
    await walt.command("start", "flow_shoe-finder");
    for (const wrong of ["swimming", "diving", "flying"]) await walt.say(wrong);
    await walt.press("Skip this question");
    // Not "how much do you run?": only the running answer leads there.
    expect(walt.lastText()).toBe(SIZE);
    expect(await sessionOf(6013)).toMatchObject({ stepId: "size" });
  });

  test("Russian: questions, options, validation and dates in Russian", async () => {
    const igor = p.telegram.user(6011, { first_name: "Игорь", language_code: "ru" });
    await igor.command("start", "site_pricing");
    expect(igor.texts()).toEqual([
      "Спасибо за интерес! Несколько коротких вопросов, чтобы мы подготовили подходящее демо. Отправьте /cancel, чтобы остановиться.",
      "Как вас зовут?",
    ]);
    await igor.say("Игорь");
    await igor.say("ООО Ромашка");
    expect(igor.buttons()).toEqual(["Владелец / CEO", "Руководитель маркетинга", "Руководитель продаж", "Другое"]);
    // Typing an option's label works as well as the button.
    await igor.say("руководитель продаж");
    expect(sentTexts(await igor.say("много"))).toEqual(["Пожалуйста, пришлите целое число, например 42.", "Сколько примерно клиентов в вашей базе?"]);
    await igor.say("1 200");
    expect(igor.buttons()).toEqual(["Настройка CRM", "Рассылки в мессенджерах и e-mail", "Программа лояльности", "Аналитика и LTV", "Готово ✅"]);
    await igor.press("Рассылки в мессенджерах и e-mail");
    await igor.press("Готово ✅");
    await igor.press("Пока не знаю");
    await igor.say("да");
    expect(sentTexts(await igor.say("когда-нибудь"))[0]).toBe(
      "Не получилось понять дату. Попробуйте, например, «в следующую пятницу», «20 декабря» или «завтра в 15:00».",
    );
    const dated = sentTexts(await igor.say("15 января"));
    expect(dated[0]).toMatch(/^Записал: пт, 15 января 2027/);
    expect(dated[1]).toBe("Ваш рабочий e-mail?");
    expect(sentTexts(await igor.say("igor@romashka"))[0]).toBe("Это не похоже на адрес e-mail. Пожалуйста, пришлите его в виде name@example.ru.");
    await igor.say("igor@romashka.ru");
    expect(replyKeyboardOf(igor)).toEqual([[{ text: "📱 Поделиться номером", request_contact: true }], [{ text: "Пропустить" }]]);
    const phone = "И телефон для созвона? Нажмите кнопку ниже или напишите номер.";
    expect(sentTexts(await igor.shareContact("79161234567", { first_name: "Мама" }))).toEqual(["Это чужой контакт. Поделитесь своим номером кнопкой ниже или напишите его.", phone]);
    const done = await igor.say("Пропустить");
    expect(sentTexts(done)[0]).toBe("Спасибо! Мы пришлём материалы под вашу задачу на e-mail.");
    expect(done.find((c) => c.method === "sendMessage")!.params.reply_markup).toEqual({ remove_keyboard: true });
    expect(igor.lastText()).toContain("Здравствуйте, Игорь! Я ассистент Sneakerhead.");
    expect(await sessionOf(6011)).toMatchObject({ status: "completed", score: 55, qualification: "warm" });
  });
});
