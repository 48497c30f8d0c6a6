// Campaigns: created (scheduled or awaiting approval), approved, paused,
// resumed, cancelled. Every change is written to the audit log.
import { z } from "zod";
import type { CoreDeps } from "../deps.ts";
import { DomainError, NotFound } from "../errors.ts";
import { writeAudit } from "../audit/audit-log.ts";
import { formatWallClock, parseWallClock, wallClock } from "../time/zoned.ts";
import { campaignMessageSchema } from "./message-template.ts";
import type { Campaign, CampaignStatus } from "../../generated/prisma/client.ts";

export const newCampaignSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    segmentText: z.string().trim().min(1),
    segment: z.unknown(),
    kind: z.enum(["message", "survey", "flow"]).default("message"),
    message: campaignMessageSchema.optional(),
    surveyId: z.string().min(1).optional(),
    flowId: z.string().min(1).optional(),
    sendAt: z.date(),
    /** Deliver at sendAt's wall-clock time (in the team's timezone) in each customer's own timezone. */
    localTime: z.boolean().default(false),
    holdoutPercent: z.number().int().min(0).max(50).default(0),
    variantBPercent: z.number().int().min(0).max(90).default(0),
    /** An A/B test that picks its winner: this share of the treated audience is split A/B, the rest gets the winner. */
    testPercent: z.number().int().min(0).max(90).default(0),
    winnerBy: z.enum(["clicks", "conversions", "replies"]).optional(),
    winnerAfterMinutes: z.number().int().min(15).max(14 * 24 * 60).optional(),
    defaultVariant: z.enum(["A", "B"]).default("A"),
    /** A survey campaign's variant B: another survey. */
    surveyIdB: z.string().min(1).optional(),
    cost: z.number().nonnegative().optional(),
    transactional: z.boolean().default(false),
    createdBy: z.string().min(1),
    /** A second person must approve before it is scheduled. */
    requireApproval: z.boolean().default(false),
    /** Create it as a draft (for the pre-flight card); scheduleDraft() submits it. */
    draft: z.boolean().default(false),
  })
  .superRefine((c, ctx) => {
    if (c.kind === "message" && !c.message) ctx.addIssue({ code: "custom", path: ["message"], message: "a message campaign needs a message" });
    if (c.kind === "survey" && !c.surveyId) ctx.addIssue({ code: "custom", path: ["surveyId"], message: "a survey campaign needs a survey" });
    if (c.kind === "flow" && !c.flowId) ctx.addIssue({ code: "custom", path: ["flowId"], message: "a flow campaign needs a flow" });
    if (c.variantBPercent > 0 && !c.message?.B && !c.surveyIdB) ctx.addIssue({ code: "custom", path: ["message", "B"], message: "an A/B split needs a text B" });
    if (c.testPercent > 0 && c.variantBPercent === 0) ctx.addIssue({ code: "custom", path: ["testPercent"], message: "a winner test needs variants A and B" });
    if (c.testPercent > 0 && c.kind === "flow") ctx.addIssue({ code: "custom", path: ["testPercent"], message: "a flow campaign has no variant to test" });
  });
export type NewCampaign = z.input<typeof newCampaignSchema>;

/** Timezones reach UTC+14: a local-time campaign starts materializing when 10:00 arrives there. */
const EARLIEST_OFFSET_MS = 14 * 3600_000;

export async function createCampaign(deps: CoreDeps, input: NewCampaign): Promise<Campaign> {
  const c = newCampaignSchema.parse(input);
  // A campaign that names a survey or flow this deployment doesn't have would fail every delivery.
  if (c.surveyId && !deps.dialogues.surveys.get(c.surveyId)) {
    const valid = deps.dialogues.surveys.all().map((s) => s.id);
    throw new DomainError("unknown_survey", `There is no survey "${c.surveyId}"`, { id: c.surveyId, valid: valid.join(", ") || "-" });
  }
  if (c.surveyIdB && !deps.dialogues.surveys.get(c.surveyIdB)) {
    const valid = deps.dialogues.surveys.all().map((s) => s.id);
    throw new DomainError("unknown_survey", `There is no survey "${c.surveyIdB}"`, { id: c.surveyIdB, valid: valid.join(", ") || "-" });
  }
  if (c.flowId && !deps.dialogues.flows.get(c.flowId)) {
    const valid = deps.dialogues.flows.all().map((f) => f.id);
    throw new DomainError("unknown_flow", `There is no flow "${c.flowId}"`, { id: c.flowId, valid: valid.join(", ") || "-" });
  }
  const localWallClock = c.localTime ? formatWallClock(wallClock(c.sendAt, deps.teamTimezone)) : null;
  const materializeAt = localWallClock ? earliestLocalInstant(localWallClock) : c.sendAt;
  const campaign = await deps.db.prisma.campaign.create({
    data: {
      name: c.name,
      status: c.draft ? "draft" : c.requireApproval ? "pending_approval" : "scheduled",
      kind: c.kind,
      segmentText: c.segmentText,
      segment: (c.segment ?? {}) as object,
      message: (c.message ?? {}) as object,
      surveyId: c.surveyId ?? null,
      flowId: c.flowId ?? null,
      sendAt: c.sendAt,
      localTime: c.localTime,
      localWallClock,
      materializeAt,
      holdoutPercent: c.holdoutPercent,
      variantBPercent: c.variantBPercent,
      testPercent: c.testPercent,
      winnerBy: c.testPercent > 0 ? (c.winnerBy ?? (c.kind === "survey" ? "replies" : "clicks")) : null,
      winnerAfterMinutes: c.testPercent > 0 ? (c.winnerAfterMinutes ?? 240) : null,
      defaultVariant: c.defaultVariant,
      surveyIdB: c.surveyIdB ?? null,
      cost: c.cost ?? null,
      transactional: c.transactional,
      createdBy: c.createdBy,
      createdAt: deps.clock.now(),
    },
  });
  if (c.draft) return campaign;
  await writeAudit(deps, {
    actor: c.createdBy,
    action: c.requireApproval ? "campaign.submitted" : "campaign.scheduled",
    target: `campaign:${campaign.id}`,
    details: { name: c.name, segment: c.segmentText, sendAt: c.sendAt.toISOString(), localTime: c.localTime, holdoutPercent: c.holdoutPercent },
  });
  return campaign;
}

