// A trigger chain is data (flows/chains/*.yaml): what starts it, the steps a
// customer walks (waits, messages, surveys, flows, branches), and what stops
// it early. Validated with zod at start; a bad file stops start-up with the
// file, the path inside it and what is wrong.
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { builtInSegment } from "../segments/built-in-segments.ts";
import { parseSegmentText } from "../segments/parse-segment-text.ts";
import type { SegmentDefinition } from "../segments/segment-definition.ts";
import { chainObjectSchema, type ChainDefinition } from "./chain-schema.ts";

export * from "./chain-schema.ts";

export const chainSchema = chainObjectSchema
  .superRefine((chain, ctx) => {
    const checkSegment = (text: string, path: (string | number)[]) => {
      try {
        segmentDefinitionOf(text);
      } catch (err) {
        ctx.addIssue({ code: "custom", path, message: err instanceof Error ? err.message : String(err) });
      }
    };
    if ("segment_entry" in chain.trigger) checkSegment(chain.trigger.segment_entry, ["trigger", "segment_entry"]);
    chain.steps.forEach((s, i) => {
      if ("if" in s && "in_segment" in s.if) checkSegment(s.if.in_segment, ["steps", i, "if", "in_segment"]);
    });
    const ids = new Set(chain.steps.map((s) => s.id).filter(Boolean));
    chain.steps.forEach((s, i) => {
      if ("goto" in s && !ids.has(s.goto)) {
        ctx.addIssue({ code: "custom", path: ["steps", i, "goto"], message: `no step has id "${s.goto}"; ids: ${[...ids].join(", ") || "none"}` });
      }
    });
  });

/** A chain's segment: a built-in key ("rfm:at_risk") or a rule in the text form. */
export function segmentDefinitionOf(text: string): SegmentDefinition {
  return builtInSegment(text.trim())?.definition ?? parseSegmentText(text);
}

export class ChainFileError extends Error {
  override name = "ChainFileError";
}

/**
 * The surveys and flows a chain names must exist in this deployment's
 * flows/ (otherwise every step would fail at send time): checked at start.
 */
export function checkChainDialogues(chains: ChainDefinition[], known: { surveys: string[]; flows: string[] }): void {
  for (const chain of chains) {
    const problems: string[] = [];
    if ("flow_completed" in chain.trigger && !known.flows.includes(chain.trigger.flow_completed)) {
      problems.push(`trigger.flow_completed: no flow "${chain.trigger.flow_completed}"; flows: ${known.flows.join(", ") || "none"}`);
    }
    chain.steps.forEach((step, i) => {
      if ("survey" in step && !known.surveys.includes(step.survey)) problems.push(`steps.${i}.survey: no survey "${step.survey}"; surveys: ${known.surveys.join(", ") || "none"}`);
      if ("flow" in step && !known.flows.includes(step.flow)) problems.push(`steps.${i}.flow: no flow "${step.flow}"; flows: ${known.flows.join(", ") || "none"}`);
    });
    if (problems.length > 0) throw new ChainFileError(`chain "${chain.id}": at ${problems[0]}`);
  }
}

export const CHAINS_DIR = path.resolve(import.meta.dirname, "../../flows/chains");

/** Reads and validates every chain file; the first problem stops start-up with file, path and reason. */
export function loadChains(dir: string = CHAINS_DIR): ChainDefinition[] {
  if (!fs.existsSync(dir)) return [];
  const chains: ChainDefinition[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f)).sort()) {
    const where = path.relative(process.cwd(), path.join(dir, file));
    let raw: unknown;
    try {
      raw = YAML.parse(fs.readFileSync(path.join(dir, file), "utf8"));
    } catch (err) {
      throw new ChainFileError(`${where}: not valid YAML: ${(err as Error).message}`);
    }
    const parsed = chainSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ChainFileError(`${where}: at ${issue.path.join(".") || "(top)"}: ${issue.message}`);
    }
    if (chains.some((c) => c.id === parsed.data.id)) throw new ChainFileError(`${where}: chain id "${parsed.data.id}" is used twice`);
    chains.push(parsed.data);
  }
  return chains;
}
