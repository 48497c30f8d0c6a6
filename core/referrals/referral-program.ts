// The referral programme is data (flows/referrals.yaml), read and validated at
// start-up like the flows: when a reward is earned, what the referrer and the
// friend get (a promo code from an imported pool, or a fixed text), the
// monthly cap per referrer, and the milestones the team hears about.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { readDefinitionFile } from "../dialogues/definition-files.ts";
import { localizedTextSchema, type LocalizedText } from "../dialogues/localized-text.ts";

const poolName = z.string().regex(/^[a-z0-9_-]{1,32}$/, { message: "expected a pool name of 1-32 of a-z, 0-9, _ and -" });

const rewardSchema = z
  .object({
    /** Codes come from this pool (npm run import -- promo-codes.csv); the text shows the code as {code}. */
    pool: poolName.optional(),
    text: localizedTextSchema,
  })
  .strict()
  .refine((r) => !r.pool || Object.values(r.text).every((t) => t.includes("{code}")), {
    message: "a reward with a pool must show the code: put {code} in every language's text",
    path: ["text"],
  });

export const referralProgramSchema = z
  .object({
    /** consent: when the friend confirms the subscription; first_order: at the friend's first paid order. */
    rewardOn: z.enum(["consent", "first_order"]).default("consent"),
    /** Rewards a referrer can get per calendar month (team timezone); friends beyond it still count. */
    monthlyCap: z.number().int().min(0).max(1000).default(5),
    /** Friends counts at which the team channel gets a card about the referrer. */
    milestones: z.array(z.number().int().min(1).max(100_000)).max(20).default([5]),
    /** One line on what the friend and the referrer get, shown with the link. */
    offer: localizedTextSchema,
    /** The text the Share button puts before the link. */
    shareText: localizedTextSchema,
    referrer: rewardSchema.optional(),
    friend: rewardSchema.optional(),
  })
  .strict();

export type ReferralProgram = z.infer<typeof referralProgramSchema>;
export type ReferralReward = NonNullable<ReferralProgram["referrer"]>;

export const REFERRAL_PROGRAM_FILE = "referrals.yaml";

/** flows/referrals.yaml, or undefined when the store runs no referral programme. */
export function loadReferralProgram(flowsDir: string): ReferralProgram | undefined {
  const file = path.join(flowsDir, REFERRAL_PROGRAM_FILE);
  if (!fs.existsSync(file)) return undefined;
  return readDefinitionFile(file, referralProgramSchema).definition;
}

/** A reward text with its promo code in place. */
export function rewardText(text: LocalizedText, language: string, code: string | null, localize: (t: LocalizedText, l: string) => string): string {
  return localize(text, language).replaceAll("{code}", code ?? "");
}
