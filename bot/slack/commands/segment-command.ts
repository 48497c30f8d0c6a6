// /segment: list | show NAME | preview TEXT | save NAME TEXT | delete NAME.
// Parses the words, calls the core, renders a view; domain errors become a
// polite answer by the error table (a text error shows the text with a caret
// under the problem).
import type { App } from "@slack/bolt";
import { deleteSegment, saveSegment } from "../../../core/segments/saved-segments.ts";
import { segmentSize } from "../../../core/segments/segment-report.ts";
import { listSegments } from "../../../core/segments/segment-sizes.ts";
import { previewSegment, showSegment } from "../../../core/segments/show-segment.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { replies } from "../error-replies.ts";
import { replyToCommand, type SlackReply } from "../reply.ts";
import { segmentListView, segmentPreviewView, segmentShowView } from "../views/segments-view.ts";

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

async function runSegmentCommand(deps: SlackDeps, input: string, actor: string, showContacts: boolean): Promise<SlackReply> {
  const { core, t, language } = deps;
  const text = input.trim();
  const [verb = "list", ...rest] = text.split(/\s+/).filter(Boolean);
  const argument = text.slice(verb.length).trim();
  const name = rest[0] ?? "";
  switch (verb.toLowerCase()) {
    case "list":
      return segmentListView(await listSegments(core), t);
    case "show":
      if (!name) break;
      return segmentShowView(await showSegment(core, { name, language }), t, showContacts);
    case "preview":
      if (!argument) break;
      return segmentPreviewView(argument, await previewSegment(core, { text: argument, language }), t, showContacts);
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
  }
  return { text: t("segments-usage") };
}
