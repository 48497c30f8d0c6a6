// The compact dashboard of the Slack App Home: the last seven days' key
// figures, the next scheduled campaigns, the latest detractors.
import type { CoreDeps } from "../deps.ts";
import { keyFigures, type Figure } from "./key-figures.ts";

export interface Dashboard {
  figures: Figure[];
  nextCampaigns: { id: number; name: string; status: string; sendAt: Date }[];
  detractors: { firstName: string | null; score: number; comment: string | null; answeredAt: Date }[];
}

const HOME_FIGURES = ["subscribers_gained", "subscribers_lost", "revenue", "orders", "aov", "nps", "nps_responses", "repeat_customer_rate"] as const;

export async function dashboard(deps: CoreDeps, options: { language: string }): Promise<Dashboard> {
  const now = deps.clock.now();
  const period = { from: new Date(now.getTime() - 7 * 86_400_000), to: now };
  const k = await keyFigures(deps, { period, language: options.language });
  const nextCampaigns = await deps.db.prisma.campaign.findMany({
    where: { status: { in: ["scheduled", "pending_approval", "running", "paused"] } },
    orderBy: { sendAt: "asc" },
    take: 5,
    select: { id: true, name: true, status: true, sendAt: true },
  });
  const detractors = await deps.db.prisma.$queryRawUnsafe<{ first_name: string | null; score: number; comment: string | null; answered_at: Date }[]>(
    `SELECT s.first_name, r.score, r.comment, r.answered_at
       FROM survey_response r JOIN subscriber s ON s.id = r.subscriber_id
      WHERE r.kind = 'nps' AND r.score <= 6 AND r.answered_at IS NOT NULL AND s.erased_at IS NULL
      ORDER BY r.answered_at DESC LIMIT 5`,
  );
  return {
    figures: k.figures.filter((f) => (HOME_FIGURES as readonly string[]).includes(f.key)),
    nextCampaigns,
    detractors: detractors.map((d) => ({ firstName: d.first_name, score: d.score, comment: d.comment, answeredAt: d.answered_at })),
  };
}
