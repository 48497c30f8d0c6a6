// The built-in audiences by consent state, counted in one SQL statement.
// "subscribed" means reachable: opted in and not blocking the bot. Each size
// equals the size of the matching built-in segment (built-in-segments.ts).
import type { CoreDeps } from "../deps.ts";

export interface ConsentAudienceSizes {
  everyone: number;
  subscribed: number;
  pending: number;
  unsubscribed: number;
  declined: number;
  /** Known (imported, ingested) but never asked for consent. */
  prospects: number;
  blocked: number;
}

export async function countConsentAudiences(deps: CoreDeps): Promise<ConsentAudienceSizes> {
  const rows = await deps.db.prisma.$queryRawUnsafe<ConsentAudienceSizes[]>(`
    SELECT count(*)::int AS everyone,
           count(*) FILTER (WHERE consent_status = 'subscribed' AND blocked_at IS NULL)::int AS subscribed,
           count(*) FILTER (WHERE consent_status = 'pending')::int AS pending,
           count(*) FILTER (WHERE consent_status = 'unsubscribed')::int AS unsubscribed,
           count(*) FILTER (WHERE consent_status = 'declined')::int AS declined,
           count(*) FILTER (WHERE consent_status = 'none')::int AS prospects,
           count(*) FILTER (WHERE blocked_at IS NOT NULL)::int AS blocked
      FROM subscriber
     WHERE erased_at IS NULL`);
  return rows[0]!;
}
