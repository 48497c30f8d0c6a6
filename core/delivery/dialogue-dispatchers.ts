// Campaigns and chains that send a survey or start a flow: the outbox row goes
// through the same pacer and rules as a message, then the dialogue feature
// sends its first question. Its result is mapped to what the worker records.
import { DomainError } from "../errors.ts";
import { startFlow } from "../flows/start-flow.ts";
import { askSurvey } from "../surveys/ask-survey.ts";
import type { SendFailure } from "../dialogues/send-messages.ts";
import type { ContentDispatcher, DispatchOutcome } from "./content-dispatcher.ts";

type Failed = { status: "failed"; reason: SendFailure["reason"]; description: string; retryAfterSeconds?: number };
type DialogueResult = { status: "sent" | "started" } | { status: "skipped"; reason: string } | Failed;

function outcomeOf(result: DialogueResult, id: number | undefined): DispatchOutcome {
  if (result.status === "skipped") return { ok: false, reason: "skipped", description: result.reason };
  if (result.status !== "failed") return { ok: true, messageId: String(id ?? "") };
  const failed = result as Failed;
  if (failed.reason === "rate_limited") return { ok: false, reason: "rate_limited", retryAfterSeconds: failed.retryAfterSeconds ?? 1, description: failed.description };
  return { ok: false, reason: failed.reason, description: failed.description };
}

async function guarded(run: () => Promise<DispatchOutcome>): Promise<DispatchOutcome> {
  try {
    return await run();
  } catch (err) {
    // An unknown survey or flow id will not appear by retrying.
    if (err instanceof DomainError) return { ok: false, reason: "rejected", description: err.message };
    throw err;
  }
}

export const dialogueDispatchers: Record<"survey" | "flow", ContentDispatcher> = {
  survey: (deps, row, content) =>
    guarded(async () => {
      if (content.type !== "survey") throw new Error("not a survey");
      const result = await askSurvey(deps, {
        subscriberId: row.subscriberId,
        surveyId: content.surveyId,
        ...(row.campaignId !== null ? { campaignId: String(row.campaignId), trigger: "campaign" as const } : { trigger: "event" as const }),
      });
      return outcomeOf(result, result.status === "sent" ? result.responseId : undefined);
    }),
  flow: (deps, row, content) =>
    guarded(async () => {
      if (content.type !== "flow") throw new Error("not a flow");
      const result = await startFlow(deps, { subscriberId: row.subscriberId, flowId: content.flowId, ...(row.campaignId !== null ? { campaignId: String(row.campaignId) } : {}) });
      return outcomeOf(result, result.status === "started" ? result.sessionId : undefined);
    }),
};
