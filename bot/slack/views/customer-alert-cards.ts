// Block Kit cards for the team alerts about customers (core/ports.ts TeamAlert):
// hot lead, detractor, feedback, help request. Pure: data in, blocks out.
import type { KnownBlock } from "@slack/types";
import type { CustomerCard, TeamAlert } from "../../../core/ports.ts";
import {
  answersSections,
  contactsOf,
  customerName,
  escapeMrkdwn,
  field,
  fieldsSection,
  header,
  named,
  orderFields,
  profileButton,
  textSection,
  threadHint,
  type CardContext,
} from "./card-parts.ts";

import { abDecisionCard, abTestCard } from "./ab-test-cards.ts";

export interface Card {
  /** The notification text (and what clients without blocks show). */
  text: string;
  blocks: KnownBlock[];
}

export function alertCard(alert: TeamAlert, ctx: CardContext): Card {
  switch (alert.kind) {
    case "text":
      return { text: alert.text, blocks: [textSection(escapeMrkdwn(alert.text))] };
    case "erased": {
      const text = ctx.t("slack-card-erased", { id: alert.subscriberId });
      return { text, blocks: [textSection(text)] };
    }
    case "hot_lead":
      return hotLeadCard(alert, ctx);
    case "detractor":
      return detractorCard(alert, ctx);
    case "feedback":
      return feedbackCard(alert, ctx);
    case "help_request":
      return helpRequestCard(alert, ctx);
    case "referral_milestone":
      return customerCard(ctx.t("slack-referral-milestone-title", { name: customerName(alert.customer, ctx.t), friends: alert.friends }), alert.customer, ctx, [
        textSection(ctx.t("slack-referral-milestone-body", { friends: alert.friends })),
        ...fieldsSection([field(ctx.t("slack-field-contacts"), contactsOf(alert.customer, ctx.t))]),
      ]);
    case "ab_test":
      return abTestCard(alert, ctx);
    case "ab_decision":
      return abDecisionCard(alert.campaignId, alert.name, alert.decision, ctx);
  }
}

function hotLeadCard(alert: Extract<TeamAlert, { kind: "hot_lead" }>, ctx: CardContext): Card {
  const { t } = ctx;
  const source = alert.customer.source ?? t("slack-no-source");
  return customerCard(t("slack-hot-lead-title", { name: customerName(alert.customer, t) }), alert.customer, ctx, [
    ...fieldsSection([
      field(t("slack-field-flow"), escapeMrkdwn(named(alert.flow.name, ctx))),
      field(t("slack-field-score"), `${alert.score} (${t("slack-qualification", { qualification: alert.qualification })})`),
      field(t("slack-field-contacts"), contactsOf(alert.customer, t)),
      field(t("slack-field-source"), `${escapeMrkdwn(source)} · ${t("slack-trigger", { trigger: alert.trigger })}`),
    ]),
    ...answersSections(t("slack-field-answers"), alert.answers, ctx),
  ]);
}

function detractorCard(alert: Extract<TeamAlert, { kind: "detractor" }>, ctx: CardContext): Card {
  const { t } = ctx;
  const title = t("slack-detractor-title", {
    survey: named(alert.survey.name, ctx),
    score: alert.score,
    max: alert.scaleMax,
    name: customerName(alert.customer, t),
  });
  const reason = alert.reason.status === "given" ? quote(alert.reason.text) : t(`slack-reason-${alert.reason.status}`);
  return customerCard(title, alert.customer, ctx, [
    textSection(`*${t("slack-field-reason")}*\n${reason}`),
    ...fieldsSection([
      field(t("slack-field-survey-score"), `${alert.score}/${alert.scaleMax}`),
      ...(alert.lifecycleStage ? [field(t("slack-field-stage"), t(`seg-stage-${alert.lifecycleStage}`))] : []),
      ...orderFields(alert.orders, t),
      field(t("slack-field-contacts"), contactsOf(alert.customer, t)),
    ]),
    ...toldSection(alert.toldAnswerFrom, t),
  ]);
}

/** Outside the team's hours the customer was told when someone will answer: the card says so. */
function toldSection(toldAnswerFrom: string | undefined, t: CardContext["t"]) {
  if (!toldAnswerFrom) return [];
  const at = new Date(toldAnswerFrom);
  const when = `<!date^${Math.floor(at.getTime() / 1000)}^{date_long_pretty} {time}|${toldAnswerFrom}>`;
  return [textSection(t("slack-told-after-hours", { when }))];
}

function feedbackCard(alert: Extract<TeamAlert, { kind: "feedback" }>, ctx: CardContext): Card {
  const { t } = ctx;
  return customerCard(t("slack-feedback-title", { name: customerName(alert.customer, t) }), alert.customer, ctx, [
    textSection(quote(alert.text)),
    ...fieldsSection([...orderFields(alert.orders, t), field(t("slack-field-contacts"), contactsOf(alert.customer, t))]),
    ...toldSection(alert.toldAnswerFrom, t),
  ]);
}

function helpRequestCard(alert: Extract<TeamAlert, { kind: "help_request" }>, ctx: CardContext): Card {
  const { t } = ctx;
  return customerCard(t("slack-help-title", { name: customerName(alert.customer, t) }), alert.customer, ctx, [
    ...fieldsSection([
      field(t("slack-field-flow"), escapeMrkdwn(named(alert.flow.name, ctx))),
      field(t("slack-field-stuck-on"), escapeMrkdwn(named(alert.question, ctx))),
      field(t("slack-field-contacts"), contactsOf(alert.customer, t)),
    ]),
    ...answersSections(t("slack-field-answers"), alert.answers, ctx),
    ...toldSection(alert.toldAnswerFrom, t),
  ]);
}

/** Every card about a customer: a title, its body, the profile button and how to answer in the thread. */
function customerCard(title: string, customer: CustomerCard, ctx: CardContext, body: KnownBlock[]): Card {
  return { text: title, blocks: [header(title), ...body, profileButton(customer, ctx.t), threadHint(ctx.t)] };
}

/** The customer's own words, as a Slack quote. */
function quote(text: string): string {
  return `>${escapeMrkdwn(text).replace(/\n/g, "\n>")}`;
}
