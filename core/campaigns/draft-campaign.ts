// A campaign as the team asked for it, drafted and checked before anything
// is scheduled: the audience resolved, the time read, the template filled,
// the draft stored and its pre-flight figures counted. One use case for every
// way of asking - /send's words, a modal, a sentence, the digest's proposal -
// each filling the same plain request. Schedule (scheduleDraft) comes later.
import type { Campaign } from "../../generated/prisma/client.ts";
import type { CoreDeps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import type { OutgoingMessage } from "../ports.ts";
import type { SegmentDefinition } from "../segments/segment-definition.ts";
import { resolveAudience } from "./audience.ts";
import { createCampaign } from "./campaigns.ts";
import { renderTemplate, type MessageTemplate, type RecipientProfile } from "./message-template.ts";
import { parseWhen, InvalidSchedule } from "./parse-when.ts";
import { preflight, type Preflight } from "./preflight.ts";
import { getTemplate } from "./templates.ts";
import type { WinnerMeasure } from "./ab-types.ts";

export interface DraftCampaignRequest {
  /** Who: a built-in or saved segment's name, a rule in the text form, or a definition already built (shown as `text`). */
  segment: string | { text: string; definition: SegmentDefinition };
  /** What: a text ({first_name} and the like) or a saved template's name. Absent for a survey or a flow. */
  message?: { text: string } | { template: string } | undefined;
  /** Variant B's text: an A/B test, split 50/50 (needs a message). */
  textB?: string | undefined;
  /** Link buttons under the message (replace a template's own). */
  buttons?: { text: string; url: string }[] | undefined;
  /** A survey's id (flows/surveys) instead of a message. */
  survey?: string | undefined;
  /** A qualification flow's id (flows/qualification) instead of a message. */
  flow?: string | undefined;
  /** When: the team's words ("tomorrow 10am", "в пятницу в 19:00", "now") in the team's timezone, or an instant. */
  when: string | Date;
  /** Deliver at that wall-clock time in each customer's own timezone. */
  localTime?: boolean | undefined;
  /**
   * An A/B test that picks its winner (needs textB, or surveyB for a survey):
   * `percent` of the treated audience is split A/B, the winner by `by` goes to
   * the rest after `winnerAfterMinutes`; not significant: `defaultVariant`.
   */
  test?: { percent: number; winnerAfterMinutes: number; by?: WinnerMeasure | undefined; defaultVariant?: "A" | "B" | undefined } | undefined;
  /** A survey campaign's variant B: another survey's id. */
  surveyB?: string | undefined;
  /** Percent of the audience held out as the control group (0-50). */
  holdoutPercent?: number | undefined;
  /** What the campaign costs, for ROMI. */
  cost?: number | undefined;
  /** Defaults to "<what> → <segment>". */
  name?: string | undefined;
  /** Who asked (a Slack user id): the author, who may not approve it. */
  createdBy: string;
  /** Messages per second, for the pre-flight ETA. */
  ratePerSecond: number;
  /** The language the previews are rendered in (the team's). */
  previewLanguage: string;
}

export interface CampaignDraft {
  campaign: Campaign;
  audience: { text: string; definition: SegmentDefinition };
  sendAt: Date;
  preflight: Preflight;
  /** The message as a customer called Anna would get it (variant B too, for an A/B test). */
  preview: { A?: OutgoingMessage; B?: OutgoingMessage };
}

/**
 * Throws DomainErrors the team can act on: segment_not_found, segment_text,
 * invalid_schedule, unknown_template, unknown_survey, unknown_flow,
 * empty_audience (the draft is kept, nothing can be scheduled); a ZodError
 * for a message that is not valid (an unknown placeholder).
 */
export async function draftCampaign(deps: CoreDeps, request: DraftCampaignRequest): Promise<CampaignDraft> {
  const audience = typeof request.segment === "string" ? await resolveAudience(deps, request.segment) : request.segment;
  const sendAt = instantOf(deps, request.when);
  const messageA = request.message ? await messageOf(deps, request.message, request.buttons ?? []) : undefined;
  const messageB: MessageTemplate | undefined = request.textB ? { text: request.textB, ...(messageA?.buttons ? { buttons: messageA.buttons } : {}) } : undefined;
  const campaign = await createCampaign(deps, {
    name: request.name ?? defaultName(request),
    segmentText: audience.text,
    segment: audience.definition,
    kind: request.survey ? "survey" : request.flow ? "flow" : "message",
    ...(messageA ? { message: { A: messageA, ...(messageB ? { B: messageB } : {}) } } : {}),
    ...(request.survey ? { surveyId: request.survey } : {}),
    ...(request.flow ? { flowId: request.flow } : {}),
    sendAt,
    localTime: request.localTime ?? false,
    holdoutPercent: request.holdoutPercent ?? 0,
    variantBPercent: messageB || request.surveyB ? 50 : 0,
    ...(request.surveyB ? { surveyIdB: request.surveyB } : {}),
    ...(request.test
      ? {
          testPercent: request.test.percent,
          winnerAfterMinutes: request.test.winnerAfterMinutes,
          ...(request.test.by ? { winnerBy: request.test.by } : {}),
          ...(request.test.defaultVariant ? { defaultVariant: request.test.defaultVariant } : {}),
        }
      : {}),
    ...(request.cost !== undefined ? { cost: request.cost } : {}),
    createdBy: request.createdBy,
    draft: true,
  });
  const pf = await preflight(deps, { campaignId: campaign.id, ratePerSecond: request.ratePerSecond });
  if (pf.recipients === 0) {
    throw new DomainError("empty_audience", `Nobody in ${audience.text} can be messaged right now`, { id: campaign.id, segment: audience.text });
  }
  const sample = previewRecipient(request.previewLanguage);
  return {
    campaign,
    audience,
    sendAt,
    preflight: pf,
    preview: {
      ...(messageA ? { A: renderTemplate(messageA, sample, deps.translator) } : {}),
      ...(messageB ? { B: renderTemplate(messageB, sample, deps.translator) } : {}),
    },
  };
}

/** The customer every preview is written for: Anna, in the team's language. */
export function previewRecipient(language: string): RecipientProfile {
  return { firstName: language === "ru" ? "Анна" : "Anna", lastName: null, language };
}

function instantOf(deps: CoreDeps, when: string | Date): Date {
  const now = deps.clock.now();
  if (typeof when === "string") return parseWhen(when, now, deps.teamTimezone, deps.dateOrder);
  if (when.getTime() < now.getTime() - 60_000) throw new InvalidSchedule(when.toISOString(), "past");
  return when;
}

async function messageOf(deps: CoreDeps, message: { text: string } | { template: string }, buttons: { text: string; url: string }[]): Promise<MessageTemplate> {
  const base: MessageTemplate = "template" in message ? await getTemplate(deps, message.template) : { text: message.text };
  return buttons.length ? { ...base, buttons } : base;
}

function defaultName(request: DraftCampaignRequest): string {
  const segment = typeof request.segment === "string" ? request.segment : request.segment.text;
  const what = request.survey ? `${request.survey} survey` : request.flow ? `${request.flow} flow` : request.message && "template" in request.message ? request.message.template : "message";
  return `${what} → ${segment}`.slice(0, 120);
}
