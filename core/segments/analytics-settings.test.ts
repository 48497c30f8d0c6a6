import { describe, expect, test } from "vitest";
import { analyticsSettingsFrom, parseConfig } from "../config.ts";
import { DEFAULT_ANALYTICS_SETTINGS } from "./analytics-settings.ts";

describe("analytic settings from the environment", () => {
  test("defaults, and every threshold configurable", () => {
    expect(analyticsSettingsFrom(parseConfig({}))).toEqual(DEFAULT_ANALYTICS_SETTINGS);
    const c = parseConfig({ RFM_WINDOW_DAYS: "180", LIFECYCLE_CHURN_DAYS: "120", LIFECYCLE_LOYAL_MIN_ORDERS: "4", LIFECYCLE_LOYAL_RECENCY_DAYS: "60", LIFECYCLE_LOYAL_MIN_SPENT: "500", CRM_MARGIN: "0.4", CRM_RETURN_SHARE: "0.05" });
    expect(analyticsSettingsFrom(c)).toEqual({
      rfmWindowDays: 180,
      lifecycle: { churnDays: 120, loyalMinOrders: 4, loyalRecencyDays: 60, loyalMinSpent: 500 },
      budget: { margin: 0.4, returnShare: 0.05 },
    });
    // "High value" by default is the median spend of the active repeat customers; "median" can be written too.
    expect(DEFAULT_ANALYTICS_SETTINGS.lifecycle.loyalMinSpent).toBe("median");
    expect(analyticsSettingsFrom(parseConfig({ LIFECYCLE_LOYAL_MIN_SPENT: "median" })).lifecycle.loyalMinSpent).toBe("median");
    expect(analyticsSettingsFrom(parseConfig({ LIFECYCLE_LOYAL_MIN_SPENT: "0" }))).toMatchObject({
      lifecycle: { loyalMinSpent: 0 },
    });
  });

  test("bad values stop the start with one line", () => {
    expect(() => parseConfig({ INGEST_API_KEY: "short" })).toThrow(
      'Invalid configuration: INGEST_API_KEY: expected at least 16 characters (a long random string: openssl rand -hex 24). See .env.example.',
    );
    expect(() => parseConfig({ CRM_MARGIN: "30%" })).toThrow("Invalid configuration: CRM_MARGIN: expected a share between 0 and 1");
    expect(() => parseConfig({ LIFECYCLE_LOYAL_MIN_ORDERS: "1" })).toThrow("Invalid configuration: LIFECYCLE_LOYAL_MIN_ORDERS");
    expect(() => parseConfig({ LIFECYCLE_LOYAL_MIN_SPENT: "average" })).toThrow('Invalid configuration: LIFECYCLE_LOYAL_MIN_SPENT: expected an amount, or "median"');
  });
});
