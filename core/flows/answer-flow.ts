// A customer's reply to the current flow question: typed text, a shared
// contact, a pressed button, or something we cannot read (a sticker). Wrong
// answers are explained and the question asked again; after three, the
// customer may skip it or ask for a person.
import type { CoreDeps } from "../deps.ts";
import type { OutgoingMessage } from "../ports.ts";
import type { FlowSession, Subscriber } from "../../generated/prisma/client.ts";
import { localize } from "../dialogues/localized-text.ts";
import { reply, type DialogueReply } from "../dialogues/reply.ts";
import { alertTeam } from "../team-threads/alert-team.ts";
import { formatOpening, nextTeamOpening } from "../team-threads/team-hours.ts";
import { customerCardOf } from "../team-threads/customer-card.ts";
import { stepById, type FlowDefinition, type FlowStep } from "./flow-definition.ts";
import { evaluateAnswer, type AcceptedAnswer, type FlowInput } from "./flow-answers.ts";
import { packFlowButton, type FlowAction } from "./flow-buttons.ts";
import { multipleChoiceButtons, questionMessage } from "./flow-questions.ts";
import { activeSessionOf, answersOf, openSession, recordAnswer, recordFailure, updateCurrent, type FlowTrigger } from "./flow-sessions.ts";
import { answeredQuestions, completeFlow } from "./complete-flow.ts";
import { continueOrRestart, currentQuestion, firstMessages } from "./start-flow.ts";
import { evaluationContext, speakerFor } from "./flow-context.ts";

/** Wrong answers to one question before the customer is offered to skip it or talk to a person. */
export const FAILURES_BEFORE_HELP = 3;

export type TypedInput = Extract<FlowInput, { kind: "text" | "contact" }> | { kind: "unreadable" } | { kind: "command" };

/** A message (not a button) from someone whose active flow awaits an answer; undefined when no flow does (any more). */
export async function answerFlow(deps: CoreDeps, options: { subscriber: Subscriber; input: TypedInput }): Promise<DialogueReply | undefined> {
  const { subscriber, input } = options;
  const current = await currentOf(deps, subscriber);
  if (!current) return undefined;
  const { session, flow, step } = current;
  const { t, language } = speakerFor(deps, subscriber);
  const hoursAway = (deps.clock.now().getTime() - session.askedAt.getTime()) / 3_600_000;
  const evaluation = input.kind === "unreadable" || input.kind === "command" ? undefined : evaluateAnswer(flow, step, input, evaluationContext(deps, speakerFor(deps, subscriber)));
  // Back after a long while: a valid answer to the question on screen counts; anything
  // else, halfway through a flow, gets "continue or start over?".
  if (hoursAway > flow.resumeAfterHours && !evaluation?.ok && answersOf(session).length > 0) {
    const refreshed = (await updateCurrent(deps, session, { askedAt: deps.clock.now() })) ?? session;
    return continueOrRestart(deps, flow, refreshed, subscriber);
  }
  if (input.kind === "unreadable") return reply({ text: t("flow-media-hint") });
  if (input.kind === "command" || !evaluation) return reply({ text: t("flow-command-hint", { flow: localize(flow.name, language) }) });
  if (evaluation.ok) return proceed(deps, { session, flow, step, subscriber, answer: evaluation.answer });
  const failed = await recordFailure(deps, session);
  if (!failed) return reply({ text: t("flow-already-answered") });
  const explanation: OutgoingMessage = { text: t(evaluation.problem.key, evaluation.problem.vars) };
  if (failed.failures >= FAILURES_BEFORE_HELP) return reply([explanation, stuckOffer(deps, failed, subscriber)]);
  return reply([explanation, questionMessage(deps.translator, step, failed, language)]);
}

