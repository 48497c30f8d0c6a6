// Drafts are not campaigns until scheduled. /send creates one for the
// pre-flight card (its id fixes every customer's holdout and variant bucket,
// so the card's numbers are what materialization does); Cancel and Edit drop
// it, and one nobody scheduled expires after DRAFT_TTL_HOURS. Neither is
// audited and neither leaves a "cancelled" campaign behind: only scheduling,
// approval and what follows are (campaigns.ts).
import type { CoreDeps } from "../deps.ts";

export const DRAFT_TTL_HOURS = 24;

/** Drops a draft; false when it is no draft (any more): scheduled meanwhile, or already gone. */
export async function discardDraft(deps: CoreDeps, input: { id: number }): Promise<boolean> {
  const { count } = await deps.db.prisma.campaign.deleteMany({ where: { id: input.id, status: "draft" } });
  return count > 0;
}

/** Drafts older than DRAFT_TTL_HOURS go, quietly (scheduler job "campaigns.expire-drafts"). */
export async function expireDrafts(deps: CoreDeps): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - DRAFT_TTL_HOURS * 3_600_000);
  const { count } = await deps.db.prisma.campaign.deleteMany({ where: { status: "draft", createdAt: { lt: before } } });
  if (count > 0) deps.logger.info({ count }, "unscheduled drafts expired");
  return count;
}

export interface DraftSummary {
  id: number;
  name: string;
  segmentText: string;
  sendAt: Date;
  createdBy: string;
  createdAt: Date;
}

/** The drafts still open, newest first (`/campaigns drafts`). */
export async function listDrafts(deps: CoreDeps, options: { limit?: number } = {}): Promise<DraftSummary[]> {
  return deps.db.prisma.campaign.findMany({
    where: openDrafts(deps),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.limit ?? 25,
    select: { id: true, name: true, segmentText: true, sendAt: true, createdBy: true, createdAt: true },
  });
}

/** How many drafts are open (`/campaigns` points to them). */
export async function countOpenDrafts(deps: CoreDeps): Promise<number> {
  return deps.db.prisma.campaign.count({ where: openDrafts(deps) });
}

function openDrafts(deps: CoreDeps) {
  return { status: "draft" as const, createdAt: { gte: new Date(deps.clock.now().getTime() - DRAFT_TTL_HOURS * 3_600_000) } };
}
