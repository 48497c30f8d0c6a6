// The built-in audiences by consent state, counted in one SQL statement.
// "subscribed" means reachable: opted in and not blocking the bot.
import type { CoreDeps } from "../deps.ts";

export interface ConsentAudienceSizes {
  everyone: number;
  subscribed: number;
  pending: number;
  unsubscribed: number;
  blocked: number;
}

export async function countConsentAudiences(deps: CoreDeps): Promise<ConsentAudienceSizes> {
  const rows = await deps.db.prisma.$queryRawUnsafe<ConsentAudienceSizes[]>(`
    SELECT count(*)::int AS everyone,
           count(*) FILTER (WHERE consent_status = 'subscribed' AND blocked_at IS NULL)::int AS subscribed,
           count(*) FILTER (WHERE consent_status = 'pending')::int AS pending,
           count(*) FILTER (WHERE consent_status = 'unsubscribed')::int AS unsubscribed,
           count(*) FILTER (WHERE blocked_at IS NOT NULL)::int AS blocked
      FROM subscriber
     WHERE erased_at IS NULL`);
  return rows[0]!;
}
