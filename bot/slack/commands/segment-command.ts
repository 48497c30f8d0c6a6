// /segment: list | show NAME | preview TEXT | save NAME TEXT | delete NAME |
// help, or a description in words (words.ts: "loyal customers who spent over
// 300 in the last 90 days"). Parses the words, calls the core, renders a view;
// domain errors become a polite answer by the error table (a text error shows
// the text with a caret under the problem).
import type { App } from "@slack/bolt";
import { isExactSegment, isSegmentRule } from "../../../core/language/exact-syntax.ts";
import { installationNames } from "../../../core/language/installation-names.ts";
import { builtInSegment } from "../../../core/segments/built-in-segments.ts";
import { deleteSegment, saveSegment } from "../../../core/segments/saved-segments.ts";
import { segmentSize } from "../../../core/segments/segment-report.ts";
import { listSegments } from "../../../core/segments/segment-sizes.ts";
import { previewSegment, showSegment } from "../../../core/segments/show-segment.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { replies } from "../error-replies.ts";
import { replyToCommand, type SlackReply } from "../reply.ts";
import { cheatSheetView } from "../views/cheat-sheet-view.ts";
import { segmentListView, segmentPreviewView, segmentShowView } from "../views/segments-view.ts";
import { answerWords } from "./words.ts";

/** Words that look like the exact syntax (a comparison, `tag:vip`): its own error explains them best. */
const SYNTAX_LIKE = /[=<>():]|\b(and|or|not|within|in)\b.*[=<>]/i;

export function registerSegmentCommand(app: App, deps: SlackDeps): void {
  app.command("/segment", async ({ command, ack, respond }) => {
    await replyToCommand({ ack, respond, command, logger: deps.core.logger }, replies(deps), async () => {
      const verb = command.text.trim().split(/\s+/)[0]?.toLowerCase() ?? "list";
      // Looking is for viewers; changing the saved segments is for senders.
      await deps.access.require(command.user_id, verb === "save" || verb === "delete" ? "send" : "view");
      const showContacts = (await deps.access.permissions(command.user_id)).has("see_pii");
      return runSegmentCommand(deps, command.text, command.user_id, showContacts);
    });
  });
}

/** Runs `/segment`'s words: the exact syntax, or a description (also for a pressed choice). */
export async function runSegmentCommand(deps: SlackDeps, input: string, actor: string, showContacts: boolean): Promise<SlackReply> {
  const { core, t, language } = deps;
  const text = input.trim();
  const [verb = "list", ...rest] = text.split(/\s+/).filter(Boolean);
  const argument = text.slice(verb.length).trim();
  const name = rest[0] ?? "";
  const again = (form: string) => runSegmentCommand(deps, form, actor, showContacts);
  switch (verb.toLowerCase()) {
    case "help":
    case "помощь":
    case "справка":
      return cheatSheetView("/segment", await installationNames(core), t);
    case "list":
      return segmentListView(await listSegments(core), t);
    case "show": {
      if (!name) break;
      const show = async () => segmentShowView(await showSegment(core, { name, language }), t, showContacts);
      const names = await installationNames(core);
      if (builtInSegment(name) || names.segments.includes(name.toLowerCase())) return show();
      // "show vip": the saved vip_ru, or the tag vip? The closest names, as buttons.
      return answerWords(deps, "/segment", argument, { run: again, exactInstead: show, names });
    }
    case "preview": {
      if (!argument) break;
      const preview = async () => segmentPreviewView(argument, await previewSegment(core, { text: argument, language }), t, showContacts);
      // "preview last_order < 30 days", "preview abandoned cart": words the exact syntax does not read, understood
      // (the echo shows `30d`); words not understood get the exact syntax's error, caret and all.
      return isSegmentRule(argument) ? preview() : answerWords(deps, "/segment", argument, { run: again, exactInstead: preview });
    }
    case "save": {
      const definitionText = argument.slice(name.length).trim();
      if (!name || !definitionText) break;
      const saved = await saveSegment(core, { name, text: definitionText, actor });
      return { text: t("segments-saved", { name: saved.key, size: await segmentSize(core, saved.definition) }) };
    }
    case "delete":
      if (!name) break;
      await deleteSegment(core, { name, actor });
      return { text: t("segments-deleted", { name: name.toLowerCase() }) };
    default: {
      const preview = async () => segmentPreviewView(text, await previewSegment(core, { text, language }), t, showContacts);
      // A rule without "preview" is previewed as typed; anything else is words.
      if (isExactSegment(text)) return preview();
      return answerWords(deps, "/segment", text, { run: again, exactInstead: SYNTAX_LIKE.test(text) ? preview : undefined });
    }
  }
  return { text: t("segments-usage") };
}