function earliestLocalInstant(wall: string): Date {
  const w = parseWallClock(wall);
  return new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - EARLIEST_OFFSET_MS);
}

export class InvalidCampaignTransition extends DomainError {
  constructor(campaign: Campaign, action: string) {
    super("invalid_campaign_transition", `Campaign ${campaign.id} is ${campaign.status}; it cannot be ${action}.`, {
      id: campaign.id,
      status: campaign.status,
      action,
    });
  }
}

export class SelfApproval extends DomainError {
  constructor(campaign: Campaign) {
    super("self_approval", `Campaign ${campaign.id} was created by you; another person must approve it.`, { id: campaign.id });
  }
}

const TRANSITIONS: Record<string, { from: CampaignStatus[]; to: CampaignStatus; past: string }> = {
  schedule: { from: ["draft"], to: "scheduled", past: "scheduled" },
  submit: { from: ["draft"], to: "pending_approval", past: "submitted" },
  approve: { from: ["pending_approval"], to: "scheduled", past: "approved" },
  pause: { from: ["scheduled", "running"], to: "paused", past: "paused" },
  cancel: { from: ["draft", "pending_approval", "scheduled", "running", "paused"], to: "cancelled", past: "cancelled" },
};

export async function approveCampaign(deps: CoreDeps, input: { id: number; actor: string }): Promise<Campaign> {
  const campaign = await requireCampaign(deps, input.id);
  if (campaign.createdBy === input.actor) throw new SelfApproval(campaign);
  return transition(deps, campaign, "approve", input.actor, { approvedBy: input.actor });
}

/** Submits a draft: scheduled at once, or waiting for a second person's approval. */
export async function scheduleDraft(deps: CoreDeps, input: { id: number; actor: string; requireApproval: boolean }): Promise<Campaign> {
  const campaign = await requireCampaign(deps, input.id);
  return transition(deps, campaign, input.requireApproval ? "submit" : "schedule", input.actor);
}

export async function pauseCampaign(deps: CoreDeps, input: { id: number; actor: string }): Promise<Campaign> {
  return transition(deps, await requireCampaign(deps, input.id), "pause", input.actor);
}

/** A paused campaign goes back to running if its audience was already materialized, else to scheduled. */
export async function resumeCampaign(deps: CoreDeps, input: { id: number; actor: string }): Promise<Campaign> {
  const campaign = await requireCampaign(deps, input.id);
  if (campaign.status !== "paused") throw new InvalidCampaignTransition(campaign, "resumed");
  const to: CampaignStatus = campaign.materializedAt ? "running" : "scheduled";
  // (Nothing outside `tx` inside it: PGlite has one connection.)
  const changed = await deps.db.prisma.$transaction(async (tx) => {
    const { count } = await tx.campaign.updateMany({ where: { id: campaign.id, status: "paused" }, data: { status: to } });
    if (count === 0) return false;
    await writeAudit(deps, { actor: input.actor, action: "campaign.resumed", target: `campaign:${campaign.id}`, details: { status: to } }, tx);
    return true;
  });
  if (!changed) throw new InvalidCampaignTransition(await requireCampaign(deps, campaign.id), "resumed");
  return requireCampaign(deps, campaign.id);
}

/** Cancelling stops it at once: messages not yet sent are skipped. */
export async function cancelCampaign(deps: CoreDeps, input: { id: number; actor: string }): Promise<Campaign> {
  const campaign = await transition(deps, await requireCampaign(deps, input.id), "cancel", input.actor, { finishedAt: deps.clock.now() });
  await deps.db.prisma.$executeRawUnsafe(
    `UPDATE delivery SET status = 'skipped', reason = 'campaign_cancelled' WHERE campaign_id = $1 AND status = 'pending'`,
    campaign.id,
  );
  return campaign;
}

export async function requireCampaign(deps: CoreDeps, id: number): Promise<Campaign> {
  const campaign = await deps.db.prisma.campaign.findUnique({ where: { id } });
  if (!campaign) throw new NotFound("Campaign", id);
  return campaign;
}

async function transition(deps: CoreDeps, campaign: Campaign, action: keyof typeof TRANSITIONS, actor: string, extra: { approvedBy?: string; finishedAt?: Date } = {}): Promise<Campaign> {
  const rule = TRANSITIONS[action]!;
  // Compare-and-set on the status, so two people pressing at once cannot both win;
  // the audit entry is written in the same transaction as the change.
  const changed = await deps.db.prisma.$transaction(async (tx) => {
    const { count } = await tx.campaign.updateMany({
      where: { id: campaign.id, status: { in: rule.from } },
      data: { status: rule.to, ...extra },
    });
    if (count === 0) return false;
    await writeAudit(deps, { actor, action: `campaign.${rule.past}`, target: `campaign:${campaign.id}`, details: { from: campaign.status, to: rule.to } }, tx);
    return true;
  });
  if (!changed) throw new InvalidCampaignTransition(await requireCampaign(deps, campaign.id), rule.past);
  return requireCampaign(deps, campaign.id);
}
