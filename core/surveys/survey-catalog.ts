// The surveys this deployment runs, loaded once at start.
import type { SurveyDefinition } from "./survey-definition.ts";

export class SurveyCatalog {
  private readonly byId = new Map<string, SurveyDefinition>();

  constructor(surveys: SurveyDefinition[]) {
    for (const survey of surveys) this.byId.set(survey.id, survey);
  }

  get(id: string): SurveyDefinition | undefined {
    return this.byId.get(id);
  }

  all(): SurveyDefinition[] {
    return [...this.byId.values()];
  }

  forCommand(command: string): SurveyDefinition | undefined {
    return this.all().find((s) => s.commands.includes(command.toLowerCase()));
  }
}
