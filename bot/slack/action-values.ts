// The values of the Slack buttons we post, typed and validated on the way back
// in (as core/button-data.ts does for Telegram's callback data): one zod codec
// per action, from the string Slack carries (at most 2 000 characters) to the
// data its handler needs. Views build buttons with `button(codec, value, ...)`;
// handlers registered with `onButton` (actions/on-button.ts) get the decoded
// value, never a raw string. A new button: a codec here, then both sides.
import type { Button } from "@slack/types";
import { z } from "zod";

/** Slack's limit on a button's value. */
const MAX_VALUE = 2000;
const MAX_ID = 2_147_483_647;

export interface ActionCodec<T> {
  readonly actionId: string;
  encode(value: T): string;
  /** The validated value, or undefined for a value that is not ours or is damaged. */
  decode(value: string | undefined): T | undefined;
}

export function defineAction<C extends z.ZodType<unknown, string>>(actionId: string, codec: C): ActionCodec<z.output<C>> {
  return {
    actionId,
    encode(value) {
      const encoded = codec.encode(value);
      if (encoded.length > MAX_VALUE) throw new Error(`${actionId}: a button value is at most ${MAX_VALUE} characters`);
      return encoded;
    },
    decode(value) {
      if (value === undefined || value.length > MAX_VALUE) return undefined;
      const decoded = codec.safeDecode(value as z.input<C>);
      return decoded.success ? decoded.data : undefined;
    },
  };
}

/** A Block Kit button carrying `value` for `codec`'s action. */
export function button<T>(codec: ActionCodec<T>, value: T, text: string, style?: "primary" | "danger"): Button {
  return { type: "button", action_id: codec.actionId, value: codec.encode(value), text: { type: "plain_text", text }, ...(style ? { style } : {}) };
}

/** A database id (a campaign, a customer) as its digits. */
export const idValue = z.codec(z.string().regex(/^\d{1,10}$/), z.number().int().positive().max(MAX_ID), {
  decode: (digits) => Number(digits),
  encode: (id) => String(id),
});

/** Structured data as JSON, checked against `schema` both ways. */
export function jsonValue<S extends z.ZodType>(schema: S) {
  return z.codec(z.string().max(MAX_VALUE), schema, {
    decode: (text, ctx) => {
      try {
        return JSON.parse(text) as z.input<S>;
      } catch {
        ctx.issues.push({ code: "custom", message: "not JSON", input: text });
        return z.NEVER;
      }
    },
    encode: (value) => JSON.stringify(value),
  });
}

// The pre-flight card (views/preflight-card.ts) and the approval request (views/approval-request.ts).
export const CAMPAIGN_SCHEDULE = defineAction("campaign_schedule", idValue);
export const CAMPAIGN_EDIT = defineAction("campaign_edit", jsonValue(z.object({ id: z.number().int().positive().max(MAX_ID), command: z.string().max(1800) })));
export const CAMPAIGN_DISCARD = defineAction("campaign_discard", idValue);
export const CAMPAIGN_APPROVE = defineAction("campaign_approve", idValue);
export const CAMPAIGN_REJECT = defineAction("campaign_reject", idValue);
// /customer erase's confirmation (views/customer-erase-view.ts).
export const CUSTOMER_ERASE = defineAction("customer_erase", idValue);
// "Open profile" on a customer card (views/card-parts.ts).
export const OPEN_PROFILE = defineAction("customer_profile_open", idValue);
// An A/B test's card in the team channel (views/ab-test-cards.ts): the campaign id.
export const AB_SEND_A = defineAction("ab_send_a", idValue);
export const AB_SEND_B = defineAction("ab_send_b", idValue);
export const AB_WAIT = defineAction("ab_wait", idValue);
// The digest's "Open in /send": the proposed campaign's /send words (views/digest-view.ts).
export const DIGEST_PROPOSAL = defineAction("digest_open_send", z.string().min(1).max(MAX_VALUE));
// A reading offered when words allow several (views/understood-view.ts): the exact form to run.
export type NaturalCommand = "/segment" | "/send" | "/metrics";
const formValue = jsonValue(z.object({ form: z.string().min(1).max(1800) }));
export const WORDS_CHOICE: Record<NaturalCommand, ActionCodec<{ form: string }>> = {
  "/segment": defineAction("words_segment", formValue),
  "/send": defineAction("words_send", formValue),
  "/metrics": defineAction("words_metrics", formValue),
};
// "What do these mean?" under /metrics (every figure) and under the digest (its figures) (views/metrics-view.ts, views/digest-view.ts).
export const METRICS_DEFINITIONS = defineAction("metrics_definitions", z.enum(["all", "digest"]));
// Buttons that open a modal (views/campaign-modal.ts): New campaign (App Home, under /segment show: the audience to start with)
// and New segment (App Home, under /segment list and preview: the rule to start with).
export const OPEN_CAMPAIGN_MODAL = defineAction("campaign_modal_open", jsonValue(z.object({ audience: z.string().max(1800).optional() })));
export const OPEN_SEGMENT_MODAL = defineAction("segment_modal_open", jsonValue(z.object({ rule: z.string().max(1800).optional() })));
