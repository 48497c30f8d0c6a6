// Loads every flow and survey file at start-up and checks them against each
// other: unique ids, one owner per command, source and keyword.
import path from "node:path";
import { DefinitionFileError, readDefinitionFiles, type DefinitionFile } from "./definition-files.ts";
import { checkFlow, flowSchema, type FlowDefinition } from "../flows/flow-definition.ts";
import { FlowCatalog } from "../flows/flow-catalog.ts";
import { surveySchema, type SurveyDefinition } from "../surveys/survey-definition.ts";
import { SurveyCatalog } from "../surveys/survey-catalog.ts";
import { loadReferralProgram, type ReferralProgram } from "../referrals/referral-program.ts";

export interface DialogueCatalog {
  flows: FlowCatalog;
  surveys: SurveyCatalog;
  /** flows/referrals.yaml; absent when the store runs no referral programme. */
  referrals?: ReferralProgram | undefined;
}

/** The repository's own flows/ folder. */
export const DEFAULT_FLOWS_DIR = path.resolve(import.meta.dirname, "../../flows");

/** Commands the bot answers itself; a flow or survey cannot take them. */
export const RESERVED_COMMANDS = ["start", "stop", "unsubscribe", "language", "cancel", "help", "settings", "invite"];

/** For tools that never talk to customers (imports, benchmarks). */
export function noDialogues(): DialogueCatalog {
  return { flows: new FlowCatalog([]), surveys: new SurveyCatalog([]) };
}

export function loadDialogues(dir: string = DEFAULT_FLOWS_DIR): DialogueCatalog {
  const flows = readDefinitionFiles(path.join(dir, "qualification"), flowSchema, checkFlow);
  const surveys = readDefinitionFiles(path.join(dir, "surveys"), surveySchema);
  checkAcrossFiles(flows, surveys);
  return {
    flows: new FlowCatalog(flows.map((f) => f.definition)),
    surveys: new SurveyCatalog(surveys.map((s) => s.definition)),
    referrals: loadReferralProgram(dir),
  };
}

function checkAcrossFiles(flows: DefinitionFile<FlowDefinition>[], surveys: DefinitionFile<SurveyDefinition>[]): void {
  const owners = new Map<string, string>();
  const claim = (key: string, file: string, what: string) => {
    const owner = owners.get(key);
    if (owner) throw new DefinitionFileError(`${file}: ${what} is already used by ${owner}`);
    owners.set(key, file);
  };
  for (const command of RESERVED_COMMANDS) owners.set(`command:${command}`, "the bot itself");
  for (const { file, definition } of flows) {
    claim(`flow:${definition.id}`, file, `flow id "${definition.id}"`);
    definition.triggers.commands.forEach((c) => claim(`command:${c}`, file, `triggers.commands: /${c}`));
    definition.triggers.sources.forEach((s) => claim(`source:${s}`, file, `triggers.sources: ${s}`));
    definition.triggers.keywords.forEach((k) => claim(`keyword:${k.toLowerCase()}`, file, `triggers.keywords: "${k}"`));
  }
  for (const { file, definition } of surveys) {
    claim(`survey:${definition.id}`, file, `survey id "${definition.id}"`);
    definition.commands.forEach((c) => claim(`command:${c}`, file, `commands: /${c}`));
  }
}
