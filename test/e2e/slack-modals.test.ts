// Slack's own forms through the real Bolt app with signed requests, on the
// hand-computed small store (test/support/small-store.ts): `/send` alone and
// App Home's New campaign open the campaign modal (with the trigger they came
// with), Enter in the audience shows how it was read and its size, an invalid
// submission gets errors under the right fields, a valid one posts the same
// pre-flight card as the equivalent `/send`; the New segment modal previews
// and saves, and New campaign under `/segment show` starts from that segment.
import { describe, expect, test } from "vitest";
import { refreshCustomerStats } from "../../core/segments/customer-stats.ts";
import { FakeClock } from "../support/clock.ts";
import { slackText, type FakeView, type SlackApiCall } from "../support/fake-slack.ts";
import { useTestProduct } from "../support/per-describe.ts";
import { type TestProduct } from "../support/product.ts";
import { seedSmallStore, SMALL_STORE_NOW } from "../support/small-store.ts";

type Element = { action_id: string; value: string };
type Block = { type: string; block_id?: string; elements?: Element[]; element?: { initial_value?: string; options?: { value: string }[] } };

function startStore(language: string): TestProduct {
  const p = useTestProduct({ kind: "pglite", clock: new FakeClock(SMALL_STORE_NOW), env: { SLACK_SENDERS: "U0MARKETER", SLACK_LANGUAGE: language } });
  return p;
}

async function seed(p: TestProduct): Promise<void> {
  await seedSmallStore(p.database.db);
  await refreshCustomerStats(p.app.core);
}

/** The button `actionId` among a message's or view's blocks. */
function buttonIn(blocks: unknown, actionId: string): Element {
  const found = ((typeof blocks === "string" ? JSON.parse(blocks) : blocks) as Block[]).flatMap((b) => b.elements ?? []).find((e) => e.action_id === actionId);
  if (!found) throw new Error(`no ${actionId} button`);
  return found;
}

/** The modal once it has been filled in or redrawn (`updates` views.update calls after `since`). */
async function viewAfter(p: TestProduct, callbackId: string, since: number, updates = 1): Promise<FakeView> {
  await p.slackApi.waitFor(() => p.slackApi.callsOf("views.update").length >= since + updates);
  return p.slackApi.latestView(callbackId)!;
}

