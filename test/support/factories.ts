// Known data for tests: customers in every consent state, orders, events.
import type { Database } from "../../core/db/database.ts";
import type { ConsentStatus } from "../../generated/prisma/client.ts";

export interface CustomerSpec {
  telegramId?: number;
  firstName?: string;
  lastName?: string;
  language?: string;
  timezone?: string;
  consent?: ConsentStatus;
  blocked?: boolean;
  source?: string;
  tags?: string[];
  createdAt?: Date;
}

/** Creates customers (subscribed by default) and returns their ids in order. */
export async function createCustomers(db: Database, specs: CustomerSpec[]): Promise<number[]> {
  const ids: number[] = [];
  for (const spec of specs) {
    const s = await db.prisma.subscriber.create({
      data: {
        telegramId: spec.telegramId === undefined ? null : BigInt(spec.telegramId),
        firstName: spec.firstName ?? null,
        lastName: spec.lastName ?? null,
        language: spec.language ?? "en",
        timezone: spec.timezone ?? null,
        consentStatus: spec.consent ?? "subscribed",
        consentAt: (spec.consent ?? "subscribed") === "subscribed" ? (spec.createdAt ?? new Date("2026-01-01T00:00:00Z")) : null,
        blockedAt: spec.blocked ? new Date("2026-06-01T00:00:00Z") : null,
        source: spec.source ?? null,
        tags: spec.tags ?? [],
        ...(spec.createdAt ? { createdAt: spec.createdAt } : {}),
      },
    });
    ids.push(s.id);
  }
  return ids;
}

/** Many subscribed customers at once, set-based: telegram ids from `firstTelegramId`. */
export async function createManyCustomers(db: Database, count: number, firstTelegramId: number, extra: { tag?: string } = {}): Promise<void> {
  await db.prisma.$executeRawUnsafe(
    `INSERT INTO subscriber (telegram_id, first_name, language, consent_status, consent_at, tags, created_at, updated_at)
     SELECT $1::bigint + g, 'Customer' || g, CASE WHEN g % 3 = 0 THEN 'ru' ELSE 'en' END, 'subscribed', now(),
            CASE WHEN $3::text IS NULL THEN ARRAY[]::text[] ELSE ARRAY[$3::text] END, now(), now()
       FROM generate_series(0, $2::int - 1) g`,
    firstTelegramId,
    count,
    extra.tag ?? null,
  );
}
