// Answers that land on the subscriber: a profile column (first name, e-mail,
// phone), a custom key of the profile JSON, tags. One statement per answer, so
// a flow left halfway still keeps what was said.
import type { Prisma } from "../../generated/prisma/client.ts";
import { normalizeEmail, normalizePhone } from "./customer-identity.ts";

export type ProfileColumn = "firstName" | "lastName" | "email" | "phone";

export interface ProfileChange {
  columns?: Partial<Record<ProfileColumn, string>>;
  /** Keys merged into subscriber.profile. */
  profile?: Record<string, unknown>;
  tags?: string[];
}

const COLUMN_NAMES: Record<ProfileColumn, string> = { firstName: "first_name", lastName: "last_name", email: "email", phone: "phone" };

export async function applyProfileChange(tx: Prisma.TransactionClient, subscriberId: number, change: ProfileChange, now: Date): Promise<void> {
  const sets: string[] = [];
  const params: unknown[] = [subscriberId, now];
  for (const [column, value] of Object.entries(change.columns ?? {}) as [ProfileColumn, string][]) {
    // Contacts in their one canonical form, whatever wrote them: the shop's orders match on it.
    params.push(column === "email" ? (normalizeEmail(value) ?? value) : column === "phone" ? (normalizePhone(value) ?? value) : value);
    sets.push(`${COLUMN_NAMES[column]} = $${params.length}`);
  }
  if (change.profile && Object.keys(change.profile).length > 0) {
    params.push(JSON.stringify(change.profile));
    sets.push(`profile = profile || $${params.length}::jsonb`);
  }
  if (change.tags && change.tags.length > 0) {
    params.push(change.tags);
    sets.push(`tags = ARRAY(SELECT DISTINCT t FROM unnest(tags || $${params.length}::text[]) AS t ORDER BY t)`);
  }
  if (sets.length === 0) return;
  await tx.$executeRawUnsafe(`UPDATE subscriber SET ${sets.join(", ")}, updated_at = $2 WHERE id = $1`, ...params);
}
