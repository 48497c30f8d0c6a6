// A subscriber read by raw SQL (`SELECT s.*`), as Prisma's model gives it:
// for the statements that read a person together with other work in one
// round trip. The compiler checks that every field of the model is here.
import type { ConsentStatus, Prisma, Subscriber } from "../../generated/prisma/client.ts";

export interface SubscriberRow {
  id: number | null;
  telegram_id: bigint | null;
  external_id: string | null;
  email: string | null;
  phone: string | null;
  first_name: string | null;
  last_name: string | null;
  username: string | null;
  language: string;
  timezone: string | null;
  consent_status: ConsentStatus;
  consent_at: Date | null;
  unsubscribed_at: Date | null;
  source: string | null;
  profile: Prisma.JsonValue;
  tags: string[];
  blocked_at: Date | null;
  unreachable_at: Date | null;
  erased_at: Date | null;
  referral_code: string | null;
  created_at: Date;
  updated_at: Date;
}

export function subscriberFromRow(row: SubscriberRow & { id: number }): Subscriber {
  return {
    id: row.id,
    telegramId: row.telegram_id === null ? null : BigInt(row.telegram_id),
    externalId: row.external_id,
    email: row.email,
    phone: row.phone,
    firstName: row.first_name,
    lastName: row.last_name,
    username: row.username,
    language: row.language,
    timezone: row.timezone,
    consentStatus: row.consent_status,
    consentAt: row.consent_at,
    unsubscribedAt: row.unsubscribed_at,
    source: row.source,
    profile: row.profile ?? {},
    tags: row.tags,
    blockedAt: row.blocked_at,
    unreachableAt: row.unreachable_at,
    erasedAt: row.erased_at,
    referralCode: row.referral_code,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
