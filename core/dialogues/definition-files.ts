// Flows and surveys are data files (YAML or JSON) read once at start-up. A bad
// file stops the start with the file, the path inside it, its line and what is
// wrong, e.g. `flows/qualification/shoes.yaml: steps[2].options[0].next (line 31): unknown step "size"`.
import fs from "node:fs";
import path from "node:path";
import { isMap, isSeq, LineCounter, parseDocument, type Document } from "yaml";
import type { z } from "zod";

export class DefinitionFileError extends Error {
  override name = "DefinitionFileError";
}

export interface DefinitionFile<T> {
  file: string;
  definition: T;
}

/** Problems found after the schema passed (references between steps, duplicates). */
export interface DefinitionProblem {
  path: (string | number)[];
  message: string;
}

/** Reads every .yaml/.yml/.json file of `dir` (not its sub-folders), validating each with `schema`. */
export function readDefinitionFiles<S extends z.ZodType>(
  dir: string,
  schema: S,
  check: (definition: z.infer<S>) => DefinitionProblem[] = () => [],
): DefinitionFile<z.infer<S>>[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ya?ml|json)$/i.test(entry.name))
    .map((entry) => path.join(dir, entry.name))
    .sort()
    .map((file) => readDefinitionFile(file, schema, check));
}

export function readDefinitionFile<S extends z.ZodType>(
  file: string,
  schema: S,
  check: (definition: z.infer<S>) => DefinitionProblem[] = () => [],
): DefinitionFile<z.infer<S>> {
  const shown = displayPath(file);
  const text = fs.readFileSync(file, "utf8");
  const lines = new LineCounter();
  // JSON is YAML, so one parser reads both and knows the line of every value.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    const at = lines.linePos(error.pos[0]);
    throw new DefinitionFileError(`${shown} (line ${at.line}): ${error.message.split("\n")[0]}`);
  }
  const parsed = schema.safeParse(doc.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DefinitionFileError(describe(shown, doc, lines, issue.path as (string | number)[], issue.message));
  }
  const problem = check(parsed.data)[0];
  if (problem) throw new DefinitionFileError(describe(shown, doc, lines, problem.path, problem.message));
  return { file: shown, definition: parsed.data };
}

export function formatPath(at: readonly (string | number | symbol)[]): string {
  return at
    .map((part, i) => (typeof part === "number" ? `[${part}]` : `${i === 0 ? "" : "."}${String(part)}`))
    .join("");
}

function describe(file: string, doc: Document, lines: LineCounter, at: (string | number)[], message: string): string {
  const where = at.length > 0 ? `${formatPath(at)}` : "(top level)";
  const line = lineOf(doc, lines, at);
  return `${file}: ${where}${line ? ` (line ${line})` : ""}: ${message}`;
}

function lineOf(doc: Document, lines: LineCounter, at: (string | number)[]): number | undefined {
  // The deepest node that exists: a missing key is reported at its parent.
  for (let depth = at.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(at.slice(0, depth), true);
    if (node && typeof node === "object" && "range" in node && Array.isArray(node.range)) {
      return lines.linePos(node.range[0] as number).line;
    }
    if (node && (isMap(node) || isSeq(node))) return undefined;
  }
  return undefined;
}

function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") ? file : relative;
}
