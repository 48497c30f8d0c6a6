// ROMI (DOMAIN.md) = (revenue from marketing - marketing cost) / cost x 100%.
// Campaign cost is entered by the team; revenue is what the delivery engine
// attributes to the campaign. With a holdout, the incremental revenue (the
// delta against the control group) gives the incremental ROMI, the honest one.
export interface CampaignResult {
  campaignId: string;
  name: string;
  cost: number;
  /** Revenue attributed to the campaign (orders within the attribution window after a touch). */
  revenue: number;
  /** Revenue above what the holdout group suggests would have come anyway. */
  incrementalRevenue?: number;
}

export interface CampaignRomi extends CampaignResult {
  /** Percent; null when the campaign cost nothing (ROMI is undefined then). */
  romi: number | null;
  incrementalRomi: number | null;
}

export function romi(input: { cost: number; revenue: number }): number | null {
  if (!(input.cost > 0)) return null;
  return ((input.revenue - input.cost) / input.cost) * 100;
}

export function campaignRomi(results: readonly CampaignResult[]): CampaignRomi[] {
  return results.map((r) => ({
    ...r,
    romi: romi(r),
    incrementalRomi: r.incrementalRevenue === undefined ? null : romi({ cost: r.cost, revenue: r.incrementalRevenue }),
  }));
}
