// The campaign modal: opened by `/send` alone and by New campaign buttons;
// Enter in the audience field redraws it with how the audience was read and
// its size (and the message's preview); submitting checks every field, then
// drafts through the same path as `/send` (draftCard) and posts the same
// pre-flight card to whoever submitted. Nothing is scheduled until Schedule.
import type { App, BlockAction, ViewSubmitAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { previewRecipient } from "../../../core/campaigns/draft-campaign.ts";
import { messageTemplateSchema, PLACEHOLDERS, renderTemplate } from "../../../core/campaigns/message-template.ts";
import { InvalidSchedule, parseWhen } from "../../../core/campaigns/parse-when.ts";
import { DomainError } from "../../../core/errors.ts";
import { readAudienceInput, type AudienceInput } from "../../../core/language/audience-input.ts";
import { installationNames, type InstallationNames } from "../../../core/language/installation-names.ts";
import { dayIn } from "../../../core/segments/segment-sizes.ts";
import { OPEN_CAMPAIGN_MODAL } from "../action-values.ts";
import { draftCard, type CampaignAsked } from "../commands/draft-card.ts";
import { errorReply } from "../error-replies.ts";
import { Refusal } from "../reply.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { CAMPAIGN_FIELDS, CAMPAIGN_MODAL, campaignModal, type CampaignModalState } from "../views/campaign-modal.ts";
import { refusalText } from "../views/understood-view.ts";
import { formatCount } from "../views/segments-view.ts";
import { answerSubmission, decodeMetadata, encodeMetadata, onModalButton, readFields, type SubmissionOutcome } from "./modal-support.ts";

type CampaignFields = Record<keyof typeof CAMPAIGN_FIELDS, string>;

/** A date picked without a time goes out at this hour (the hint says so). */
const DEFAULT_HOUR = "10:00";

export function registerCampaignModal(app: App, deps: SlackDeps): void {
  onModalButton(app, deps, OPEN_CAMPAIGN_MODAL, { permission: "send", titleKey: "modal-campaign-title" }, async ({ value, channel, triggerId, client }) => {
    await openCampaignModal(deps, client, { triggerId, channel, audience: value.audience });
  });

  app.action<BlockAction>(CAMPAIGN_FIELDS.audience, async ({ ack, body, client }) => {
    await ack();
    const view = body.view;
    if (!view) return;
    const fields = readFields(view.state.values, CAMPAIGN_FIELDS);
    const names = await installationNames(deps.core);
    const redrawn = await filledModal(deps, { metadata: view.private_metadata, timezone: deps.core.teamTimezone, audience: fields.audience, names }, fields);
    await client.views.update({ view_id: view.id, hash: view.hash, view: redrawn }).catch((err: unknown) => deps.core.logger.warn({ err }, "could not redraw the campaign modal"));
  });

  app.view<ViewSubmitAction>(CAMPAIGN_MODAL, async ({ ack, body, view, client }) => {
    const user = body.user.id;
    const fields = readFields(view.state.values, CAMPAIGN_FIELDS);
    await answerSubmission(deps, { ack, client, user, metadata: decodeMetadata(view.private_metadata), firstBlock: "audience" }, () => submitCampaign(deps, user, fields));
  });
}

/** Opens the modal at once (the trigger lives 3 s), then fills in this installation's names and the audience's size. */
export async function openCampaignModal(deps: SlackDeps, client: WebClient, options: { triggerId: string; channel?: string | undefined; audience?: string | undefined }): Promise<void> {
  const state: CampaignModalState = {
    metadata: encodeMetadata(options.channel ? { channel: options.channel } : {}),
    timezone: deps.core.teamTimezone,
    ...(options.audience ? { audience: options.audience } : {}),
  };
  const opened = await client.views.open({ trigger_id: options.triggerId, view: campaignModal(state, deps.t) });
  if (!opened.view?.id) return;
  const names = await installationNames(deps.core);
  const filled = await filledModal(deps, { ...state, names }, { audience: options.audience ?? "", message: "", ab: "" });
  await client.views
    .update({ view_id: opened.view.id, ...(opened.view.hash ? { hash: opened.view.hash } : {}), view: filled })
    .catch((err: unknown) => deps.core.logger.warn({ err }, "could not fill in the campaign modal"));
}

async function filledModal(deps: SlackDeps, state: CampaignModalState & { names: InstallationNames }, fields: Pick<CampaignFields, "audience" | "message" | "ab">) {
  const audience = fields.audience ? await readAudience(deps, fields.audience, state.names) : undefined;
  const messageNote = messagePreview(deps, fields.message, fields.ab);
  return campaignModal(
    {
      ...state,
      ...(audience ? { audienceNote: "problem" in audience ? audience.problem : understoodNote(deps, audience) } : {}),
      ...(messageNote ? { messageNote } : {}),
    },
    deps.t,
  );
}

type ReadAudience = Extract<AudienceInput, { kind: "audience" }> | { problem: string };

/** The audience typed (a name, a rule or words), or what is wrong with it in the team's words. */
export async function readAudience(deps: SlackDeps, input: string, names?: InstallationNames): Promise<ReadAudience> {
  const { t } = deps;
  try {
    const read = await readAudienceInput(deps.core, { input, language: deps.language, ...(names ? { names } : {}) });
    switch (read.kind) {
      case "audience":
        return read;
      case "choice":
        return { problem: t("modal-audience-choice", { forms: read.texts.map((text) => `\`${text}\``).join(" · ") }) };
      case "refusal":
        return { problem: refusalText("/segment", read.refusal, t) };
    }
  } catch (error) {
    const reply = errorReply(deps, error);
    if (reply) return { problem: reply.text };
    throw error;
  }
}

export function understoodNote(deps: SlackDeps, audience: Extract<AudienceInput, { kind: "audience" }>): string {
  return deps.t("modal-audience-understood", { form: audience.text, words: audience.words, size: formatCount(audience.size) });
}

/** The message (and variant B) as Anna gets it, or the unknown placeholder. */
function messagePreview(deps: SlackDeps, message: string, textB: string): string | undefined {
  const lines = [message, textB].flatMap((text, i) => {
    if (!text) return [];
    const label = i === 0 ? "A" : "B";
    if (!messageTemplateSchema.safeParse({ text }).success) return [`${label}: ${placeholderProblem(deps)}`];
    return [deps.t("modal-message-preview", { variant: label, text: renderTemplate({ text }, previewRecipient(deps.language), deps.core.translator).text })];
  });
  return lines.length ? lines.join("\n") : undefined;
}

function placeholderProblem(deps: SlackDeps): string {
  return deps.t("modal-error-placeholder", { placeholders: PLACEHOLDERS.map((p) => `{${p}}`).join(", ") });
}

async function submitCampaign(deps: SlackDeps, user: string, fields: CampaignFields): Promise<SubmissionOutcome> {
  const { t, core } = deps;
  try {
    await deps.access.require(user, "send");
  } catch (error) {
    if (error instanceof Refusal) return { errors: { audience: error.reply.text } };
    throw error;
  }
  const errors: Record<string, string> = {};
  const [kind, id] = fields.content.split(":", 2) as [string, string | undefined];
  const survey = kind === "survey" ? id : undefined;
  const flow = kind === "flow" ? id : undefined;
  if (!fields.message && !survey && !flow) errors.message = t("modal-error-message-empty");
  else if (fields.message && (survey || flow)) errors.message = t("modal-error-message-and-content");
  else if (fields.message && !messageTemplateSchema.safeParse({ text: fields.message }).success) errors.message = placeholderProblem(deps);
  if (fields.ab && !fields.message) errors.ab = t("modal-error-ab-needs-message");
  else if (fields.ab && !messageTemplateSchema.safeParse({ text: fields.ab }).success) errors.ab = placeholderProblem(deps);
  const holdout = fields.holdout ? Number(fields.holdout) : 0;
  if (!Number.isInteger(holdout) || holdout < 0 || holdout > 50) errors.holdout = t("modal-error-holdout");
  const when = whenOf(deps, fields);
  try {
    parseWhen(when, core.clock.now(), core.teamTimezone, core.dateOrder);
  } catch (error) {
    if (!(error instanceof InvalidSchedule)) throw error;
    errors[fields.time || !fields.date ? "time" : "date"] = t("modal-error-past", { when: `${when} (${core.teamTimezone})` });
  }
  let audience: ReadAudience | undefined;
  if (!fields.audience) errors.audience = t("modal-error-audience-empty");
  else {
    audience = await readAudience(deps, fields.audience);
    if ("problem" in audience) errors.audience = audience.problem;
  }
  if (Object.keys(errors).length || !audience || "problem" in audience) return { errors };
  const request: CampaignAsked = {
    segment: audience.text,
    ...(fields.message ? { message: { text: fields.message } } : {}),
    ...(fields.ab ? { textB: fields.ab } : {}),
    ...(survey ? { survey } : {}),
    ...(flow ? { flow } : {}),
    when,
    holdoutPercent: holdout,
  };
  try {
    return { reply: await draftCard(deps, request, user, sendForm(request, when)) };
  } catch (error) {
    const reply = errorReply(deps, error, { prefix: "send-error" });
    if (!reply) throw error;
    return { errors: { [blockOf(error)]: reply.text } };
  }
}

/** Date and time in the team's timezone, in the exact syntax /send reads: empty = now; a date alone = 10:00; a time alone = today. */
function whenOf(deps: SlackDeps, fields: CampaignFields): string {
  if (!fields.date && !fields.time) return "now";
  const date = fields.date || dayIn(deps.core.teamTimezone, deps.core.clock.now());
  return `${date} ${fields.time || DEFAULT_HOUR}`;
}

/** Which field a drafting error belongs under. */
function blockOf(error: unknown): string {
  if (!(error instanceof DomainError)) return "message";
  switch (error.code) {
    case "invalid_schedule":
      return "time";
    case "unknown_survey":
    case "survey_not_found":
    case "unknown_flow":
    case "flow_not_found":
      return "content";
    case "unknown_template":
      return "message";
    default:
      return "audience";
  }
}

/** The same campaign as `/send` words, offered back by the card's Edit. */
function sendForm(request: CampaignAsked, when: string): string {
  const segment = typeof request.segment === "string" ? request.segment : request.segment.text;
  const parts = ["/send", /\s|=|</.test(segment) ? quote(segment) : segment];
  if (request.message && "text" in request.message) parts.push(quote(request.message.text));
  parts.push(when);
  if (request.holdoutPercent) parts.push(`--holdout ${request.holdoutPercent}%`);
  if (request.textB) parts.push(`--ab ${quote(request.textB)}`);
  if (request.survey) parts.push(`--survey ${request.survey}`);
  if (request.flow) parts.push(`--flow ${request.flow}`);
  return parts.join(" ");
}

/** Quotes `text` with the first kind of quote it does not contain (/send reads them all). */
function quote(text: string): string {
  const pair = [['"', '"'], ["«", "»"], ["“", "”"], ["'", "'"]].find(([, close]) => !text.includes(close!)) ?? ['"', '"'];
  return `${pair[0]}${text}${pair[1]}`;
}
