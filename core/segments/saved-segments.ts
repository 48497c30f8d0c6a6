// Segments the team saves by name from the text form. Saving and deleting
// are written to the audit log. A name is found among the built-in segments
// first ("subscribed", "rfm:at_risk"...), then among the saved ones.
import type { CoreDeps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { writeAudit } from "../audit/audit-log.ts";
import { builtInSegment, type BuiltInGroup } from "./built-in-segments.ts";
import { formatSegmentText } from "./format-segment-text.ts";
import { parseSegmentText } from "./parse-segment-text.ts";
import { segmentDefinitionSchema, type SegmentDefinition } from "./segment-definition.ts";

const NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export class SegmentNotFound extends DomainError {
  constructor(name: string) {
    super("segment_not_found", `There is no segment called '${name}'. /segment list shows them all.`, { name });
  }
}

export class InvalidSegmentName extends DomainError {
  constructor(name: string, reason: string) {
    super("invalid_segment_name", `'${name}' cannot be a segment name: ${reason}.`, { name, reason });
  }
}

export interface NamedSegment {
  /** The key snapshots are kept under: the built-in key or the saved name. */
  key: string;
  kind: "built_in" | "saved";
  group?: BuiltInGroup;
  /** Locale key of a built-in's name; undefined for saved ones (their name is the key). */
  label?: string;
  text: string;
  definition: SegmentDefinition;
  createdBy?: string;
  updatedAt?: Date;
}

export async function findSegment(deps: CoreDeps, name: string): Promise<NamedSegment> {
  const builtIn = builtInSegment(name);
  if (builtIn) {
    return { key: builtIn.key, kind: "built_in", group: builtIn.group, label: builtIn.label, text: formatSegmentText(builtIn.definition), definition: builtIn.definition };
  }
  const row = await deps.db.prisma.savedSegment.findUnique({ where: { name: name.toLowerCase() } });
  if (!row) throw new SegmentNotFound(name);
  return fromRow(row);
}

export async function listSavedSegments(deps: CoreDeps): Promise<NamedSegment[]> {
  const rows = await deps.db.prisma.savedSegment.findMany({ orderBy: { name: "asc" } });
  return rows.map(fromRow);
}

/** Saves (or replaces) a segment; the text is parsed first, so a broken one is never stored. */
export async function saveSegment(deps: CoreDeps, options: { name: string; text: string; actor: string }): Promise<NamedSegment> {
  const name = options.name.trim().toLowerCase();
  if (!NAME.test(name)) throw new InvalidSegmentName(options.name, "use 1-64 of a-z 0-9 _ -, starting with a letter or digit");
  if (builtInSegment(name)) throw new InvalidSegmentName(options.name, "a built-in segment has that name");
  const definition = parseSegmentText(options.text);
  const text = options.text.trim();
  const now = deps.clock.now();
  const previous = await deps.db.prisma.savedSegment.findUnique({ where: { name } });
  const row = await deps.db.prisma.savedSegment.upsert({
    where: { name },
    create: { name, text, definition, createdBy: options.actor, createdAt: now, updatedAt: now },
    update: { text, definition, updatedAt: now },
  });
  // A new rule under an old name: last week's size was of another audience, so "change since last week" starts over.
  if (previous && previous.text !== text) await deps.db.prisma.segmentSnapshot.deleteMany({ where: { segmentKey: name } });
  await writeAudit(deps, {
    actor: options.actor,
    action: "segment.save",
    target: name,
    details: { text, ...(previous ? { previousText: previous.text } : {}) },
  });
  return fromRow(row);
}

export async function deleteSegment(deps: CoreDeps, options: { name: string; actor: string }): Promise<void> {
  const name = options.name.trim().toLowerCase();
  if (builtInSegment(name)) throw new InvalidSegmentName(options.name, "built-in segments cannot be deleted");
  const row = await deps.db.prisma.savedSegment.findUnique({ where: { name } });
  if (!row) throw new SegmentNotFound(options.name);
  await deps.db.prisma.savedSegment.delete({ where: { name } });
  // A later segment with the same name starts a history of its own.
  await deps.db.prisma.segmentSnapshot.deleteMany({ where: { segmentKey: name } });
  await writeAudit(deps, { actor: options.actor, action: "segment.delete", target: name, details: { text: row.text } });
}

function fromRow(row: { name: string; text: string; definition: unknown; createdBy: string; updatedAt: Date }): NamedSegment {
  // Stored JSON is re-validated when read back: a definition from an older version fails loudly here, not in SQL.
  return { key: row.name, kind: "saved", text: row.text, definition: segmentDefinitionSchema.parse(row.definition), createdBy: row.createdBy, updatedAt: row.updatedAt };
}
