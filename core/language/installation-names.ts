// The names this installation knows besides the vocabulary: saved segments,
// sources, tags and event types seen, templates, surveys and flows. Words are
// matched against them ("subscribers from instagram_bio", "vip" -> vip_ru),
// and the cheat sheets list them. Each list is one DISTINCT query.
import type { CoreDeps } from "../deps.ts";

export interface InstallationNames {
  segments: string[];
  sources: string[];
  tags: string[];
  events: string[];
  /** Keys of the customers' profile JSON ("city" for profile.city). */
  fields: string[];
  templates: string[];
  surveys: string[];
  flows: string[];
}

export const NO_NAMES: InstallationNames = { segments: [], sources: [], tags: [], events: [], fields: [], templates: [], surveys: [], flows: [] };

/** Up to `limit` names of each kind, the most used first. */
export async function installationNames(deps: CoreDeps, limit = 200): Promise<InstallationNames> {
  const prisma = deps.db.prisma;
  const names = (rows: { name: string | null }[]) => rows.map((r) => r.name).filter((n): n is string => !!n);
  const [segments, sources, tags, events, fields, templates] = await Promise.all([
    prisma.savedSegment.findMany({ select: { name: true }, orderBy: { name: "asc" }, take: limit }),
    prisma.$queryRawUnsafe<{ name: string }[]>(
      `SELECT source AS name FROM subscriber WHERE source IS NOT NULL AND erased_at IS NULL GROUP BY source ORDER BY count(*) DESC, source LIMIT $1`,
      limit,
    ),
    prisma.$queryRawUnsafe<{ name: string }[]>(
      `SELECT t AS name FROM subscriber, unnest(tags) t WHERE erased_at IS NULL GROUP BY t ORDER BY count(*) DESC, t LIMIT $1`,
      limit,
    ),
    prisma.$queryRawUnsafe<{ name: string }[]>(`SELECT type AS name FROM event GROUP BY type ORDER BY count(*) DESC, type LIMIT $1`, limit),
    prisma.$queryRawUnsafe<{ name: string }[]>(
      `SELECT k AS name FROM subscriber, jsonb_object_keys(profile) k WHERE erased_at IS NULL AND jsonb_typeof(profile) = 'object' GROUP BY k ORDER BY count(*) DESC, k LIMIT $1`,
      limit,
    ),
    prisma.messageTemplate.findMany({ select: { name: true }, orderBy: { name: "asc" }, take: limit }),
  ]);
  return {
    segments: names(segments),
    sources: names(sources),
    tags: names(tags),
    events: names(events),
    fields: names(fields).filter((k) => /^[A-Za-z0-9_]{1,64}$/.test(k)),
    templates: names(templates),
    surveys: deps.dialogues.surveys.all().map((s) => s.id),
    flows: deps.dialogues.flows.all().map((f) => f.id),
  };
}
