// Which conversation a customer's next message answers: the flow question,
// the survey question, or the team's message - whichever was asked last.
// One query; the bot routes the message by its result.
import type { CoreDeps } from "../deps.ts";
import { ABANDON_AFTER_DAYS } from "../flows/flow-sessions.ts";
import { TEAM_CONVERSATION_WINDOW_DAYS } from "../team-threads/relay-customer-reply.ts";

export type AwaitedReply = { kind: "flow"; id: number } | { kind: "survey"; id: number } | { kind: "team_thread"; id: number };

export async function awaitedReplyOf(deps: CoreDeps, subscriberId: number): Promise<AwaitedReply | null> {
  const now = deps.clock.now();
  const flowSince = new Date(now.getTime() - ABANDON_AFTER_DAYS * 86_400_000);
  const threadSince = new Date(now.getTime() - TEAM_CONVERSATION_WINDOW_DAYS * 86_400_000);
  const rows = await deps.db.prisma.$queryRawUnsafe<{ kind: AwaitedReply["kind"]; id: number }[]>(
    `SELECT kind, id FROM (
       SELECT 'flow' AS kind, id, asked_at AS since FROM flow_session
        WHERE subscriber_id = $1 AND status = 'active' AND asked_at > $3
       UNION ALL
       SELECT 'survey', id, CASE WHEN stage = 'comment' AND answered_at IS NOT NULL THEN answered_at ELSE asked_at END
         FROM survey_response
        WHERE subscriber_id = $1 AND stage IN ('score', 'comment') AND expires_at > $2
       UNION ALL
       SELECT 'team_thread', id, awaiting_customer_since FROM team_thread
        WHERE subscriber_id = $1 AND awaiting_customer_since > $4
     ) awaiting
     ORDER BY since DESC, kind
     LIMIT 1`,
    subscriberId,
    now,
    flowSince,
    threadSince,
  );
  const row = rows[0];
  return row ? ({ kind: row.kind, id: Number(row.id) } as AwaitedReply) : null;
}
