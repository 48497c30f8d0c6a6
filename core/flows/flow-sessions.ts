// Flow sessions in the database: one active session per person at most, the
// current question and the answers so far. Every transition is conditional on
// the turn it answers, so a double tap or a redelivered update cannot apply twice.
import type { CoreDeps } from "../deps.ts";
import type { FlowSession, Prisma } from "../../generated/prisma/client.ts";
import type { LocalizedText } from "../dialogues/localized-text.ts";
import { applyProfileChange, type ProfileChange } from "../subscribers/profile-writes.ts";
import { mergeProspectsInto } from "../subscribers/merge-prospects.ts";
import { refreshCustomerStats } from "../segments/customer-stats.ts";
import { END, qualify, type FlowDefinition, type FlowStep, type Qualification } from "./flow-definition.ts";
import type { AcceptedAnswer, AnswerValue } from "./flow-answers.ts";

export type FlowTrigger = "deep_link" | "source" | "command" | "keyword" | "campaign";
export type FlowStatus = "active" | "completed" | "cancelled" | "handed_over" | "restarted" | "abandoned" | "undelivered";

export interface StoredAnswer {
  step: string;
  value: AnswerValue;
  display: LocalizedText;
  skipped: boolean;
  score: number;
}

/** A session untouched this long is over: its next message is not an answer any more. */
export const ABANDON_AFTER_DAYS = 30;

export function answersOf(session: FlowSession): StoredAnswer[] {
  return Array.isArray(session.answers) ? (session.answers as unknown as StoredAnswer[]) : [];
}

export async function activeSessionOf(deps: CoreDeps, subscriberId: number): Promise<FlowSession | null> {
  const since = new Date(deps.clock.now().getTime() - ABANDON_AFTER_DAYS * 86_400_000);
  return deps.db.prisma.flowSession.findFirst({
    where: { subscriberId, status: "active", askedAt: { gt: since } },
    orderBy: { id: "desc" },
  });
}

/** Opens a session at the flow's first question; any other active session of the person ends. */
export async function openSession(
  deps: CoreDeps,
  input: { subscriberId: number; flow: FlowDefinition; trigger: FlowTrigger; source?: string | undefined; replacing?: FlowStatus },
): Promise<FlowSession> {
  const now = deps.clock.now();
  return deps.db.prisma.$transaction(async (tx) => {
    await tx.flowSession.updateMany({
      where: { subscriberId: input.subscriberId, status: "active" },
      data: { status: input.replacing ?? "abandoned" },
    });
    return tx.flowSession.create({
      data: {
        subscriberId: input.subscriberId,
        flowId: input.flow.id,
        stepId: input.flow.steps[0]!.id,
        trigger: input.trigger,
        source: input.source ?? null,
        startedAt: now,
        askedAt: now,
      },
    });
  });
}

export type Transition = { applied: true; session: FlowSession; qualification?: Qualification } | { applied: false };

/**
 * Records an accepted answer and moves to the next question (or completes the
 * flow) in one transaction, together with what the answer writes to the profile.
 */
export async function recordAnswer(
  deps: CoreDeps,
  input: { session: FlowSession; flow: FlowDefinition; step: FlowStep; answer: AcceptedAnswer },
): Promise<Transition> {
  const { session, flow, step, answer } = input;
  const now = deps.clock.now();
  const stored: StoredAnswer = { step: step.id, value: answer.value, display: answer.display, skipped: answer.skipped, score: answer.score };
  const score = session.score + answer.score;
  const finished = answer.next === END;
  const qualification = finished ? qualify(flow, score) : undefined;
  let merged = 0;
  const transition = await deps.db.prisma.$transaction(async (tx) => {
    const { count } = await tx.flowSession.updateMany({
      where: { id: session.id, turn: session.turn, status: "active" },
      data: {
        answers: [...answersOf(session), stored] as unknown as Prisma.InputJsonValue,
        score,
        turn: { increment: 1 },
        failures: 0,
        selection: [],
        askedAt: now,
        ...(finished ? { status: "completed", completedAt: now, qualification } : { stepId: answer.next }),
      },
    });
    if (count === 0) return { applied: false } as const;
    const change = profileChangeOf(step, answer);
    if (qualification) {
      // The latest qualification on the profile lets segments pick hot leads.
      change.profile = { ...change.profile, leadScore: score, leadQualification: qualification, leadFlow: flow.id };
    }
    await applyProfileChange(tx, session.subscriberId, change, now);
    // An e-mail or phone the shop already knows: its prospect (and orders) become this subscriber's.
    if (change.columns?.email || change.columns?.phone) merged = await mergeProspectsInto(tx, session.subscriberId, now);
    const updated = await tx.flowSession.findUniqueOrThrow({ where: { id: session.id } });
    return qualification ? { applied: true, session: updated, qualification } : { applied: true, session: updated };
  });
  if (merged > 0) {
    await refreshCustomerStats(deps, { subscriberIds: [session.subscriberId] });
    deps.logger.info({ subscriberId: session.subscriberId, merged }, "shop prospects merged into the subscriber");
  }
  return transition;
}

/** Counts a wrong answer to the current question; undefined when the question was answered meanwhile. */
export async function recordFailure(deps: CoreDeps, session: FlowSession): Promise<FlowSession | undefined> {
  const { count } = await deps.db.prisma.flowSession.updateMany({
    where: { id: session.id, turn: session.turn, status: "active" },
    data: { failures: { increment: 1 } },
  });
  return count === 0 ? undefined : deps.db.prisma.flowSession.findUniqueOrThrow({ where: { id: session.id } });
}

/**
 * Updates the current question's state (toggles, asked again) if it is still
 * the current one. `reask` gives the question a new turn: the buttons of the
 * earlier copies (and of the offer that led here) stop working.
 */
export async function updateCurrent(
  deps: CoreDeps,
  session: FlowSession,
  data: { selection?: number[]; askedAt?: Date; status?: FlowStatus; reask?: boolean },
): Promise<FlowSession | undefined> {
  const { reask, ...fields } = data;
  const { count } = await deps.db.prisma.flowSession.updateMany({
    where: { id: session.id, turn: session.turn, status: "active" },
    data: {
      ...fields,
      ...(reask ? { turn: { increment: 1 }, selection: [] } : {}),
      ...(data.status && data.status !== "active" ? { completedAt: deps.clock.now() } : {}),
    },
  });
  return count === 0 ? undefined : deps.db.prisma.flowSession.findUniqueOrThrow({ where: { id: session.id } });
}

function profileChangeOf(step: FlowStep, answer: AcceptedAnswer): ProfileChange {
  const change: ProfileChange = { tags: answer.tags };
  if (!step.save || answer.skipped) return change;
  if (step.save.startsWith("profile.")) {
    change.profile = { [step.save.slice("profile.".length)]: answer.value };
  } else if (typeof answer.value === "string") {
    change.columns = { [step.save]: answer.value } as ProfileChange["columns"];
  }
  return change;
}
