// Every state-changing action of the team (and of the system on its behalf)
// is written here: who, what, on what, when.
import type { CoreDeps } from "../deps.ts";
import type { Prisma } from "../../generated/prisma/client.ts";

export interface AuditEntry {
  actor: string;
  action: string;
  target?: string | undefined;
  details?: Record<string, unknown>;
}

/** `tx`: write it in the transaction of the change it records, so neither lands without the other. */
export async function writeAudit(deps: CoreDeps, entry: AuditEntry, tx?: Prisma.TransactionClient): Promise<void> {
  await (tx ?? deps.db.prisma).auditLog.create({
    data: {
      at: deps.clock.now(),
      actor: entry.actor,
      action: entry.action,
      target: entry.target ?? null,
      details: (entry.details ?? {}) as object,
    },
  });
}

export async function recentAudit(deps: CoreDeps, limit = 20) {
  return deps.db.prisma.auditLog.findMany({ orderBy: { id: "desc" }, take: limit });
}
