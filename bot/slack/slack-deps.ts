import type { CoreDeps } from "../../core/deps.ts";
import type { Translate } from "../../core/i18n.ts";
import type { SlackAccess } from "./access-control.ts";
import type { ReplyTexts } from "./reply.ts";

export interface SlackDeps {
  core: CoreDeps;
  /** Team-facing text in the team's language. */
  t: Translate;
  /** The team's language (SLACK_LANGUAGE), for text the core renders and texts written in data files. */
  language: string;
  replyTexts: ReplyTexts;
  teamChannel?: string | undefined;
  /** Who may do what (SLACK_ADMINS, SLACK_SENDERS, ...). */
  access: SlackAccess;
  /** CAMPAIGN_APPROVAL=required: a second person approves every campaign. */
  approvalRequired: boolean;
  /** Messages per second (for ETAs). */
  deliveryRate: number;
  /** The language of each channel that gets the weekly digest (DIGEST_CHANNELS), for /digest now there. */
  digestLanguages?: Map<string, string>;
}
