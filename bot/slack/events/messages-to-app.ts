// An @mention in a channel or a direct message to the app gets the same
// answers as the slash commands ("@Chatloop how many loyal customers do we
// have?", "@Chatloop what was NPS last week?", "segment list"): the core picks
// the command the words address (core/language/route-words.ts) and the same
// use cases answer, with the same "Understood as" echo and the asker's
// permissions. A campaign is never scheduled from a message: /send's words
// answer with the pre-flight card, which needs a press.
import type { App } from "@slack/bolt";
import { claimSlackEvent, releaseSlackEvent } from "../../../core/inbox/processed-updates.ts";
import { routeWords, type RoutedWords } from "../../../core/language/route-words.ts";
import type { NaturalCommand } from "../action-values.ts";
import { withUnderstoodAs } from "../views/understood-view.ts";
import { errorReply } from "../error-replies.ts";
import { answerMetrics, METRICS_ERRORS } from "../commands/metrics-command.ts";
import { runSegmentCommand } from "../commands/segment-command.ts";
import { runCampaignsCommand } from "../commands/campaigns-command.ts";
import { CAMPAIGN_ERRORS } from "../actions/campaign-actions.ts";
import { draftFromCommand, SEND_ERRORS } from "../commands/send-command.ts";
import type { SlackReply } from "../reply.ts";
import type { SlackDeps } from "../slack-deps.ts";

export function registerMessagesToApp(app: App, deps: SlackDeps): void {
  /**
   * Slack retries an event it thinks was missed, perhaps to another instance:
   * the event id is claimed in the database, so one message gets one answer.
   * When answering fails the claim is given back, so the retry is answered.
   */
  const once = async (eventId: string | undefined, work: () => Promise<void>): Promise<void> => {
    if (eventId && !(await claimSlackEvent(deps.core, eventId))) return;
    try {
      await work();
    } catch (err) {
      if (eventId) await releaseSlackEvent(deps.core, eventId).catch(() => undefined);
      throw err;
    }
  };

  app.event("app_mention", async ({ event, client, body }) => {
    const user = event.user;
    if (!user) return;
    await once((body as { event_id?: string }).event_id, async () => {
      const text = event.text.replace(/<@[A-Z0-9]+>/g, " ").trim();
      const reply = await answer(deps, text, user);
      await client.chat.postMessage({ channel: event.channel, thread_ts: event.thread_ts ?? event.ts, text: reply.text, ...(reply.blocks ? { blocks: reply.blocks } : {}), unfurl_links: false });
    });
  });

  app.event("message", async ({ event, client, body }) => {
    // Direct messages from people only: the team's threads have their own listener, the bot's own posts none.
    if (event.channel_type !== "im" || event.subtype !== undefined || "bot_id" in event) return;
    if (!("user" in event) || !event.user) return;
    const user = event.user;
    await once((body as { event_id?: string }).event_id, async () => {
      const reply = await answer(deps, event.text ?? "", user);
      await client.chat.postMessage({ channel: event.channel, text: reply.text, ...(reply.blocks ? { blocks: reply.blocks } : {}), unfurl_links: false });
    });
  });
}

/** The words to the same use cases as the slash commands, worded by the same error table. */
export async function answer(deps: SlackDeps, message: string, user: string): Promise<SlackReply> {
  const routed = await routeWords(deps.core, message);
  const reply = await run(deps, routed, user);
  // Words in a sentence always say how they were read, also when what was left is the exact syntax.
  const echo = deps.t("words-understood-as", { form: "" }).replace(/`+$/, "");
  if (routed.explicit || routed.refusal || !["/segment", "/send", "/metrics"].includes(routed.command) || reply.text.includes(echo)) return reply;
  return withUnderstoodAs(reply, routed.command as NaturalCommand, routed.text, [], deps.t);
}

async function run(deps: SlackDeps, routed: RoutedWords, user: string): Promise<SlackReply> {
  const scope = routed.command === "/send" ? SEND_ERRORS : routed.command === "/metrics" ? METRICS_ERRORS : routed.command === "/campaigns" ? CAMPAIGN_ERRORS : {};
  try {
    switch (routed.command) {
      case "/metrics":
        await deps.access.require(user, "view");
        return await answerMetrics(deps, routed.text);
      case "/send":
        await deps.access.require(user, "send");
        return await draftFromCommand(deps, routed.text, user);
      case "/segment": {
        if (!routed.text || routed.refusal) return { text: deps.t("mention-help") };
        const verb = routed.text.split(/\s+/)[0]?.toLowerCase() ?? "";
        await deps.access.require(user, verb === "save" || verb === "delete" ? "send" : "view");
        const showContacts = (await deps.access.permissions(user)).has("see_pii");
        return await runSegmentCommand(deps, routed.text, user, showContacts);
      }
      case "/chatloop":
        return { text: deps.t("help-text") };
      case "/campaigns":
        return await runCampaignsCommand(deps, routed.text, user, { readOnly: true });
      default:
        return { text: deps.t("mention-use-command", { command: routed.command }) };
    }
  } catch (error) {
    const reply = errorReply(deps, error, scope);
    if (reply) return reply;
    deps.core.logger.error({ err: error, user }, "message to the app failed");
    return { text: deps.t("slack-error") };
  }
}
