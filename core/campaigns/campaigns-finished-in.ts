// The campaigns that finished in a period, with their results (ROMI in
// /metrics): one query picks them, campaignReports() reports on all at once.
import type { CoreDeps } from "../deps.ts";
import type { Period } from "../metrics/period.ts";
import { campaignReports, type CampaignReport } from "./campaign-report.ts";

export async function campaignsFinishedIn(deps: CoreDeps, options: { period: Period; limit?: number }): Promise<CampaignReport[]> {
  const rows = await deps.db.prisma.campaign.findMany({
    where: { status: "completed", finishedAt: { gte: options.period.from, lt: options.period.to } },
    orderBy: { finishedAt: "desc" },
    take: options.limit ?? 10,
    select: { id: true },
  });
  return campaignReports(
    deps,
    rows.map((r) => r.id),
  );
}
