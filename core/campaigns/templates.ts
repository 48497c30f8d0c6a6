// Messages the team saves by name and reuses in /send.
import { z } from "zod";
import type { CoreDeps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { writeAudit } from "../audit/audit-log.ts";
import { messageTemplateSchema, type MessageTemplate } from "./message-template.ts";

export const templateNameSchema = z.string().regex(/^[a-z0-9_-]{1,40}$/i, { message: "use letters, digits, _ and - (at most 40)" });

export class UnknownTemplate extends DomainError {
  constructor(name: string) {
    super("unknown_template", `There is no template "${name}"`, { name });
  }
}

export async function saveTemplate(deps: CoreDeps, input: { name: string; message: MessageTemplate; actor: string }): Promise<void> {
  const name = templateNameSchema.parse(input.name);
  const message = messageTemplateSchema.parse(input.message);
  await deps.db.prisma.messageTemplate.upsert({
    where: { name },
    create: { name, message: message as object, createdBy: input.actor, createdAt: deps.clock.now() },
    update: { message: message as object },
  });
  await writeAudit(deps, { actor: input.actor, action: "template.saved", target: `template:${name}` });
}

export async function getTemplate(deps: CoreDeps, name: string): Promise<MessageTemplate> {
  const row = await deps.db.prisma.messageTemplate.findUnique({ where: { name } });
  if (!row) throw new UnknownTemplate(name);
  return messageTemplateSchema.parse(row.message);
}

export async function listTemplates(deps: CoreDeps): Promise<{ name: string; message: MessageTemplate }[]> {
  const rows = await deps.db.prisma.messageTemplate.findMany({ orderBy: { name: "asc" } });
  return rows.map((r) => ({ name: r.name, message: messageTemplateSchema.parse(r.message) }));
}

export async function deleteTemplate(deps: CoreDeps, input: { name: string; actor: string }): Promise<void> {
  const { count } = await deps.db.prisma.messageTemplate.deleteMany({ where: { name: input.name } });
  if (count === 0) throw new UnknownTemplate(input.name);
  await writeAudit(deps, { actor: input.actor, action: "template.deleted", target: `template:${input.name}` });
}