/** The text of a view's block (a context note, a field's hint...). */
const blockText = (view: FakeView, blockId: string) => slackText({ blocks: (view.view.blocks as Block[]).filter((b) => b.block_id === blockId) });
/** The pre-flight card without what differs between two drafts (their ids). */
const card = (text: string) => text.replace(/#\d+/g, "#N");
/** The newest message the app posted with `method` (chat.postEphemeral or chat.postMessage). */
async function posted(p: TestProduct, method: string, count: number): Promise<SlackApiCall> {
  return p.slackApi.waitFor(() => p.slackApi.callsOf(method)[count - 1]);
}

describe("The campaign and segment modals (pglite)", () => {
  const p = startStore("en");

  test("/send alone opens the campaign modal with its trigger, then fills in the segments, surveys and flows; the reply keeps the typed form", async () => {
    await seed(p);
    const updates = p.slackApi.callsOf("views.update").length;
    const command = await p.slack.command("/send", "", "U0MARKETER");
    const reply = slackText(command.ack);
    expect(reply).toContain("The campaign form is open.");
    expect(reply).toContain("Usage: `/send SEGMENT MESSAGE WHEN [options]`");
    const opened = p.slackApi.callsOf("views.open").at(-1)!;
    expect(String(opened.params.trigger_id)).toMatch(/^trigger\./);
    const view = await viewAfter(p, "campaign_modal", updates);
    expect(view.view.private_metadata).toBe('{"channel":"C0MARKETING"}');
    expect(blockText(view, "audience")).toContain("lifecycle:loyal");
    const content = (view.view.blocks as Block[]).find((b) => b.block_id === "content")!;
    expect(content.element!.options!.map((o) => o.value)).toEqual(expect.arrayContaining(["survey:nps", "flow:shoe-finder"]));
    expect((view.view.blocks as Block[]).length).toBeLessThanOrEqual(100);
  });

  test("Enter in the audience shows how the words were read and the size; the message's preview comes with it", async () => {
    const view = p.slackApi.latestView("campaign_modal")!;
    const updates = p.slackApi.callsOf("views.update").length;
    await p.slack.viewAction(view, "audience", { audience: "customers who bought in the last 30 days", message: "Hi {first_name}!" });
    const redrawn = await viewAfter(p, "campaign_modal", updates);
    // Paid orders in the 30 days before 23 Nov: Ann, Boris, Cleo.
    expect(blockText(redrawn, "audience_note")).toContain("Understood as: `order within 30d`");
    expect(blockText(redrawn, "audience_note")).toContain("*3* people");
    expect(blockText(redrawn, "message_note")).toContain("Preview A: Hi Anna!");
  });

  test("an invalid submission gets its errors under the right fields, and the modal stays open", async () => {
    const view = p.slackApi.latestView("campaign_modal")!;
    const ack = await p.slack.viewSubmission(view, { audience: "nobody_at_all", holdout: "70", date: "2026-11-20", time: "10:00" });
    expect(ack.response_action).toBe("errors");
    const errors = ack.errors as Record<string, string>;
    expect(Object.keys(errors).sort()).toEqual(["audience", "holdout", "message", "time"]);
    expect(errors.audience).toContain('"nobody_at_all"');
    expect(errors.message).toBe("Write the message, or choose a survey or a flow below.");
    expect(errors.holdout).toBe("The holdout is a whole number from 0 to 50.");
    expect(errors.time).toBe("2026-11-20 10:00 (Europe/Berlin) is in the past: pick a later date or time, or leave both empty to send now.");

    const survey = await p.slack.viewSubmission(view, { audience: "everyone", message: "Hi", content: "survey:nps", ab: "Hey {frist_name}" });
    expect(survey.errors).toEqual({
      message: "A survey or a flow sends its own questions: leave the message empty, or choose none.",
      ab: "Unknown placeholder; use {first_name}, {last_name}, {name}.",
    });
    expect(await p.app.core.db.prisma.campaign.count()).toBe(0);
  });

  test("a valid submission posts the same pre-flight card as the equivalent /send, where the modal was opened", async () => {
    const view = p.slackApi.latestView("campaign_modal")!;
    const ack = await p.slack.viewSubmission(view, { audience: "customers who bought in the last 30 days", message: "Hi {first_name}!", date: "2026-11-24", time: "10:00", holdout: "10" });
    expect(ack).toEqual({});
    const fromModal = await posted(p, "chat.postEphemeral", 1);
    expect(fromModal.params).toMatchObject({ channel: "C0MARKETING", user: "U0MARKETER" });
    const typed = await p.slack.command("/send", '"order within 30d" "Hi {first_name}!" 2026-11-24 10:00 --holdout 10%', "U0MARKETER");
    const modalCard = slackText(fromModal.params);
    // Ann and Boris (Cleo blocked the bot); Tuesday 24 November, 10:00 in Berlin.
    expect(modalCard).toContain("*Will receive:* 2");
    expect(modalCard).toContain("*Sends:* Tue, 24 Nov 2026, 10:00 (Europe/Berlin)");
    expect(card(modalCard)).toBe(card(slackText(typed.ack)));
    // Edit offers the same campaign as /send words.
    expect(JSON.parse(buttonIn(fromModal.params.blocks, "campaign_edit").value).command).toBe('/send "order within 30d" "Hi {first_name}!" 2026-11-24 10:00 --holdout 10%');
  });

  test("App Home's New campaign opens the modal; its card goes to the app's DM", async () => {
    await p.slack.event({ type: "app_home_opened", user: "U0MARKETER", channel: "D0HOME", tab: "home" });
    const home = await posted(p, "views.publish", 1);
    const open = buttonIn((home.params.view as { blocks: unknown }).blocks, "campaign_modal_open");
    const opens = p.slackApi.callsOf("views.open").length;
    const updates = p.slackApi.callsOf("views.update").length;
    const press = await p.slack.action("campaign_modal_open", open.value, "U0MARKETER", { channel: undefined, container: { type: "view", view_id: "V0HOME" } });
    expect(press.status).toBe(200);
    await p.slackApi.waitFor(() => p.slackApi.callsOf("views.open").length > opens);
    const view = await viewAfter(p, "campaign_modal", updates);
    expect(view.view.private_metadata).toBe("{}");
    expect(await p.slack.viewSubmission(view, { audience: "everyone", message: "Hello {first_name}" })).toEqual({});
    const dm = await posted(p, "chat.postMessage", 1);
    expect(dm.params.channel).toBe("U0MARKETER");
    // Sent now: Ann, Boris and Gus can be messaged.
    expect(slackText(dm.params)).toContain("*Will receive:* 3");
  });

  test("someone who may not send gets a modal saying so, not the form; a submission from them is refused under the audience", async () => {
    const opens = p.slackApi.callsOf("views.open").length;
    await p.slack.action("campaign_modal_open", "{}", "U0VIEWER");
    const notice = await p.slackApi.waitFor(() => p.slackApi.callsOf("views.open")[opens]);
    const view = notice.params.view as { callback_id?: string; blocks: unknown };
    expect(view.callback_id).toBeUndefined();
    expect(slackText({ blocks: view.blocks })).toContain("Sorry, you can't");
    const form = p.slackApi.latestView("campaign_modal")!;
    const refused = await p.slack.viewSubmission(form, { audience: "everyone", message: "Hi" }, "U0VIEWER");
    expect((refused.errors as Record<string, string>).audience).toContain("Sorry, you can't");
  });

  test("the New segment modal previews the words and saves them; /segment list has it; New campaign under /segment show starts from it", async () => {
    const list = await p.slack.command("/segment", "list", "U0MARKETER");
    const updates = p.slackApi.callsOf("views.update").length;
    await p.slack.action("segment_modal_open", buttonIn(list.ack.blocks, "segment_modal_open").value, "U0MARKETER");
    const opened = await p.slackApi.waitFor(() => p.slackApi.latestView("segment_modal"));
    await p.slack.viewAction(opened, "segment_rule", { segment_rule: "customers who bought in the last 30 days" });
    const previewed = await viewAfter(p, "segment_modal", updates);
    expect(blockText(previewed, "segment_note")).toContain("Understood as: `order within 30d`");
    expect(blockText(previewed, "segment_note")).toContain("*3* people");

    const bad = await p.slack.viewSubmission(previewed, { segment_name: "Recent buyers!", segment_rule: "customers who bought in the last 30 days" });
    expect(Object.keys(bad.errors as object)).toEqual(["segment_name"]);
    expect(await p.slack.viewSubmission(previewed, { segment_name: "recent_buyers", segment_rule: "customers who bought in the last 30 days" })).toEqual({});
    const saved = await p.slackApi.waitFor(() => p.slackApi.calls.find((c) => c.method.startsWith("chat.post") && slackText(c.params).includes("recent_buyers")));
    expect(slackText(saved.params)).toContain("Saved segment *recent_buyers*: 3 customers.");
    expect(slackText((await p.slack.command("/segment", "list", "U0MARKETER")).ack)).toContain("recent_buyers*: 3");

    const show = await p.slack.command("/segment", "show recent_buyers", "U0MARKETER");
    const button = buttonIn(show.ack.blocks, "campaign_modal_open");
    expect(JSON.parse(button.value)).toEqual({ audience: "recent_buyers" });
    const before = p.slackApi.callsOf("views.update").length;
    await p.slack.action("campaign_modal_open", button.value, "U0MARKETER");
    const prefilled = await viewAfter(p, "campaign_modal", before);
    const audience = (prefilled.view.blocks as Block[]).find((b) => b.block_id === "audience")!;
    expect(audience.element!.initial_value).toBe("recent_buyers");
    expect(blockText(prefilled, "audience_note")).toContain("Understood as: `recent_buyers`");
    expect(blockText(prefilled, "audience_note")).toContain("*3* people");
  });
});

describe("The modals in Russian (pglite)", () => {
  const p = startStore("ru");

  test("the campaign modal reads Russian words, answers errors in Russian and posts the card", async () => {
    await seed(p);
    const updates = p.slackApi.callsOf("views.update").length;
    const command = await p.slack.command("/send", "", "U0MARKETER");
    expect(slackText(command.ack)).toContain("Открыта форма кампании.");
    const view = await viewAfter(p, "campaign_modal", updates);
    expect(slackText({ blocks: [{ text: view.view.title }] })).toContain("Новая кампания");

    await p.slack.viewAction(view, "audience", { audience: "покупатели за последние 30 дней" });
    const redrawn = await viewAfter(p, "campaign_modal", updates + 1);
    expect(blockText(redrawn, "audience_note")).toContain("Понято как: `order within 30d`");
    expect(blockText(redrawn, "audience_note")).toContain("*3* чел.");

    const invalid = await p.slack.viewSubmission(redrawn, { audience: "покупатели за последние 30 дней", holdout: "90" });
    expect(invalid.errors).toEqual({ message: "Напишите сообщение или выберите ниже опрос или сценарий.", holdout: "Контрольная группа — целое число от 0 до 50." });

    expect(await p.slack.viewSubmission(redrawn, { audience: "покупатели за последние 30 дней", message: "Привет, {first_name}!", date: "2026-11-24", time: "10:00" })).toEqual({});
    const typed = await p.slack.command("/send", '"order within 30d" "Привет, {first_name}!" 2026-11-24 10:00', "U0MARKETER");
    const fromModal = await posted(p, "chat.postEphemeral", 1);
    expect(slackText(fromModal.params)).toContain("Привет, Анна!");
    expect(card(slackText(fromModal.params))).toBe(card(slackText(typed.ack)));
  });

  test("the segment modal saves words in Russian", async () => {
    await p.slack.action("segment_modal_open", "{}", "U0MARKETER");
    const view = await p.slackApi.waitFor(() => p.slackApi.latestView("segment_modal"));
    const empty = await p.slack.viewSubmission(view, { segment_name: "vip_ru" });
    expect(empty.errors).toEqual({ segment_rule: "Укажите, кому отправить: имя сегмента, правило или слова." });
    expect(await p.slack.viewSubmission(view, { segment_name: "vip_ru", segment_rule: "критики" })).toEqual({});
    expect(slackText((await p.slack.command("/segment", "list", "U0MARKETER")).ack)).toContain("vip_ru*: 2");
  });
});
