// Subscription through Telegram with double opt-in: /start makes the person
// known and asks for consent (pending); only the confirmation subscribes them.
// Every change of consent is kept in the history with the text shown.
import { z } from "zod";
import type { CoreDeps } from "../deps.ts";
import type { Database } from "../db/database.ts";
import { groupCommitOf } from "../db/group-commit.ts";
import { DomainError } from "../errors.ts";
import { pickLanguage, isLanguage } from "../i18n.ts";
import { sourceSchema } from "./source.ts";
import type { ConsentStatus, Subscriber } from "../../generated/prisma/client.ts";
import type { OutgoingMessage } from "../ports.ts";
import { isReferralPayload, referralCodeOf } from "../referrals/invite-link.ts";
import { openReferral, referralAccepted } from "../referrals/track-referral.ts";

export const telegramIdentitySchema = z.object({
  telegramId: z.bigint().positive(),
  firstName: z.string().max(256).optional(),
  lastName: z.string().max(256).optional(),
  username: z.string().max(64).optional(),
  languageCode: z.string().max(35).optional(),
});
export type TelegramIdentity = z.infer<typeof telegramIdentitySchema>;

export interface StartResult {
  subscriber: Subscriber;
  /** Already subscribed: nothing to confirm, just welcome them back. */
  alreadySubscribed: boolean;
}

export async function startSubscription(
  deps: CoreDeps,
  input: {
    identity: TelegramIdentity;
    source?: string | undefined;
    /** null: the caller has just looked this person up and found nobody (the common case of a burst of newcomers). */
    known?: null | undefined;
  },
): Promise<StartResult> {
  const identity = telegramIdentitySchema.parse(input.identity);
  // A referral link's source is "referral", and only when it counts (track-referral.ts).
  const source = sourceSchema.safeParse(input.source).success && !isReferralPayload(input.source) ? input.source : undefined;
  const now = deps.clock.now();
  if (input.known === null && referralCodeOf(input.source) === undefined) {
    const created = await createPending(deps, identity, source ?? null, now);
    if (created) return { subscriber: created, alreadySubscribed: false };
  }
  const existing = await deps.db.prisma.subscriber.findUnique({ where: { telegramId: identity.telegramId } });
  if (existing?.consentStatus === "subscribed") {
    const subscriber = await deps.db.prisma.subscriber.update({
      where: { id: existing.id },
      data: { ...profileUpdate(existing, identity), blockedAt: null },
    });
    return { subscriber, alreadySubscribed: true };
  }
  const subscriber = existing
    ? await deps.db.prisma.subscriber.update({
        where: { id: existing.id },
        data: {
          ...profileUpdate(existing, identity),
          consentStatus: "pending",
          blockedAt: null,
          // First touch wins: acquisition metrics credit the source that brought them.
          source: existing.source ?? source ?? null,
        },
      })
    : await deps.db.prisma.subscriber.create({
        data: {
          telegramId: identity.telegramId,
          ...profileFrom(identity),
          language: pickLanguage(identity.languageCode),
          consentStatus: "pending",
          source: source ?? null,
          createdAt: now,
        },
      });
  const code = existing ? undefined : referralCodeOf(input.source);
  const referred = code !== undefined && (await openReferral(deps, { friend: subscriber, code }));
  await recordConsent(deps, subscriber.id, "pending", { source: referred ? "referral" : source });
  return { subscriber: referred ? { ...subscriber, source: "referral" } : subscriber, alreadySubscribed: false };
}

/**
 * A newcomer in one statement: the person, pending, and the history entry
 * that they were asked. Undefined when someone else created them meanwhile
 * (the caller then takes the general way). Newcomers arriving together (a
 * burst) are written together (core/db/group-commit.ts).
 */
