// Everything we keep about one person (the right to see one's data): profile,
// consent history with the texts agreed to, answers to flows and surveys,
// orders, events and the messages we sent - as plain data for a JSON file.
import type { CoreDeps } from "../deps.ts";
import { customerReferrals, type CustomerReferrals } from "../referrals/customer-referrals.ts";

export interface CustomerDataExport {
  exportedAt: string;
  /** When the personal data was erased (what is left is anonymous), or null. */
  erasedAt: string | null;
  profile: Record<string, unknown>;
  consent: { status: string; history: { status: string; at: string; channel: string; text: string | null; source: string | null }[] };
  /** Paid orders; `totals` per currency (a sum across currencies means nothing), `total` all amounts added. */
  orders: { count: number; total: number; totals: { currency: string; amount: number }[]; first: string | null; last: string | null };
  events: { type: string; count: number }[];
  flowAnswers: { flow: string; status: string; startedAt: string; answers: unknown }[];
  surveyAnswers: { survey: string; score: number | null; comment: string | null; answeredAt: string | null }[];
  messagesReceived: number;
  teamConversations: { messages: number };
  referrals: CustomerReferrals;
}

export async function exportCustomerData(deps: CoreDeps, subscriberId: number): Promise<CustomerDataExport> {
  const db = deps.db.prisma;
  const s = await db.subscriber.findUniqueOrThrow({ where: { id: subscriberId } });
  const consents = await db.consentRecord.findMany({ where: { subscriberId }, orderBy: { at: "asc" } });
  const [orders] = await db.$queryRawUnsafe<{ count: number; total: number; first: Date | null; last: Date | null }[]>(
    `SELECT count(*)::int AS count, coalesce(sum(amount), 0)::float8 AS total, min(paid_at) AS first, max(paid_at) AS last
       FROM "order" WHERE subscriber_id = $1 AND status = 'paid'`,
    subscriberId,
  );
  const totals = await db.$queryRawUnsafe<{ currency: string; amount: number }[]>(
    `SELECT currency, sum(amount)::float8 AS amount FROM "order" WHERE subscriber_id = $1 AND status = 'paid' GROUP BY currency ORDER BY currency`,
    subscriberId,
  );
  const events = await db.$queryRawUnsafe<{ type: string; count: number }[]>(
    `SELECT type, count(*)::int AS count FROM event WHERE subscriber_id = $1 GROUP BY type ORDER BY type`,
    subscriberId,
  );
  const flows = await db.flowSession.findMany({ where: { subscriberId }, orderBy: { startedAt: "asc" } });
  const surveys = await db.surveyResponse.findMany({ where: { subscriberId }, orderBy: { askedAt: "asc" } });
  const messagesReceived = await db.delivery.count({ where: { subscriberId, status: "sent" } });
  const [thread] = await db.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM team_thread_message m JOIN team_thread t ON t.id = m.thread_id WHERE t.subscriber_id = $1`,
    subscriberId,
  );
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    exportedAt: deps.clock.now().toISOString(),
    erasedAt: iso(s.erasedAt),
    profile: {
      id: s.id,
      telegramId: s.telegramId === null ? null : String(s.telegramId),
      firstName: s.firstName,
      lastName: s.lastName,
      username: s.username,
      email: s.email,
      phone: s.phone,
      externalId: s.externalId,
      language: s.language,
      timezone: s.timezone,
      source: s.source,
      tags: s.tags,
      fields: s.profile,
      knownSince: s.createdAt.toISOString(),
      blockedBot: s.blockedAt !== null,
    },
    consent: {
      status: s.consentStatus,
      history: consents.map((c) => ({ status: c.status, at: c.at.toISOString(), channel: c.channel, text: c.text, source: c.source })),
    },
    orders: { count: orders!.count, total: orders!.total, totals, first: iso(orders!.first), last: iso(orders!.last) },
    events,
    flowAnswers: flows.map((f) => ({ flow: f.flowId, status: f.status, startedAt: f.startedAt.toISOString(), answers: f.answers })),
    surveyAnswers: surveys.map((r) => ({ survey: r.surveyId, score: r.score, comment: r.comment, answeredAt: iso(r.answeredAt) })),
    messagesReceived,
    teamConversations: { messages: thread?.n ?? 0 },
    referrals: await customerReferrals(deps, subscriberId),
  };
}
