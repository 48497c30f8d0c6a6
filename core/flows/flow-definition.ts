// The shape of a qualification flow file (flows/qualification/*.yaml). The
// README documents it with an example; this schema is the authority.
import { z } from "zod";
import { localizedTextSchema } from "../dialogues/localized-text.ts";
import type { DefinitionProblem } from "../dialogues/definition-files.ts";
import { sourceSchema } from "../subscribers/source.ts";

export const END = "end";
const MAX_OPTIONS = 10;

// Deep links are ?start=flow_<id>: 64 characters at most in all.
export const flowIdSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,58}$/, {
  message: "expected 1-59 of a-z, 0-9, - and _, starting with a letter or digit",
});
const stepIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, { message: "expected 1-64 of A-Z, a-z, 0-9, - and _" })
  .refine((id) => id !== END, { message: `"${END}" is reserved: it finishes the flow` });
const nextSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { message: `expected a step id or "${END}"` });
export const commandSchema = z.string().regex(/^[a-z0-9_]{1,32}$/, { message: "expected 1-32 of a-z, 0-9 and _ (a Telegram command, without /)" });
const tagSchema = z.string().regex(/^[a-z0-9][a-z0-9_:-]{0,63}$/, { message: "expected a tag of a-z, 0-9, _, : and -" });

/** Where an answer is written: a profile column or a custom key of the subscriber's profile JSON. */
export const saveTargetSchema = z.union(
  [
    z.enum(["firstName", "lastName", "email", "phone"]),
    z.string().regex(/^profile\.[A-Za-z][A-Za-z0-9_]{0,63}$/),
  ],
  { message: "expected firstName, lastName, email, phone or profile.<key>" },
);
export type SaveTarget = z.infer<typeof saveTargetSchema>;

const effects = {
  /** Added to the lead score when this answer is given. */
  score: z.number().int().min(-1000).max(1000).optional(),
  /** Added to the subscriber's tags when this answer is given. */
  tags: z.array(tagSchema).max(20).optional(),
};

const optionSchema = z
  .object({
    value: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, { message: "expected 1-64 of A-Z, a-z, 0-9, _, . and -" }),
    label: localizedTextSchema,
    next: nextSchema.optional(),
    ...effects,
  })
  .strict();

const stepBase = {
  id: stepIdSchema,
  text: localizedTextSchema,
  /** A short name for the team's cards ("Phone"); the question text by default. */
  label: localizedTextSchema.optional(),
  save: saveTargetSchema.optional(),
  /** Offers a Skip button; skipped answers add nothing. */
  optional: z.boolean().default(false),
  next: nextSchema.optional(),
  ...effects,
};

const scoreRuleSchema = z
  .object({ min: z.number().optional(), max: z.number().optional(), score: z.number().int(), tags: z.array(tagSchema).optional() })
  .strict();

const branchSchema = z.object({ next: nextSchema.optional(), ...effects }).strict();

export const stepSchema = z.discriminatedUnion(
  "type",
  [
    z.object({ ...stepBase, type: z.literal("single"), options: z.array(optionSchema).min(2).max(MAX_OPTIONS) }).strict(),
    z
      .object({
        ...stepBase,
        type: z.literal("multiple"),
        options: z.array(optionSchema.omit({ next: true }).strict()).min(2).max(MAX_OPTIONS),
        minSelected: z.number().int().min(0).default(1),
        maxSelected: z.number().int().min(1).optional(),
      })
      .strict(),
    z.object({ ...stepBase, type: z.literal("text"), maxLength: z.number().int().min(1).max(4000).default(1000) }).strict(),
    z.object({ ...stepBase, type: z.literal("email") }).strict(),
    z.object({ ...stepBase, type: z.literal("phone") }).strict(),
    z
      .object({
        ...stepBase,
        type: z.literal("number"),
        min: z.number().optional(),
        max: z.number().optional(),
        integer: z.boolean().default(false),
        /** Score by range: the first rule whose min <= answer <= max applies. */
        scoring: z.array(scoreRuleSchema).max(20).optional(),
      })
      .strict(),
    z.object({ ...stepBase, type: z.literal("date"), future: z.boolean().default(true) }).strict(),
    z.object({ ...stepBase, type: z.literal("yesno"), yes: branchSchema.optional(), no: branchSchema.optional() }).strict(),
  ],
  { message: "expected type: single, multiple, text, email, phone, number, date or yesno" },
);
export type FlowStep = z.infer<typeof stepSchema>;
export type StepType = FlowStep["type"];