/** A pressed flow button: an option, Done, Skip, talk to a person, continue or restart. */
export async function pressFlowButton(
  deps: CoreDeps,
  options: { subscriber: Subscriber; sessionId: number; turn: number; action: FlowAction },
): Promise<DialogueReply> {
  const { subscriber, action } = options;
  const { t } = speakerFor(deps, subscriber);
  const session = await deps.db.prisma.flowSession.findUnique({ where: { id: options.sessionId } });
  if (!session || session.subscriberId !== subscriber.id || session.status !== "active") {
    return { messages: [], notice: t("flow-not-active"), pressed: { close: true } };
  }
  // A second tap, or a tap on an older question: already answered, nothing changes.
  if (session.turn !== options.turn) return { messages: [], notice: t("flow-already-answered"), pressed: { close: true } };
  const flow = deps.dialogues.flows.get(session.flowId);
  const step = flow && stepById(flow, session.stepId);
  if (!flow || !step) return endOrphan(deps, session, subscriber);

  switch (action.kind) {
    case "continue": {
      const refreshed = await updateCurrent(deps, session, { askedAt: deps.clock.now(), reask: true });
      if (!refreshed) return { messages: [], notice: t("flow-already-answered"), pressed: { close: true } };
      return reply(currentQuestion(deps, flow, refreshed, subscriber), { pressed: { close: true } });
    }
    case "restart": {
      const fresh = await openSession(deps, { subscriberId: subscriber.id, flow, trigger: session.trigger as FlowTrigger, source: session.source ?? undefined, replacing: "restarted" });
      return reply(firstMessages(deps, flow, fresh, subscriber), { pressed: { close: true } });
    }
    case "human":
      return handOver(deps, { session, flow, step, subscriber });
    case "option":
      if (step.type === "multiple") return toggle(deps, { session, step, subscriber, index: action.index });
      break;
    case "done":
      if (step.type !== "multiple") return { messages: [], notice: t("flow-already-answered"), pressed: { close: true } };
      break;
  }
  const input: FlowInput =
    action.kind === "done" ? { kind: "done", selection: session.selection } : action.kind === "skip" ? { kind: "skip" } : { kind: "option", index: action.index };
  const evaluation = evaluateAnswer(flow, step, input, evaluationContext(deps, speakerFor(deps, subscriber)));
  // Button problems (too few options picked) are a notice on the button, the question stays as it is.
  if (!evaluation.ok) return { messages: [], notice: t(evaluation.problem.key, evaluation.problem.vars) };
  return proceed(deps, { session, flow, step, subscriber, answer: evaluation.answer, pressed: true });
}

/** /cancel: leaves the flow; what was answered stays saved. */
export async function cancelFlow(deps: CoreDeps, options: { subscriber: Subscriber }): Promise<DialogueReply | undefined> {
  const session = await activeSessionOf(deps, options.subscriber.id);
  if (!session) return undefined;
  await deps.db.prisma.flowSession.updateMany({ where: { id: session.id, status: "active" }, data: { status: "cancelled", completedAt: deps.clock.now() } });
  const { t, language } = speakerFor(deps, options.subscriber);
  const flow = deps.dialogues.flows.get(session.flowId);
  deps.logger.info({ subscriberId: options.subscriber.id, sessionId: session.id }, "flow cancelled");
  return reply({ text: t("flow-cancelled", { flow: flow ? localize(flow.name, language) : session.flowId }), removeKeyboard: true });
}

async function proceed(
  deps: CoreDeps,
  input: { session: FlowSession; flow: FlowDefinition; step: FlowStep; subscriber: Subscriber; answer: AcceptedAnswer; pressed?: boolean },
): Promise<DialogueReply> {
  const { flow, step, subscriber, answer } = input;
  const { t, language } = speakerFor(deps, subscriber);
  const transition = await recordAnswer(deps, input);
  if (!transition.applied) return { messages: [], notice: t("flow-already-answered"), pressed: { close: true } };
  const messages: OutgoingMessage[] = [];
  if (answer.echo) messages.push({ text: answer.echo });
  let askConsent = false;
  if (transition.qualification) {
    const completion = await completeFlow(deps, { flow, session: transition.session, qualification: transition.qualification });
    messages.push(...completion.messages);
    askConsent = completion.askConsent;
  } else {
    messages.push(currentQuestion(deps, flow, transition.session, subscriber));
  }
  // The share-contact keyboard is a reply keyboard: take it away once the phone question is behind us.
  if (step.type === "phone") {
    const plain = messages.find((m) => !m.buttons?.length && !m.requestContact);
    if (plain) plain.removeKeyboard = true;
  }
  return {
    messages,
    ...(input.pressed ? { pressed: { chosen: localize(answer.display, language) } } : {}),
    ...(askConsent ? { askConsent } : {}),
  };
}

