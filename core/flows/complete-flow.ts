// The end of a flow: the closing message for the lead's qualification, and a
// hot lead goes to the team channel as a card whose thread reaches the customer.
import type { CoreDeps } from "../deps.ts";
import type { AnsweredQuestion, OutgoingMessage } from "../ports.ts";
import type { FlowSession, Subscriber } from "../../generated/prisma/client.ts";
import { localize } from "../dialogues/localized-text.ts";
import { alertTeam } from "../team-threads/alert-team.ts";
import { customerCardOf } from "../team-threads/customer-card.ts";
import { stepById, type FlowDefinition, type Qualification } from "./flow-definition.ts";
import { answersOf } from "./flow-sessions.ts";

export interface Completion {
  messages: OutgoingMessage[];
  /** Never asked for consent (came by a deep link to the flow): ask at the end, when they got what they came for. */
  askConsent: boolean;
}

export async function completeFlow(
  deps: CoreDeps,
  input: { flow: FlowDefinition; session: FlowSession; qualification: Qualification },
): Promise<Completion> {
  const { flow, session, qualification } = input;
  const subscriber = await deps.db.prisma.subscriber.findUniqueOrThrow({ where: { id: session.subscriberId } });
  deps.logger.info({ subscriberId: subscriber.id, flowId: flow.id, sessionId: session.id, score: session.score, qualification }, "flow completed");
  if (qualification === "hot") {
    await alertTeam(deps, {
      alert: {
        kind: "hot_lead",
        customer: customerCardOf(subscriber),
        flow: { id: flow.id, name: flow.name },
        score: session.score,
        qualification,
        answers: answeredQuestions(flow, session),
        trigger: session.trigger,
      },
      subscriberId: subscriber.id,
      topic: "hot_lead",
      flowSessionId: session.id,
    });
  }
  const outro = flow.outro[qualification] ?? flow.outro.default;
  return { messages: [{ text: localize(outro, subscriber.language) }], askConsent: needsConsentQuestion(subscriber) };
}

export function answeredQuestions(flow: FlowDefinition, session: FlowSession): AnsweredQuestion[] {
  return answersOf(session).flatMap((a) => {
    const step = stepById(flow, a.step);
    return step ? [{ question: step.label ?? step.text, answer: a.display, skipped: a.skipped }] : [];
  });
}

function needsConsentQuestion(subscriber: Subscriber): boolean {
  return subscriber.consentStatus === "none" || subscriber.consentStatus === "pending";
}
