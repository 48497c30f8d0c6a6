// Everything the team sees when it opens a customer from a card: who they
// are, consent, profile and tags, what they bought, their latest lead
// qualification and NPS answer.
import type { CoreDeps } from "../deps.ts";
import type { LocalizedText } from "../dialogues/localized-text.ts";
import type { OrdersSummary } from "../ports.ts";
import type { Subscriber } from "../../generated/prisma/client.ts";
import { ordersSummaryOf } from "./orders-summary.ts";
import { lifecycleStageOf, type LifecycleStage } from "../segments/lifecycle.ts";

export interface CustomerProfile {
  subscriber: Subscriber;
  lifecycleStage: LifecycleStage;
  orders: OrdersSummary;
  latestLead: { flowId: string; flowName: LocalizedText | null; score: number; qualification: string; completedAt: Date } | null;
  latestNps: { score: number; comment: string | null; answeredAt: Date } | null;
}

export async function customerProfile(deps: CoreDeps, subscriberId: number): Promise<CustomerProfile | undefined> {
  const subscriber = await deps.db.prisma.subscriber.findUnique({ where: { id: subscriberId } });
  if (!subscriber || subscriber.erasedAt) return undefined;
  const [stage, orders, lead, nps] = await Promise.all([
    lifecycleStageOf(deps, subscriberId),
    ordersSummaryOf(deps, subscriberId),
    deps.db.prisma.flowSession.findFirst({ where: { subscriberId, status: "completed" }, orderBy: { completedAt: "desc" } }),
    deps.db.prisma.surveyResponse.findFirst({ where: { subscriberId, kind: "nps", score: { not: null } }, orderBy: { answeredAt: "desc" } }),
  ]);
  return {
    subscriber,
    lifecycleStage: stage,
    orders,
    latestLead:
      lead && lead.completedAt && lead.qualification
        ? { flowId: lead.flowId, flowName: deps.dialogues.flows.get(lead.flowId)?.name ?? null, score: lead.score, qualification: lead.qualification, completedAt: lead.completedAt }
        : null,
    latestNps: nps && nps.score !== null && nps.answeredAt ? { score: nps.score, comment: nps.comment, answeredAt: nps.answeredAt } : null,
  };
}
