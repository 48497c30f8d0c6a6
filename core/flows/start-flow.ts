// Starting a flow. From a customer's own action (deep link, command, keyword)
// the bot gets the first question back to reply with; from a campaign,
// startFlow sends it through the Channel port and says what happened.
import type { CoreDeps } from "../deps.ts";
import { FlowNotFound, NotFound } from "../errors.ts";
import type { OutgoingMessage } from "../ports.ts";
import type { FlowSession, Subscriber } from "../../generated/prisma/client.ts";
import { localize } from "../dialogues/localized-text.ts";
import { reply, type DialogueReply } from "../dialogues/reply.ts";
import { reachability, retryAfterOf, sendMessages, type NotReachable, type SendFailure } from "../dialogues/send-messages.ts";
import { stepById, type FlowDefinition } from "./flow-definition.ts";
import { packFlowButton } from "./flow-buttons.ts";
import { introMessages, questionMessage } from "./flow-questions.ts";
import { activeSessionOf, answersOf, openSession, updateCurrent, type FlowTrigger } from "./flow-sessions.ts";
import { speakerFor } from "./flow-context.ts";

export type StartFlowResult =
  | { status: "started"; sessionId: number }
  /** Nothing was sent: not opted in, blocked, unreachable, or in the middle of another dialogue. */
  | { status: "skipped"; reason: NotReachable | "busy"; activeFlowId?: string }
  /** The first message could not be delivered (the session is closed as undelivered). */
  | { status: "failed"; reason: SendFailure["reason"]; description: string; retryAfterSeconds?: number };

/**
 * Starts a flow for a subscriber on the system's initiative (a campaign step):
 * intro and first question go out through deps.channel. Only to opted-in,
 * reachable people who are not answering another flow right now.
 */
export async function startFlow(deps: CoreDeps, options: { subscriberId: number; flowId: string; campaignId?: string }): Promise<StartFlowResult> {
  const flow = flowById(deps, options.flowId);
  const subscriber = await deps.db.prisma.subscriber.findUnique({ where: { id: options.subscriberId } });
  if (!subscriber) throw new NotFound("subscriber", options.subscriberId);
  const unreachable = reachability(subscriber);
  if (unreachable) return { status: "skipped", reason: unreachable };
  const active = await activeSessionOf(deps, subscriber.id);
  if (active) return { status: "skipped", reason: "busy", activeFlowId: active.flowId };
  const session = await openSession(deps, { subscriberId: subscriber.id, flow, trigger: "campaign", source: options.campaignId });
  // One message, not intro + question: a campaign's outbox row holds one send slot
  // of Telegram's rate (and one message per second per chat).
  const failure = await sendMessages(deps, subscriber, [asOneMessage(firstMessages(deps, flow, session, subscriber))]);
  if (failure) {
    await updateCurrent(deps, session, { status: "undelivered" });
    return { status: "failed", reason: failure.reason, description: failure.description, ...retryAfterOf(failure) };
  }
  deps.logger.info({ subscriberId: subscriber.id, flowId: flow.id, sessionId: session.id }, "flow started by campaign");
  return { status: "started", sessionId: session.id };
}

/**
 * The customer asked for a flow (deep link, command, keyword). Someone already
 * halfway through the same flow is asked whether to continue or start over.
 */
export async function beginFlow(
  deps: CoreDeps,
  options: { subscriber: Subscriber; flowId: string; trigger: FlowTrigger; source?: string | undefined },
): Promise<DialogueReply> {
  const { subscriber } = options;
  const flow = flowById(deps, options.flowId);
  const active = await activeSessionOf(deps, subscriber.id);
  if (active && active.flowId === flow.id && answersOf(active).length > 0) {
    const session = (await updateCurrent(deps, active, { askedAt: deps.clock.now() })) ?? active;
    return continueOrRestart(deps, flow, session, subscriber);
  }
  const session = await openSession(deps, {
    subscriberId: subscriber.id,
    flow,
    trigger: options.trigger,
    source: options.source,
    replacing: active?.flowId === flow.id ? "restarted" : "abandoned",
  });
  deps.logger.info({ subscriberId: subscriber.id, flowId: flow.id, sessionId: session.id, trigger: options.trigger }, "flow started");
  return reply(firstMessages(deps, flow, session, subscriber));
}

/** "Welcome back! Continue or start over?" for someone who left a flow halfway. */
export function continueOrRestart(deps: CoreDeps, flow: FlowDefinition, session: FlowSession, subscriber: Subscriber): DialogueReply {
  const { t, language } = speakerFor(deps, subscriber);
  return reply({
    text: t("flow-welcome-back", { flow: localize(flow.name, language) }),
    buttons: [
      [
        { text: t("flow-continue"), data: packFlowButton(session, { kind: "continue" }) },
        { text: t("flow-restart"), data: packFlowButton(session, { kind: "restart" }) },
      ],
    ],
  });
}

export function firstMessages(deps: CoreDeps, flow: FlowDefinition, session: FlowSession, subscriber: Subscriber): OutgoingMessage[] {
  return [...introMessages(flow, subscriber.language), currentQuestion(deps, flow, session, subscriber)];
}

/** The intro's texts above the question, which keeps its buttons. */
function asOneMessage(messages: OutgoingMessage[]): OutgoingMessage {
  const question = messages.at(-1)!;
  const intro = messages.slice(0, -1).map((m) => m.text);
  return intro.length === 0 ? question : { ...question, text: [...intro, question.text].join("\n\n") };
}

export function currentQuestion(deps: CoreDeps, flow: FlowDefinition, session: FlowSession, subscriber: Subscriber): OutgoingMessage {
  const step = stepById(flow, session.stepId);
  if (!step) throw new Error(`flow ${flow.id} has no step ${session.stepId} (session ${session.id})`);
  return questionMessage(deps.translator, step, session, subscriber.language);
}

export function flowById(deps: CoreDeps, flowId: string): FlowDefinition {
  const flow = deps.dialogues.flows.get(flowId);
  if (!flow) throw new FlowNotFound(flowId);
  return flow;
}