async function createPending(deps: CoreDeps, identity: TelegramIdentity, source: string | null, now: Date): Promise<Subscriber | undefined> {
  const profile = profileFrom(identity);
  const language = pickLanguage(identity.languageCode);
  const id = await groupCommitOf(deps.db, "newcomers", (newcomers: Newcomer[]) => createPendings(deps.db, newcomers)).run({
    telegramId: identity.telegramId,
    ...profile,
    language,
    source,
    at: now,
  });
  if (id === undefined) return undefined;
  return {
    id,
    telegramId: identity.telegramId,
    externalId: null,
    email: null,
    phone: null,
    ...profile,
    language,
    timezone: null,
    consentStatus: "pending",
    consentAt: null,
    unsubscribedAt: null,
    source,
    profile: {},
    tags: [],
    blockedAt: null,
    unreachableAt: null,
    erasedAt: null,
    referralCode: null,
    createdAt: now,
    updatedAt: now,
  };
}

interface Newcomer {
  telegramId: bigint;
  firstName: string | null;
  lastName: string | null;
  username: string | null;
  language: string;
  source: string | null;
  at: Date;
}

/** Newcomers in one statement: each one's new id, or undefined when they were known already (or twice in the batch: the first wins). */
async function createPendings(db: Database, newcomers: Newcomer[]): Promise<(number | undefined)[]> {
  const column = <T>(pick: (n: Newcomer) => T) => newcomers.map(pick);
  const rows = await db.query<{ id: number; telegram_id: string | bigint }>(
    `WITH asked AS (
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[])
         AS a(telegram_id, first_name, last_name, username, language, source, at)
     ), created AS (
       INSERT INTO subscriber (telegram_id, first_name, last_name, username, language, consent_status, source, created_at, updated_at)
       SELECT telegram_id, first_name, last_name, username, language, 'pending', source, at, at FROM asked
       ON CONFLICT (telegram_id) DO NOTHING
       RETURNING id, telegram_id, source, created_at
     ), recorded AS (
       INSERT INTO consent_record (subscriber_id, status, channel, source, at)
       SELECT id, 'pending', 'telegram', source, created_at FROM created
     )
     SELECT id, telegram_id FROM created`,
    [
      column((n) => n.telegramId.toString()),
      column((n) => n.firstName),
      column((n) => n.lastName),
      column((n) => n.username),
      column((n) => n.language),
      column((n) => n.source),
      column((n) => n.at.toISOString()),
    ],
  );
  const created = new Map(rows.map((r) => [String(r.telegram_id), r.id]));
  return newcomers.map((n) => {
    const key = n.telegramId.toString();
    const id = created.get(key);
    created.delete(key);
    return id;
  });
}

/**
 * The consent button: one statement changes the status and writes the history
 * entry, and only when the status really changes - ten presses at once (a
 * nervous thumb, a webhook under load) are one "subscribed" record, and the
 * caller answers only the press that changed something. A friend brought by a
 * referral is accepted then (once): the referrer is credited and the friend's
 * welcome reward comes back.
 */
export async function confirmConsent(deps: CoreDeps, input: { telegramId: bigint; consentText: string }): Promise<{ changed: boolean; welcome: OutgoingMessage[] }> {
  const { changed, subscriberId, referrerId } = await changeConsent(deps, input.telegramId, "subscribed", `consent_status <> 'subscribed'`, input.consentText);
  if (!changed || subscriberId === undefined || referrerId === undefined) return { changed, welcome: [] };
  const welcome = await referralAccepted(deps, { friendId: subscriberId, referrerId });
  return { changed, welcome };
}

export async function declineConsent(deps: CoreDeps, input: { telegramId: bigint }): Promise<{ changed: boolean }> {
  const { changed } = await changeConsent(deps, input.telegramId, "declined", `consent_status = 'pending'`, null);
  return { changed };
}

interface ConsentChange {
  telegramId: bigint;
  text: string | null;
  at: Date;
}

interface ConsentChanged {
  changed: boolean;
  subscriberId?: number;
  referrerId?: number;
}

