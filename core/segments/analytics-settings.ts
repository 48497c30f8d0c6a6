// The thresholds behind RFM, the loyalty funnel and the CRM budget. Defaults
// suit a store whose customers buy every few weeks to months; each one is an
// environment variable (core/config.ts) so the team can tune the model to its
// own purchase cycle, then look at how many people fall into each stage.
import { z } from "zod";

export const analyticsSettingsSchema = z.object({
  /** RFM: frequency and monetary count paid orders of the last N days. */
  rfmWindowDays: z.number().int().min(7).max(3650),
  lifecycle: z.object({
    /** No paid order for this many days = churned (from new or from loyal). */
    churnDays: z.number().int().min(1).max(3650),
    /** Loyal: at least this many paid orders... */
    loyalMinOrders: z.number().int().min(2).max(1000),
    /** ...the last one within this many days... */
    loyalRecencyDays: z.number().int().min(1).max(3650),
    /**
     * ...and at least this much spent in total: an amount (0 = no condition on money), or
     * "median": the median total spend of the active repeat customers (2+ paid orders, the
     * last within churnDays), so "high value" follows the store's own prices.
     */
    loyalMinSpent: z.union([z.literal("median"), z.number().min(0)]),
  }),
  budget: z.object({
    /** Gross margin as a share of revenue, 0-1. */
    margin: z.number().min(0).max(1),
    /** Share of the margin returned to customers as personal offers, 0-1. */
    returnShare: z.number().min(0).max(1),
  }),
});
export type AnalyticsSettings = z.infer<typeof analyticsSettingsSchema>;

export const DEFAULT_ANALYTICS_SETTINGS: AnalyticsSettings = {
  rfmWindowDays: 365,
  lifecycle: { churnDays: 180, loyalMinOrders: 3, loyalRecencyDays: 90, loyalMinSpent: "median" },
  budget: { margin: 0.3, returnShare: 0.1 },
};

export function analyticsSettingsOf(deps: { analytics?: AnalyticsSettings | undefined }): AnalyticsSettings {
  return deps.analytics ?? DEFAULT_ANALYTICS_SETTINGS;
}
