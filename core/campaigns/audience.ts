// Which customers a campaign's segment selects, as SQL (one query returning
// subscriber_id). Consent, blocking and erasure are applied on top of it when
// the audience is materialized, so a segment never has to remember them.
import { z } from "zod";

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

/** The audience a short text names: "everyone" or "tag:<tag>". */
export function audienceFromText(text: string): AudienceDefinition {
  const t = text.trim();
  if (t === "everyone" || t === "all") return { type: "all" };
  const tag = /^tag:([\w-]+)$/.exec(t);
  if (tag) return { type: "tag", tag: tag[1]! };
  throw new Error(`unknown audience "${text}": use everyone or tag:<tag>`);
}

/** Renumbers $n placeholders so the audience's parameters follow `offset` earlier ones. */
export function shiftParams(sql: string, offset: number): string {
  return offset === 0 ? sql : sql.replace(/\$(\d+)/g, (_m, n: string) => `$${Number(n) + offset}`);
}
