// The New segment modal (App Home, under /segment list and preview): a name
// and a definition in words or the exact syntax; Enter shows how it was read
// and how many it holds; submitting saves it through the core's saveSegment,
// as `/segment save NAME RULE` does, and says so to whoever saved it.
import type { App, BlockAction, ViewSubmitAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { saveSegment } from "../../../core/segments/saved-segments.ts";
import { DomainError } from "../../../core/errors.ts";
import { OPEN_SEGMENT_MODAL } from "../action-values.ts";
import { errorReply } from "../error-replies.ts";
import { Refusal } from "../reply.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { SEGMENT_FIELDS, SEGMENT_MODAL, segmentModal } from "../views/campaign-modal.ts";
import { readAudience, understoodNote } from "./campaign-modal-actions.ts";
import { answerSubmission, decodeMetadata, encodeMetadata, onModalButton, readFields, type SubmissionOutcome } from "./modal-support.ts";

export function registerSegmentModal(app: App, deps: SlackDeps): void {
  onModalButton(app, deps, OPEN_SEGMENT_MODAL, { permission: "send", titleKey: "modal-segment-title" }, async ({ value, channel, triggerId, client }) => {
    await openSegmentModal(deps, client, { triggerId, channel, rule: value.rule });
  });

  app.action<BlockAction>(SEGMENT_FIELDS.segment_rule, async ({ ack, body, client }) => {
    await ack();
    const view = body.view;
    if (!view) return;
    const { segment_rule: rule } = readFields(view.state.values, SEGMENT_FIELDS);
    const redrawn = segmentModal({ metadata: view.private_metadata, rule, note: await ruleNote(deps, rule) }, deps.t);
    await client.views.update({ view_id: view.id, hash: view.hash, view: redrawn }).catch((err: unknown) => deps.core.logger.warn({ err }, "could not redraw the segment modal"));
  });

  app.view<ViewSubmitAction>(SEGMENT_MODAL, async ({ ack, body, view, client }) => {
    const user = body.user.id;
    const fields = readFields(view.state.values, SEGMENT_FIELDS);
    await answerSubmission(deps, { ack, client, user, metadata: decodeMetadata(view.private_metadata), firstBlock: "segment_name" }, () => submitSegment(deps, user, fields));
  });
}

/** Opens the modal at once; a rule it starts with gets its size in an update. */
export async function openSegmentModal(deps: SlackDeps, client: WebClient, options: { triggerId: string; channel?: string | undefined; rule?: string | undefined }): Promise<void> {
  const metadata = encodeMetadata(options.channel ? { channel: options.channel } : {});
  const rule = options.rule ?? "";
  const opened = await client.views.open({ trigger_id: options.triggerId, view: segmentModal({ metadata, rule }, deps.t) });
  if (!rule || !opened.view?.id) return;
  const filled = segmentModal({ metadata, rule, note: await ruleNote(deps, rule) }, deps.t);
  await client.views
    .update({ view_id: opened.view.id, ...(opened.view.hash ? { hash: opened.view.hash } : {}), view: filled })
    .catch((err: unknown) => deps.core.logger.warn({ err }, "could not fill in the segment modal"));
}

async function ruleNote(deps: SlackDeps, rule: string): Promise<string> {
  if (!rule) return deps.t("modal-audience-note");
  const read = await readAudience(deps, rule);
  return "problem" in read ? read.problem : understoodNote(deps, read);
}

async function submitSegment(deps: SlackDeps, user: string, fields: Record<keyof typeof SEGMENT_FIELDS, string>): Promise<SubmissionOutcome> {
  const { t } = deps;
  try {
    await deps.access.require(user, "send");
  } catch (error) {
    if (error instanceof Refusal) return { errors: { segment_name: error.reply.text } };
    throw error;
  }
  if (!fields.segment_rule) return { errors: { segment_rule: t("modal-error-audience-empty") } };
  const read = await readAudience(deps, fields.segment_rule);
  if ("problem" in read) return { errors: { segment_rule: read.problem } };
  try {
    const saved = await saveSegment(deps.core, { name: fields.segment_name, text: read.rule, actor: user });
    return { reply: { text: `${t("segments-saved", { name: saved.key, size: read.size })}\n${understoodNote(deps, read)}` } };
  } catch (error) {
    const reply = errorReply(deps, error);
    if (!reply) throw error;
    const onName = error instanceof DomainError && error.code === "invalid_segment_name";
    return { errors: { [onName ? "segment_name" : "segment_rule"]: reply.text } };
  }
}
