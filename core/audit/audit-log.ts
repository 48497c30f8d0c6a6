// Every state-changing action of the team (and of the system on its behalf)
// is written here: who, what, on what, when.
import type { CoreDeps } from "../deps.ts";

export interface AuditEntry {
  actor: string;
  action: string;
  target?: string | undefined;
  details?: Record<string, unknown>;
}

export async function writeAudit(deps: CoreDeps, entry: AuditEntry): Promise<void> {
  await deps.db.prisma.auditLog.create({
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