/** Presses arriving together (a burst) are written together (core/db/group-commit.ts). */
async function changeConsent(
  deps: CoreDeps,
  telegramId: bigint,
  status: "subscribed" | "declined",
  onlyWhen: string,
  text: string | null,
): Promise<ConsentChanged> {
  const group = groupCommitOf(deps.db, `consent:${status}`, (changes: ConsentChange[]) => changeConsents(deps.db, status, onlyWhen, changes));
  return group.run({ telegramId, text, at: deps.clock.now() });
}

/**
 * One statement: each person's status, its history entry and - when they
 * subscribe - the acceptance of the invitation that brought them, if any
 * (once). A person asked twice in one batch changes once (the first ask).
 */
async function changeConsents(db: Database, status: "subscribed" | "declined", onlyWhen: string, changes: ConsentChange[]): Promise<ConsentChanged[]> {
  const rows = await db.query<{ telegram_id: string | bigint; subscriber_id: number; referrer_id: number | null }>(
    `WITH asked AS (
       SELECT DISTINCT ON (telegram_id) * FROM unnest($1::bigint[], $2::text[], $3::timestamptz[]) WITH ORDINALITY AS a(telegram_id, text, at, n)
        ORDER BY telegram_id, n
     ), changed AS (
       UPDATE subscriber s
          SET consent_status = $4::"ConsentStatus", updated_at = a.at,
              consent_at = CASE WHEN $4::text = 'subscribed' THEN a.at ELSE s.consent_at END,
              unsubscribed_at = CASE WHEN $4::text = 'subscribed' THEN NULL ELSE s.unsubscribed_at END
         FROM asked a
        WHERE s.telegram_id = a.telegram_id AND s.${onlyWhen}
       RETURNING s.id, s.telegram_id, s.source, a.text, a.at
     ), recorded AS (
       INSERT INTO consent_record (subscriber_id, status, channel, text, source, at)
       SELECT id, $4::"ConsentStatus", 'telegram', text, CASE WHEN $4::text = 'subscribed' THEN source END, at FROM changed
       RETURNING subscriber_id
     ), accepted AS (
       UPDATE referral r SET accepted_at = c.at
         FROM changed c
        WHERE $4::text = 'subscribed' AND r.friend_id = c.id AND r.accepted_at IS NULL
       RETURNING r.friend_id, r.referrer_id
     )
     SELECT c.telegram_id, c.id AS subscriber_id, a.referrer_id
       FROM changed c JOIN recorded r ON r.subscriber_id = c.id LEFT JOIN accepted a ON a.friend_id = c.id`,
    [changes.map((c) => c.telegramId.toString()), changes.map((c) => c.text), changes.map((c) => c.at.toISOString()), status],
  );
  const byPerson = new Map(rows.map((r) => [String(r.telegram_id), r]));
  return changes.map((c) => {
    const key = c.telegramId.toString();
    const row = byPerson.get(key);
    byPerson.delete(key);
    if (!row) return { changed: false };
    return { changed: true, subscriberId: row.subscriber_id, ...(row.referrer_id === null ? {} : { referrerId: row.referrer_id }) };
  });
}

/** Takes effect at once: the delivery worker re-checks consent before every send. */
export async function unsubscribe(
  deps: CoreDeps,
  input: { telegramId: bigint; channel?: string },
): Promise<{ subscriber: Subscriber | null; wasSubscribed: boolean }> {
  const subscriber = await deps.db.prisma.subscriber.findUnique({ where: { telegramId: input.telegramId } });
  if (!subscriber) return { subscriber: null, wasSubscribed: false };
  const wasSubscribed = subscriber.consentStatus === "subscribed";
  if (subscriber.consentStatus === "unsubscribed") return { subscriber, wasSubscribed };
  const updated = await deps.db.prisma.subscriber.update({
    where: { id: subscriber.id },
    data: { consentStatus: "unsubscribed", unsubscribedAt: deps.clock.now() },
  });
  await recordConsent(deps, subscriber.id, "unsubscribed", { channel: input.channel });
  return { subscriber: updated, wasSubscribed };
}

