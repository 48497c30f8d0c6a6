// Which customers a campaign's segment selects, as SQL (one query returning
// subscriber_id). Consent, blocking and erasure are applied on top of it when
// the audience is materialized, so a segment never has to remember them.
import { z } from "zod";
import type { CoreDeps } from "../deps.ts";
import { DomainError } from "../errors.ts";

export interface AudienceQuery {
  sql: string;
  params: unknown[];
}

export const audienceDefinitionSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("all") }),
  z.object({ type: z.literal("tag"), tag: z.string().min(1) }),
]);
export type AudienceDefinition = z.infer<typeof audienceDefinitionSchema>;

export function audienceQuery(definition: unknown): AudienceQuery {
  const d = audienceDefinitionSchema.parse(definition);
  switch (d.type) {
    case "all":
      return { sql: "SELECT id AS subscriber_id FROM subscriber", params: [] };
    case "tag":
      return { sql: "SELECT id AS subscriber_id FROM subscriber WHERE $1 = ANY(tags)", params: [d.tag] };
  }
}

export class UnknownSegment extends DomainError {
  constructor(text: string) {
    super("unknown_segment", `I don't know the segment "${text}". Use everyone or tag:<tag>.`, { text });
  }
}

/** The audience a short text names: "everyone" or "tag:<tag>". */
export function audienceFromText(text: string): AudienceDefinition {
  const t = text.trim();
  if (t === "everyone" || t === "all") return { type: "all" };
  const tag = /^tag:([\w-]+)$/.exec(t);
  if (tag) return { type: "tag", tag: tag[1]! };
  throw new UnknownSegment(text);
}

/** What a campaign's segment text refers to, as stored on the campaign. */
export async function resolveAudience(_deps: CoreDeps, text: string): Promise<{ text: string; definition: AudienceDefinition }> {
  return { text: text.trim(), definition: audienceFromText(text) };
}

/** Renumbers $n placeholders so the audience's parameters follow `offset` earlier ones. */
export function shiftParams(sql: string, offset: number): string {
  return offset === 0 ? sql : sql.replace(/\$(\d+)/g, (_m, n: string) => `$${Number(n) + offset}`);
}
