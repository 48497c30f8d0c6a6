// A customer's personal invitation: /start ref_<code>, where the code is
// random (not the Telegram id, not guessable), made once and kept.
import crypto from "node:crypto";
import { z } from "zod";
import { defineCallback } from "../button-data.ts";
import type { CoreDeps } from "../deps.ts";
import type { ReferralProgram } from "./referral-program.ts";

export const REFERRAL_PAYLOAD_PREFIX = "ref_";
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
/** 12 characters of 57: about 70 bits, far beyond guessing. */
const CODE_LENGTH = 12;

export type InviteResult =
  | { ok: true; code: string; startPayload: string; program: ReferralProgram }
  /** no_programme: the store has no flows/referrals.yaml; not_subscribed: only subscribers invite. */
  | { ok: false; reason: "no_programme" | "not_subscribed" };

export function referralCodeOf(payload: string | undefined): string | undefined {
  if (!payload?.startsWith(REFERRAL_PAYLOAD_PREFIX)) return undefined;
  const code = payload.slice(REFERRAL_PAYLOAD_PREFIX.length);
  return /^[A-Za-z0-9]{1,32}$/.test(code) ? code : undefined;
}

export function isReferralPayload(payload: string | undefined): boolean {
  return payload?.startsWith(REFERRAL_PAYLOAD_PREFIX) ?? false;
}

export async function inviteFor(deps: CoreDeps, subscriberId: number): Promise<InviteResult> {
  const program = deps.dialogues.referrals;
  if (!program) return { ok: false, reason: "no_programme" };
  const subscriber = await deps.db.prisma.subscriber.findUniqueOrThrow({ where: { id: subscriberId } });
  if (subscriber.consentStatus !== "subscribed" || subscriber.erasedAt) return { ok: false, reason: "not_subscribed" };
  let code = subscriber.referralCode;
  if (!code) {
    // Set only if still empty: two /invite at once end with one code for both.
    await deps.db.prisma.$executeRawUnsafe(`UPDATE subscriber SET referral_code = $2 WHERE id = $1 AND referral_code IS NULL`, subscriberId, newCode());
    code = (await deps.db.prisma.subscriber.findUniqueOrThrow({ where: { id: subscriberId }, select: { referralCode: true } })).referralCode!;
  }
  return { ok: true, code, startPayload: `${REFERRAL_PAYLOAD_PREFIX}${code}`, program };
}

function newCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => ALPHABET[crypto.randomInt(ALPHABET.length)]).join("");
}

/** The "Invite a friend" button the core puts under a promoter's thanks; the bot answers it like /invite. */
export const inviteButton = defineCallback("invite", z.object({}));
