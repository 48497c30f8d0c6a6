// The campaigns the team follows (/campaigns): everything but drafts, the
// ones in motion first, with delivery progress counted in the same query.
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
      ORDER BY CASE c.status WHEN 'running' THEN 0 WHEN 'paused' THEN 1 WHEN 'pending_approval' THEN 2 WHEN 'scheduled' THEN 3 ELSE 4 END, c.send_at DESC
      LIMIT $1::int`,
    options.limit ?? 25,
  );
  return rows.map((r) => ({ id: r.id, name: r.name, status: r.status, sendAt: r.send_at, sent: r.sent, total: r.total }));
}
