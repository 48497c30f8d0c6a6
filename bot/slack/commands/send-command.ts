// /send SEGMENT MESSAGE WHEN [options]: parse, create a draft campaign, and
// answer with the pre-flight card. Nothing is scheduled until Schedule is pressed.
import type { App } from "@slack/bolt";
import { resolveAudience } from "../../../core/campaigns/audience.ts";
import { createCampaign } from "../../../core/campaigns/campaigns.ts";
import { renderTemplate, type MessageTemplate } from "../../../core/campaigns/message-template.ts";
import { parseWhen } from "../../../core/campaigns/parse-when.ts";
import { preflight } from "../../../core/campaigns/preflight.ts";
import { getTemplate } from "../../../core/campaigns/templates.ts";
import { DomainError } from "../../../core/errors.ts";
import { pointAt, SegmentTextError } from "../../../core/segments/parse-segment-text.ts";
import { domainErrorText } from "../error-text.ts";
import { Refusal, replyToCommand, type SlackReply } from "../reply.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { preflightCard } from "../views/preflight-card.ts";
import { parseSend, SendSyntaxError, type SendRequest } from "./parse-send.ts";

export function registerSendCommand(app: App, deps: SlackDeps): void {
  app.command("/send", async ({ command, ack, respond }) => {
    await replyToCommand({ ack, respond, command, logger: deps.core.logger }, deps.replyTexts, async () => {
      await deps.access.require(command.user_id, "send");
      return draftFromCommand(deps, command.text, command.user_id);
    });
  });
}

export async function draftFromCommand(deps: SlackDeps, text: string, user: string): Promise<SlackReply> {
  const { core, t } = deps;
  const language = deps.language ?? "en";
  let request: SendRequest;
  if (/^\s*(help|помощь|справка)?\s*$/i.test(text)) return { text: `${t("send-usage")}\n${t("send-example")}` };
  try {
    request = parseSend(text);
  } catch (err) {
    if (err instanceof SendSyntaxError) throw new Refusal({ text: usage(deps, t(`send-error-${err.problem}`, err.detail)) });
    throw err;
  }
  try {
    const audience = await resolveAudience(core, request.segment);
    const sendAt = parseWhen(request.when, core.clock.now(), core.teamTimezone);
    const messageA = request.message ? await messageOf(deps, request) : undefined;
    const messageB: MessageTemplate | undefined = request.textB ? { text: request.textB, ...(messageA?.buttons ? { buttons: messageA.buttons } : {}) } : undefined;
    const campaign = await createCampaign(core, {
      name: request.name ?? defaultName(request),
      segmentText: audience.text,
      segment: audience.definition,
      kind: request.survey ? "survey" : request.flow ? "flow" : "message",
      ...(messageA ? { message: { A: messageA, ...(messageB ? { B: messageB } : {}) } } : {}),
      ...(request.survey ? { surveyId: request.survey } : {}),
      ...(request.flow ? { flowId: request.flow } : {}),
      sendAt,
      localTime: request.localTime,
      holdoutPercent: request.holdoutPercent,
      variantBPercent: messageB ? 50 : 0,
      ...(request.cost !== undefined ? { cost: request.cost } : {}),
      createdBy: user,
      draft: true,
    });
    const pf = await preflight(core, { campaignId: campaign.id, ratePerSecond: deps.deliveryRate });
    if (pf.recipients === 0) throw new Refusal({ text: t("send-error-empty_audience") });
    const sample = { firstName: language === "ru" ? "Анна" : "Anna", lastName: null, language };
    return preflightCard(
      {
        campaignId: campaign.id,
        name: campaign.name,
        segmentText: audience.text,
        preflight: pf,
        ...(messageA ? { previewA: renderTemplate(messageA, sample, core.translator) } : {}),
        ...(messageB ? { previewB: renderTemplate(messageB, sample, core.translator) } : {}),
        ...(request.survey ? { otherContent: t("preflight-survey", { id: request.survey }) } : request.flow ? { otherContent: t("preflight-flow", { id: request.flow }) } : {}),
        cost: request.cost ?? null,
        approvalRequired: deps.approvalRequired,
        command: `/send ${text}`,
        timezone: core.teamTimezone,
        language,
        rate: deps.deliveryRate,
      },
      t,
    );
  } catch (err) {
    if (err instanceof SegmentTextError) throw new Refusal({ text: usage(deps, `${err.message}\n\`\`\`${pointAt(request.segment, err)}\`\`\``) });
    if (err instanceof DomainError) throw new Refusal({ text: usage(deps, domainErrorText(deps, err, ["send-error", "error"])) });
    if (isZodError(err)) throw new Refusal({ text: usage(deps, t("send-error-invalid_message", { message: err.issues[0]?.message ?? "" })) });
    throw err;
  }
}

async function messageOf(deps: SlackDeps, request: SendRequest): Promise<MessageTemplate> {
  const message = request.message!;
  const base: MessageTemplate = "template" in message ? await getTemplate(deps.core, message.template) : { text: message.text };
  return request.buttons.length ? { ...base, buttons: request.buttons } : base;
}

function defaultName(request: SendRequest): string {
  const what = request.survey ? `${request.survey} survey` : request.flow ? `${request.flow} flow` : request.message && "template" in request.message ? request.message.template : "message";
  return `${what} → ${request.segment}`.slice(0, 120);
}

function usage(deps: SlackDeps, problem: string): string {
  return `${problem}\n${deps.t("send-usage")}\n${deps.t("send-example")}`;
}

function isZodError(err: unknown): err is { issues: { message: string }[] } {
  return typeof err === "object" && err !== null && (err as { name?: string }).name === "ZodError";
}
