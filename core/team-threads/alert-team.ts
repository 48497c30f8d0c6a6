// Posts an alert about one customer to the team channel and remembers its
// thread, so teammates' replies there can reach the customer (relay-team-reply.ts).
import type { CoreDeps } from "../deps.ts";
import type { TeamAlert, ThreadRef } from "../ports.ts";
import type { TeamThread } from "../../generated/prisma/client.ts";

export type ThreadTopic = "detractor" | "hot_lead" | "help_request" | "feedback";

export async function alertTeam(
  deps: CoreDeps,
  input: {
    alert: TeamAlert;
    subscriberId: number;
    topic: ThreadTopic;
    surveyResponseId?: number;
    flowSessionId?: number;
    /** The customer is about to write to the team (a help request): their messages go to the thread at once. */
    awaitCustomer?: boolean;
  },
): Promise<TeamThread | undefined> {
  let ref: ThreadRef | undefined;
  try {
    ref = await deps.notifier.alert(input.alert);
  } catch (err) {
    // The customer's dialogue goes on; the failure is loud in the log.
    deps.logger.error({ err, kind: input.alert.kind, subscriberId: input.subscriberId }, "team alert could not be posted");
    return undefined;
  }
  if (!ref) return undefined;
  const now = deps.clock.now();
  return deps.db.prisma.teamThread.create({
    data: {
      subscriberId: input.subscriberId,
      topic: input.topic,
      surveyResponseId: input.surveyResponseId ?? null,
      flowSessionId: input.flowSessionId ?? null,
      slackChannel: ref.channel,
      slackTs: ref.ts,
      awaitingCustomerSince: input.awaitCustomer ? now : null,
      createdAt: now,
    },
  });
}

export function refOf(thread: TeamThread): ThreadRef {
  return { channel: thread.slackChannel, ts: thread.slackTs };
}