/** The person blocked the bot (or unblocked it): no message can reach them while blocked. */
export async function setBlocked(deps: CoreDeps, input: { telegramId: bigint; blocked: boolean }): Promise<Subscriber | null> {
  const subscriber = await deps.db.prisma.subscriber.findUnique({ where: { telegramId: input.telegramId } });
  if (!subscriber) return null;
  if (Boolean(subscriber.blockedAt) === input.blocked) return subscriber;
  return deps.db.prisma.subscriber.update({
    where: { id: subscriber.id },
    data: { blockedAt: input.blocked ? deps.clock.now() : null },
  });
}

export async function setLanguage(deps: CoreDeps, input: { telegramId: bigint; language: string }): Promise<Subscriber> {
  if (!isLanguage(input.language)) throw new DomainError("unsupported_language", `Language ${input.language} is not supported`);
  const subscriber = await requireByTelegramId(deps, input.telegramId);
  return deps.db.prisma.subscriber.update({ where: { id: subscriber.id }, data: { language: input.language } });
}

export async function findByTelegramId(deps: CoreDeps, telegramId: bigint): Promise<Subscriber | null> {
  return deps.db.prisma.subscriber.findUnique({ where: { telegramId } });
}

/**
 * Makes a person known without asking for consent (someone who wrote to the
 * bot without /start, or came by a link straight into a dialogue). A deep-link
 * source is recorded first-touch, as for /start.
 */
export async function ensureKnown(deps: CoreDeps, identity: TelegramIdentity, options: { source?: string | undefined } = {}): Promise<Subscriber> {
  const parsed = telegramIdentitySchema.parse(identity);
  const source = sourceSchema.safeParse(options.source).success ? options.source : undefined;
  const subscriber = await deps.db.prisma.subscriber.upsert({
    where: { telegramId: parsed.telegramId },
    create: { telegramId: parsed.telegramId, ...profileFrom(parsed), language: pickLanguage(parsed.languageCode), source: source ?? null, createdAt: deps.clock.now() },
    update: {},
  });
  if (source && !subscriber.source) {
    return deps.db.prisma.subscriber.update({ where: { id: subscriber.id }, data: { source } });
  }
  return subscriber;
}

async function requireByTelegramId(deps: CoreDeps, telegramId: bigint): Promise<Subscriber> {
  const subscriber = await findByTelegramId(deps, telegramId);
  if (!subscriber) throw new DomainError("unknown_subscriber", `No subscriber with Telegram id ${telegramId}`);
  return subscriber;
}

async function recordConsent(
  deps: CoreDeps,
  subscriberId: number,
  status: ConsentStatus,
  extra: { text?: string | undefined; source?: string | null | undefined; channel?: string | undefined },
): Promise<void> {
  await deps.db.prisma.consentRecord.create({
    data: {
      subscriberId,
      status,
      channel: extra.channel ?? "telegram",
      text: extra.text ?? null,
      source: extra.source ?? null,
      at: deps.clock.now(),
    },
  });
}

/**
 * A known person keeps the name they gave us (typed in a flow, imported from the
 * shop): Telegram's name only fills a name that is still empty. The username is
 * Telegram's own and follows it.
 */
function profileUpdate(existing: { firstName: string | null; lastName: string | null }, identity: TelegramIdentity) {
  const fresh = profileFrom(identity);
  const hasName = Boolean(existing.firstName || existing.lastName);
  return { username: fresh.username, ...(hasName ? {} : { firstName: fresh.firstName, lastName: fresh.lastName }) };
}

function profileFrom(identity: TelegramIdentity) {
  return {
    firstName: identity.firstName ?? null,
    lastName: identity.lastName ?? null,
    username: identity.username ?? null,
  };
}