export const flowSchema = z
  .object({
    id: flowIdSchema,
    /** Shown to customers (continue/restart offers) and to the team (cards). */
    name: localizedTextSchema,
    /** Sent before the first question. */
    intro: localizedTextSchema.optional(),
    triggers: z
      .object({
        commands: z.array(commandSchema).max(5).default([]),
        /** A message containing one of these words or phrases starts the flow (when nothing else awaits an answer). */
        keywords: z.array(z.string().trim().min(2).max(64)).max(30).default([]),
        /** Deep-link sources (?start=<source>) that start this flow. ?start=flow_<id> always does. */
        sources: z.array(sourceSchema).max(30).default([]),
      })
      .strict()
      .default({ commands: [], keywords: [], sources: [] }),
    /** A customer who comes back after this many hours is asked to continue or start over. */
    resumeAfterHours: z.number().positive().max(24 * 90).default(12),
    qualification: z
      .object({ hot: z.number().int(), warm: z.number().int() })
      .strict()
      .refine((q) => q.warm <= q.hot, { message: "warm must not be above hot" }),
    /** The last message: `default`, or one per qualification. */
    outro: z
      .object({ default: localizedTextSchema, hot: localizedTextSchema.optional(), warm: localizedTextSchema.optional(), cold: localizedTextSchema.optional() })
      .strict(),
    steps: z.array(stepSchema).min(1).max(50),
  })
  .strict();

export type FlowDefinition = z.infer<typeof flowSchema>;
export type Qualification = "hot" | "warm" | "cold";

/** What the schema cannot say: references between steps, duplicates, bounds. */
export function checkFlow(flow: FlowDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const ids = new Set<string>();
  flow.steps.forEach((step, i) => {
    if (ids.has(step.id)) problems.push({ path: ["steps", i, "id"], message: `step id "${step.id}" is used twice` });
    ids.add(step.id);
  });
  const checkNext = (next: string | undefined, at: (string | number)[]) => {
    if (next !== undefined && next !== END && !ids.has(next)) {
      problems.push({ path: at, message: `unknown step "${next}" (steps: ${[...ids].join(", ")}, or ${END})` });
    }
  };
  flow.triggers.sources.forEach((source, i) => {
    if (source.startsWith("flow_")) problems.push({ path: ["triggers", "sources", i], message: "flow_... links are reserved for ?start=flow_<id>" });
  });
  flow.steps.forEach((step, i) => {
    checkNext(step.next, ["steps", i, "next"]);
    if (step.type === "single" || step.type === "multiple") {
      const values = step.options.map((o) => o.value);
      values.forEach((v, j) => {
        if (values.indexOf(v) !== j) problems.push({ path: ["steps", i, "options", j, "value"], message: `option value "${v}" is used twice` });
      });
    }
    if (step.type === "single") step.options.forEach((o, j) => checkNext(o.next, ["steps", i, "options", j, "next"]));
    if (step.type === "yesno") {
      checkNext(step.yes?.next, ["steps", i, "yes", "next"]);
      checkNext(step.no?.next, ["steps", i, "no", "next"]);
    }
    if (step.type === "multiple") {
      if (step.minSelected > step.options.length) problems.push({ path: ["steps", i, "minSelected"], message: "is more than the number of options" });
      if (step.maxSelected !== undefined && step.maxSelected < Math.max(1, step.minSelected)) {
        problems.push({ path: ["steps", i, "maxSelected"], message: "must not be below minSelected" });
      }
    }
    if (step.type === "number" && step.min !== undefined && step.max !== undefined && step.min > step.max) {
      problems.push({ path: ["steps", i, "max"], message: "must not be below min" });
    }
    if (step.save === "email" && step.type !== "email") problems.push({ path: ["steps", i, "save"], message: "only an email step can save to email" });
    if (step.save === "phone" && step.type !== "phone") problems.push({ path: ["steps", i, "save"], message: "only a phone step can save to phone" });
  });
  return problems;
}

export function qualify(flow: FlowDefinition, score: number): Qualification {
  if (score >= flow.qualification.hot) return "hot";
  if (score >= flow.qualification.warm) return "warm";
  return "cold";
}

export function stepById(flow: FlowDefinition, id: string): FlowStep | undefined {
  return flow.steps.find((s) => s.id === id);
}

/** The step after `step` when the answer names no branch: its `next`, else the following step, else the end. */
export function defaultNext(flow: FlowDefinition, step: FlowStep): string {
  if (step.next) return step.next;
  const i = flow.steps.indexOf(step);
  return flow.steps[i + 1]?.id ?? END;
}

/**
 * Where a skipped answer goes. A skipped answer chose no branch, so the steps
 * only some answers lead to ("how much do you run?" after "running") are
 * passed over: the step's own `next`, else the first later step that every
 * answer's path reaches (where the branches join), else the end.
 */
export function skipNext(flow: FlowDefinition, step: FlowStep): string {
  if (step.next) return step.next;
  const targets = branchesOf(flow, step);
  if (new Set(targets).size <= 1) return defaultNext(flow, step);
  const reached = targets.map((target) => reachableFrom(flow, target));
  const later = [...flow.steps.slice(flow.steps.indexOf(step) + 1).map((s) => s.id), END];
  return later.find((id) => reached.every((r) => r.has(id))) ?? END;
}

/** Where each answer to `step` leads. */
function branchesOf(flow: FlowDefinition, step: FlowStep): string[] {
  const fallback = defaultNext(flow, step);
  if (step.type === "single") return step.options.map((o) => o.next ?? fallback);
  if (step.type === "yesno") return [step.yes?.next ?? fallback, step.no?.next ?? fallback];
  return [fallback];
}

function reachableFrom(flow: FlowDefinition, start: string): Set<string> {
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const step = stepById(flow, id);
    if (step) queue.push(...branchesOf(flow, step));
  }
  return seen;
}
