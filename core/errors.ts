// Domain errors carry a stable code; the adapters map codes to polite replies.
export class DomainError extends Error {
  constructor(
    readonly code: string,
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
