// The customer's profile as a Slack modal, opened from a card's "Open profile" button.
import type { ModalView } from "@slack/types";
import type { CustomerProfile } from "../../../core/subscribers/customer-profile.ts";
import { customerCardOf } from "../../../core/team-threads/customer-card.ts";
import { localize } from "../../../core/dialogues/localized-text.ts";
import { customerName, escapeMrkdwn, field, fieldsSection, orderFields, slackDate, textSection, truncate, type CardContext } from "./card-parts.ts";

export function customerProfileView(profile: CustomerProfile | undefined, ctx: CardContext): ModalView {
  const { t } = ctx;
  const base = {
    type: "modal" as const,
    title: { type: "plain_text" as const, text: truncate(t("slack-profile-title"), 24) },
    close: { type: "plain_text" as const, text: t("slack-profile-close") },
  };
  if (!profile) return { ...base, blocks: [textSection(t("slack-profile-missing"))] };
  const { subscriber, orders, latestLead, latestNps } = profile;
  const none = t("slack-profile-none");
  const customFields = Object.entries((subscriber.profile ?? {}) as Record<string, unknown>).map(
    ([key, value]) => `• ${escapeMrkdwn(key)}: ${escapeMrkdwn(Array.isArray(value) ? value.join(", ") : String(value))}`,
  );
  return {
    ...base,
    blocks: [
      textSection(`*${escapeMrkdwn(customerName(customerCardOf(subscriber), t))}*`),
      ...fieldsSection([
        field(t("slack-profile-telegram"), subscriber.username ? `<https://t.me/${subscriber.username}|@${subscriber.username}>` : subscriber.telegramId ? `id ${subscriber.telegramId}` : none),
        field(t("slack-profile-language"), subscriber.language),
        field(t("slack-profile-consent"), subscriber.consentStatus + (subscriber.blockedAt ? " (blocked)" : "")),
        field(t("slack-profile-since"), slackDate(subscriber.createdAt)),
        field(t("slack-profile-email"), subscriber.email ? escapeMrkdwn(subscriber.email) : none),
        field(t("slack-profile-phone"), subscriber.phone ? escapeMrkdwn(subscriber.phone) : none),
        field(t("slack-profile-source"), subscriber.source ? escapeMrkdwn(subscriber.source) : none),
        field(t("slack-profile-tags"), subscriber.tags.length > 0 ? subscriber.tags.map(escapeMrkdwn).join(", ") : none),
      ]),
      ...fieldsSection([
        field(t("slack-field-stage"), t(`seg-stage-${profile.lifecycleStage}`)),
        ...orderFields(orders, t),
        field(
          t("slack-profile-lead"),
          latestLead
            ? t("slack-profile-lead-value", {
                flow: latestLead.flowName ? localize(latestLead.flowName, ctx.language) : latestLead.flowId,
                score: latestLead.score,
                qualification: t("slack-qualification", { qualification: latestLead.qualification }),
              })
            : none,
        ),
        field(t("slack-profile-nps"), latestNps ? `${latestNps.score}/10 · ${slackDate(latestNps.answeredAt)}${latestNps.comment ? `\n>${escapeMrkdwn(latestNps.comment)}` : ""}` : none),
      ]),
      ...(customFields.length > 0 ? [textSection(`*${t("slack-profile-fields")}*\n${customFields.join("\n")}`)] : []),
    ],
  };
}
