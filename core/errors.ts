// Domain errors carry a stable code; the adapters map codes to polite replies
// (Slack: the table in bot/slack/error-replies.ts, texts error-<code> in
// locales/<lang>/slack-errors.ftl). A new code is added here, there, and in
// both locales: the compiler and bot/slack/error-replies.test.ts check it.
export const DOMAIN_ERROR_CODES = [
  "not_found",
  "flow_not_found",
  "survey_not_found",
  "unknown_survey",
  "unknown_flow",
  "unknown_template",
  "invalid_schedule",
  "invalid_campaign_transition",
  "self_approval",
  "empty_audience",
  "segment_text",
  "segment_not_found",
  "invalid_segment_name",
  "customer_not_found",
  "customer_ambiguous",
  "unknown_subscriber",
  "unsupported_language",
  "invalid_period",
  "unknown_period",
  "invalid_spend",
  "invalid_spend_text",
  "invalid_cron",
  "digest_not_posted",
  "csv_import",
  "batch_too_large",
  "chain_not_found",
  "chain_already_paused",
  "chain_not_paused",
  "ab_not_a_test",
  "ab_already_decided",
  "ab_not_running",
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export class NotFound extends DomainError {
  constructor(what: string, id: string | number) {
    super("not_found", `${what} ${id} was not found`, { what, id });
  }
}

export class FlowNotFound extends DomainError {
  constructor(flowId: string) {
    super("flow_not_found", `No flow "${flowId}" in flows/qualification`, { flowId });
  }
}

export class SurveyNotFound extends DomainError {
  constructor(surveyId: string) {
    super("survey_not_found", `No survey "${surveyId}" in flows/surveys`, { surveyId });
  }
}
