// The campaigns the team follows (/campaigns): everything but drafts
// (drafts.ts), the ones in motion first, then the next to go, then the most
// recently ended, with delivery progress counted in the same query.
import type { CoreDeps } from "../deps.ts";

export interface CampaignSummary {
  id: number;
  name: string;
  status: string;
  sendAt: Date;
  /** Messages sent so far. */
  sent: number;
  /** Messages to send (the holdout gets none). */
  total: number;
}

export async function listCampaigns(deps: CoreDeps, options: { limit?: number } = {}): Promise<CampaignSummary[]> {
  const rows = await deps.db.prisma.$queryRawUnsafe<{ id: number; name: string; status: string; send_at: Date; sent: number; total: number }[]>(
    `SELECT c.id, c.name, c.status::text AS status, c.send_at,
            count(d.id) FILTER (WHERE d.status = 'sent')::int AS sent,
            count(d.id) FILTER (WHERE d.status <> 'held_out')::int AS total
       FROM campaign c LEFT JOIN delivery d ON d.campaign_id = c.id
      WHERE c.status <> 'draft'
      GROUP BY c.id
      ORDER BY CASE c.status WHEN 'running' THEN 0 WHEN 'paused' THEN 1 WHEN 'pending_approval' THEN 2 WHEN 'scheduled' THEN 3 ELSE 4 END,
               -- Waiting ones: the next to go first. Finished ones: the most recently ended first.
               CASE WHEN c.status IN ('pending_approval', 'scheduled') THEN c.send_at END ASC,
               coalesce(c.finished_at, c.send_at) DESC, c.id DESC
      LIMIT $1::int`,
    options.limit ?? 25,
  );
  return rows.map((r) => ({ id: r.id, name: r.name, status: r.status, sendAt: r.send_at, sent: r.sent, total: r.total }));
}