async function toggle(
  deps: CoreDeps,
  input: { session: FlowSession; step: Extract<FlowStep, { type: "multiple" }>; subscriber: Subscriber; index: number },
): Promise<DialogueReply> {
  const { session, step, subscriber, index } = input;
  const { t, language } = speakerFor(deps, subscriber);
  if (!step.options[index]) return { messages: [], notice: t("flow-invalid-multiple") };
  const selection = session.selection.includes(index) ? session.selection.filter((i) => i !== index) : [...session.selection, index].sort((a, b) => a - b);
  if (step.maxSelected !== undefined && selection.length > step.maxSelected) {
    return { messages: [], notice: t("flow-choose-at-most", { max: step.maxSelected }) };
  }
  const updated = await updateCurrent(deps, session, { selection });
  if (!updated) return { messages: [], notice: t("flow-already-answered"), pressed: { close: true } };
  return { messages: [], pressed: { buttons: multipleChoiceButtons(deps.translator, step, updated, language) } };
}

/** "Talk to a person": the team gets the conversation so far; the customer's next messages go to its thread. */
async function handOver(
  deps: CoreDeps,
  input: { session: FlowSession; flow: FlowDefinition; step: FlowStep; subscriber: Subscriber },
): Promise<DialogueReply> {
  const { session, flow, step, subscriber } = input;
  const { t } = speakerFor(deps, subscriber);
  // Claimed first: a double tap (or a redelivered update) posts one card, not two.
  const claimed = await updateCurrent(deps, session, { status: "handed_over" });
  if (!claimed) return { messages: [], notice: t("flow-already-answered"), pressed: { close: true } };
  const opening = nextTeamOpening(deps.clock.now(), deps.teamHours, deps.teamTimezone);
  const posted = await alertTeam(deps, {
    alert: {
      kind: "help_request",
      customer: customerCardOf(subscriber),
      flow: { id: flow.id, name: flow.name },
      question: step.text,
      answers: answeredQuestions(flow, session),
      ...(opening ? { toldAnswerFrom: opening.toISOString() } : {}),
    },
    subscriberId: subscriber.id,
    topic: "help_request",
    flowSessionId: session.id,
    awaitCustomer: true,
  });
  if (!posted) {
    // No team channel: the flow stays where it was.
    await deps.db.prisma.flowSession.update({ where: { id: session.id }, data: { status: "active", completedAt: null } });
    return reply({ text: t("flow-human-unavailable") }, { pressed: { close: false } });
  }
  // Posted, or waiting for Slack to come back (team_alert_retry): either way the team will see it.
  deps.logger.info({ subscriberId: subscriber.id, sessionId: session.id }, "flow handed over to the team");
  const text = opening
    ? t("flow-human-requested-after-hours", { when: formatOpening(opening, subscriber.language, subscriber.timezone ?? deps.teamTimezone) })
    : t("flow-human-requested");
  return reply({ text, removeKeyboard: true }, { pressed: { close: true } });
}

function stuckOffer(deps: CoreDeps, session: FlowSession, subscriber: Subscriber): OutgoingMessage {
  const { t } = speakerFor(deps, subscriber);
  return {
    text: t("flow-stuck"),
    buttons: [
      [{ text: t("flow-stuck-skip"), data: packFlowButton(session, { kind: "skip" }) }],
      [{ text: t("flow-stuck-human"), data: packFlowButton(session, { kind: "human" }) }],
    ],
  };
}

async function currentOf(deps: CoreDeps, subscriber: Subscriber) {
  const session = await activeSessionOf(deps, subscriber.id);
  if (!session) return undefined;
  const flow = deps.dialogues.flows.get(session.flowId);
  const step = flow && stepById(flow, session.stepId);
  if (!flow || !step) {
    await endOrphan(deps, session, subscriber);
    return undefined;
  }
  return { session, flow, step };
}

/** The flow file changed under a running session (flow or step removed): end it instead of failing. */
async function endOrphan(deps: CoreDeps, session: FlowSession, subscriber: Subscriber): Promise<DialogueReply> {
  deps.logger.warn({ sessionId: session.id, flowId: session.flowId, stepId: session.stepId }, "flow or step no longer defined: session ended");
  await deps.db.prisma.flowSession.updateMany({ where: { id: session.id, status: "active" }, data: { status: "abandoned" } });
  return { messages: [], notice: speakerFor(deps, subscriber).t("flow-not-active"), pressed: { close: true } };
}
