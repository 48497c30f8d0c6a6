// The campaign modal (`/send` with nothing after it, New campaign on App
// Home and under `/segment show`) and the segment modal (New segment): pure
// builders. The same block ids on every update, so what was typed stays when
// the modal is redrawn with the audience's size (views.update).
import type { KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import type { Translate } from "../../../core/i18n.ts";
import type { InstallationNames } from "../../../core/language/installation-names.ts";
import { PLACEHOLDERS } from "../../../core/campaigns/message-template.ts";
import { BUILT_IN_SEGMENTS } from "../../../core/segments/built-in-segments.ts";

export const CAMPAIGN_MODAL = "campaign_modal";
export const SEGMENT_MODAL = "segment_modal";

/** Block id -> action id of each field. */
export const CAMPAIGN_FIELDS = {
  audience: "audience_input",
  message: "message_input",
  date: "date_input",
  time: "time_input",
  holdout: "holdout_input",
  ab: "ab_input",
  content: "content_input",
} as const;
export const SEGMENT_FIELDS = { segment_name: "segment_name_input", segment_rule: "segment_rule_input" } as const;

/** Slack's limits: plain text in labels and hints, a modal's title, blocks in a modal, options in a select. */
const HINT = 2000;
const TITLE = 24;
const MODAL_BLOCKS = 100;
const OPTIONS = 100;
const NOTE = 3000;

export interface CampaignModalState {
  /** private_metadata: where the card goes (views/modal-metadata). */
  metadata: string;
  /** What the audience field starts with (the segment a New campaign button came from). */
  audience?: string;
  /** This installation's names: the hint's segments, the surveys and flows to choose from. Absent until filled in. */
  names?: InstallationNames;
  /** How the audience was read: "Understood as … · N people", or what is wrong (mrkdwn). */
  audienceNote?: string;
  /** The message's placeholder check and preview (mrkdwn). */
  messageNote?: string;
  timezone: string;
}

export function campaignModal(state: CampaignModalState, t: Translate): ModalView {
  const names = state.names;
  const segments = names ? [...BUILT_IN_SEGMENTS.map((s) => s.key), ...names.segments] : [];
  const content = names ? contentOptions(names, t) : [];
  const blocks: KnownBlock[] = [
    wordsInput({
      blockId: "audience",
      actionId: CAMPAIGN_FIELDS.audience,
      label: t("modal-audience"),
      hint: segments.length ? t("modal-audience-hint", { names: segments.join(", ") }) : t("modal-audience-hint-short"),
      initial: state.audience,
      t,
    }),
    note("audience_note", state.audienceNote ?? t("modal-audience-note")),
    {
      type: "input",
      block_id: "message",
      optional: true,
      label: plain(t("modal-message")),
      hint: plain(t("modal-message-hint", { placeholders: PLACEHOLDERS.map((p) => `{${p}}`).join(", ") })),
      element: { type: "plain_text_input", action_id: CAMPAIGN_FIELDS.message, multiline: true, max_length: 3000, placeholder: plain(t("modal-message-placeholder")) },
    },
    ...(state.messageNote ? [note("message_note", state.messageNote)] : []),
    { type: "input", block_id: "date", optional: true, label: plain(t("modal-date")), hint: plain(t("modal-date-hint")), element: { type: "datepicker", action_id: CAMPAIGN_FIELDS.date } },
    {
      type: "input",
      block_id: "time",
      optional: true,
      label: plain(t("modal-time", { timezone: state.timezone })),
      hint: plain(t("modal-time-hint")),
      element: { type: "timepicker", action_id: CAMPAIGN_FIELDS.time, timezone: state.timezone },
    },
    {
      type: "input",
      block_id: "holdout",
      optional: true,
      label: plain(t("modal-holdout")),
      hint: plain(t("modal-holdout-hint")),
      element: { type: "number_input", action_id: CAMPAIGN_FIELDS.holdout, is_decimal_allowed: false, min_value: "0", max_value: "50" },
    },
    {
      type: "input",
      block_id: "ab",
      optional: true,
      label: plain(t("modal-ab")),
      hint: plain(t("modal-ab-hint")),
      element: { type: "plain_text_input", action_id: CAMPAIGN_FIELDS.ab, multiline: true, max_length: 3000 },
    },
    ...(content.length
      ? [
          {
            type: "input",
            block_id: "content",
            optional: true,
            label: plain(t("modal-content")),
            hint: plain(t("modal-content-hint")),
            element: { type: "static_select", action_id: CAMPAIGN_FIELDS.content, placeholder: plain(t("modal-content-none")), options: content },
          } satisfies KnownBlock,
        ]
      : []),
  ];
  return {
    type: "modal",
    callback_id: CAMPAIGN_MODAL,
    private_metadata: state.metadata,
    title: plain(t("modal-campaign-title"), TITLE),
    submit: plain(t("modal-campaign-submit"), TITLE),
    close: plain(t("modal-cancel"), TITLE),
    blocks: blocks.slice(0, MODAL_BLOCKS),
  };
}

/** "survey:nps", "flow:lead": the value the submission reads back. */
function contentOptions(names: InstallationNames, t: Translate): PlainTextOption[] {
  return [
    ...names.surveys.map((id) => ({ text: plain(t("modal-content-survey", { id }), 75), value: `survey:${id}` })),
    ...names.flows.map((id) => ({ text: plain(t("modal-content-flow", { id }), 75), value: `flow:${id}` })),
  ].slice(0, OPTIONS);
}

export interface SegmentModalState {
  metadata: string;
  /** The definition the field starts with (a preview's rule). */
  rule?: string;
  /** How the definition was read and how many it holds (mrkdwn). */
  note?: string;
}

export function segmentModal(state: SegmentModalState, t: Translate): ModalView {
  const blocks: KnownBlock[] = [
    {
      type: "input",
      block_id: "segment_name",
      label: plain(t("modal-segment-name")),
      hint: plain(t("modal-segment-name-hint")),
      element: { type: "plain_text_input", action_id: SEGMENT_FIELDS.segment_name, max_length: 64, placeholder: plain("vip_ru") },
    },
    wordsInput({ blockId: "segment_rule", actionId: SEGMENT_FIELDS.segment_rule, label: t("modal-segment-rule"), hint: t("modal-segment-rule-hint"), initial: state.rule, t }),
    note("segment_note", state.note ?? t("modal-audience-note")),
  ];
  return {
    type: "modal",
    callback_id: SEGMENT_MODAL,
    private_metadata: state.metadata,
    title: plain(t("modal-segment-title"), TITLE),
    submit: plain(t("modal-segment-submit"), TITLE),
    close: plain(t("modal-cancel"), TITLE),
    blocks,
  };
}

/** A modal that only says something (not allowed to open the form). */
export function noticeModal(title: string, text: string, t: Translate): ModalView {
  return { type: "modal", title: plain(title, TITLE), close: plain(t("modal-close"), TITLE), blocks: [{ type: "section", text: { type: "mrkdwn", text: text.slice(0, NOTE) } }] };
}

/** An audience typed as a name, a rule or words; Enter sends it back for "Understood as" and its size. */
function wordsInput(input: { blockId: string; actionId: string; label: string; hint: string; initial: string | undefined; t: Translate }): KnownBlock {
  return {
    type: "input",
    block_id: input.blockId,
    dispatch_action: true,
    label: plain(input.label),
    hint: plain(input.hint),
    element: {
      type: "plain_text_input",
      action_id: input.actionId,
      max_length: 2000,
      placeholder: plain(input.t("modal-audience-placeholder")),
      dispatch_action_config: { trigger_actions_on: ["on_enter_pressed"] },
      ...(input.initial ? { initial_value: input.initial } : {}),
    },
  };
}

function note(blockId: string, text: string): KnownBlock {
  return { type: "context", block_id: blockId, elements: [{ type: "mrkdwn", text: text.slice(0, NOTE) }] };
}

function plain(text: string, max = HINT) {
  return { type: "plain_text" as const, text: text.length > max ? `${text.slice(0, max - 1)}…` : text };
}
