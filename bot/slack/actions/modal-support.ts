// What the campaign and segment modals share: where the answer goes (the
// channel the modal came from, kept in private_metadata), the typed values
// read from a view's state with zod, answering a submission within Slack's
// 3 seconds (errors under their fields, or the modal closes and the answer is
// posted), and buttons that open a modal with their trigger_id.
import type { App, BlockButtonAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { z } from "zod";
import type { ActionCodec } from "../action-values.ts";
import { ACK_BUDGET_MS, type SlackReply } from "../reply.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { noticeModal } from "../views/campaign-modal.ts";
import type { Permission } from "../../../core/access/roles.ts";

/** private_metadata (at most 3 000 characters): the channel the modal was opened from; none = the app's DM. */
const metadataSchema = z.object({ channel: z.string().regex(/^[CDG][A-Z0-9]{1,30}$/).optional() });
export type ModalMetadata = z.infer<typeof metadataSchema>;

export function encodeMetadata(metadata: ModalMetadata): string {
  return JSON.stringify(metadataSchema.parse(metadata));
}

/** Damaged or foreign metadata answers in the app's DM rather than failing. */
export function decodeMetadata(text: string | undefined): ModalMetadata {
  try {
    return metadataSchema.parse(JSON.parse(text ?? "{}"));
  } catch {
    return {};
  }
}

/** One field's state as Slack sends it (plain text, number, date, time or select). */
const fieldState = z.object({
  value: z.string().nullish(),
  selected_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullish(),
  selected_time: z.string().regex(/^\d{2}:\d{2}$/).nullish(),
  selected_option: z.object({ value: z.string() }).nullish(),
});
const stateSchema = z.record(z.string(), z.record(z.string(), fieldState));

/** The fields of a view (block id -> action id) as trimmed text; "" for an empty field. */
export function readFields<F extends Record<string, string>>(values: unknown, fields: F): Record<keyof F, string> {
  const state = stateSchema.safeParse(values);
  const read = (block: string, action: string) => {
    const field = state.success ? state.data[block]?.[action] : undefined;
    return (field?.value ?? field?.selected_date ?? field?.selected_time ?? field?.selected_option?.value ?? "").trim();
  };
  return Object.fromEntries(Object.entries(fields).map(([block, action]) => [block, read(block, action)])) as Record<keyof F, string>;
}

/** Posts to whoever submitted: ephemeral in the channel the modal came from, else (or if that fails) in the app's DM. */
export async function postToAsker(deps: SlackDeps, client: WebClient, metadata: ModalMetadata, user: string, reply: SlackReply): Promise<void> {
  const message = { text: reply.text, ...(reply.blocks ? { blocks: reply.blocks.slice(0, 50) } : {}) };
  if (metadata.channel && !metadata.channel.startsWith("D")) {
    try {
      await client.chat.postEphemeral({ channel: metadata.channel, user, ...message });
      return;
    } catch (err) {
      deps.core.logger.warn({ err, channel: metadata.channel }, "could not answer a modal in its channel; answering in the DM");
    }
  }
  await client.chat.postMessage({ channel: user, ...message });
}

export type SubmissionOutcome = { errors: Record<string, string> } | { reply: SlackReply };

export interface SubmissionIO {
  ack: (response?: { response_action: "errors"; errors: Record<string, string> }) => Promise<void>;
  client: WebClient;
  user: string;
  metadata: ModalMetadata;
  /** The block that carries an unexpected failure's message. */
  firstBlock: string;
}

/**
 * Runs a submission's work: done in time, errors go under their fields (the
 * modal stays open) or the modal closes and the reply is posted; late, the
 * modal closes at once and the answer (errors as text) is posted when ready.
 */
export async function answerSubmission(deps: SlackDeps, io: SubmissionIO, work: () => Promise<SubmissionOutcome>, budgetMs = ACK_BUDGET_MS): Promise<void> {
  const log = deps.core.logger.child({ modal: io.firstBlock, user: io.user });
  const pending = work().then(
    (outcome) => ({ ok: true as const, outcome }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), budgetMs);
  });
  const first = await Promise.race([pending, late]);
  clearTimeout(timer);
  if (first !== "late") {
    if (!first.ok) {
      log.error({ err: first.error }, "slack modal submission failed");
      await io.ack({ response_action: "errors", errors: { [io.firstBlock]: deps.t("slack-error") } });
      return;
    }
    if ("errors" in first.outcome) {
      await io.ack({ response_action: "errors", errors: first.outcome.errors });
      return;
    }
    await io.ack();
    await postToAsker(deps, io.client, io.metadata, io.user, first.outcome.reply).catch((err: unknown) => log.error({ err }, "could not post a modal's answer"));
    return;
  }
  await io.ack();
  const done = await pending;
  if (!done.ok) log.error({ err: done.error }, "slack modal submission failed");
  const reply: SlackReply = !done.ok ? { text: deps.t("slack-error") } : "errors" in done.outcome ? { text: Object.values(done.outcome.errors).join("\n") } : done.outcome.reply;
  await postToAsker(deps, io.client, io.metadata, io.user, reply).catch((err: unknown) => log.error({ err }, "could not post a modal's answer"));
}

export interface ModalButtonPress<T> {
  value: T;
  user: string;
  channel: string | undefined;
  triggerId: string;
  client: WebClient;
}

/** Who may open the modal; anyone else gets a notice titled `titleKey` instead of the form. */
export interface ModalGuard {
  permission: Permission;
  titleKey: string;
}

/**
 * A button that opens a modal: acknowledged, its value decoded by its codec,
 * the presser's permission checked (a notice modal instead of the form); the
 * handler opens the view within the trigger's 3 s.
 */
export function onModalButton<T>(app: App, deps: SlackDeps, codec: ActionCodec<T>, guard: ModalGuard, handler: (press: ModalButtonPress<T>) => Promise<void>): void {
  app.action<BlockButtonAction>(codec.actionId, async ({ ack, body, action, client }) => {
    await ack();
    const value = codec.decode(action.value);
    if (value === undefined || !body.trigger_id) {
      deps.core.logger.warn({ action: codec.actionId, value: action.value?.slice(0, 200), user: body.user.id }, "malformed Slack action value refused");
      return;
    }
    if (!(await deps.access.permissions(body.user.id)).has(guard.permission)) {
      await client.views.open({ trigger_id: body.trigger_id, view: noticeModal(deps.t(guard.titleKey), deps.t("slack-denied", { action: guard.permission }), deps.t) });
      return;
    }
    await handler({ value, user: body.user.id, channel: body.channel?.id, triggerId: body.trigger_id, client });
  });
}
