// The digest's trigger-chain section from a hand-checkable store: entrants,
// buyers, revenue and unsubscribes of the week against the week before, and
// the advice to look at a chain whose conversion fell or whose unsubscribes
// rose. On both databases.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { digestSections } from "../../bot/digest/digest-sections.ts";
import { loadChains } from "../../core/chains/chain-definition.ts";
import { adviceOf, chainWeek, type DigestChain } from "../../core/chains/chain-week.ts";
import { buildDigest } from "../../core/digest/build-digest.ts";
import { FakeClock } from "../support/clock.ts";
import { testCoreDeps, type TestCoreDeps } from "../support/core-deps.ts";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases.ts";

// The week of Monday 16 November 2026 (Berlin), and the one before.
const WEEK = { from: new Date("2026-11-15T23:00:00Z"), to: new Date("2026-11-22T23:00:00Z") };
const BEFORE = { from: new Date("2026-11-08T23:00:00Z"), to: new Date("2026-11-15T23:00:00Z") };

describe.each(DATABASE_KINDS)("chains in the digest on %s", (kind) => {
  let database: TestDatabase;
  let deps: TestCoreDeps;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    deps = testCoreDeps(database, new FakeClock("2026-11-23T08:00:00Z"));
    deps.chains = loadChains();
    // 30 customers. Cart chain: 20 entered the week before (10 bought), 20 this week (2 bought, 90 EUR each);
    // this week 4 of them unsubscribed while in it (1 the week before).
    await database.db.prisma.$executeRawUnsafe(
      `INSERT INTO subscriber (first_name, language, consent_status, created_at, updated_at)
       SELECT 'C' || g, 'en', 'subscribed', '2026-01-01', '2026-01-01' FROM generate_series(1, 40) g`,
    );
    await database.db.prisma.$executeRawUnsafe(
      `INSERT INTO chain_enrollment (chain_id, subscriber_id, status, step, next_run_at, entered_at, finished_at, exit_reason)
       SELECT 'abandoned_cart', g,
              CASE WHEN g IN (2, 3, 21, 22, 23, 24) THEN 'exited'::"EnrollmentStatus" ELSE 'completed'::"EnrollmentStatus" END, 6,
              e.at, e.at, e.at + interval '3 days',
              CASE WHEN g IN (2, 21, 22, 23, 24) THEN 'unreachable' WHEN g = 3 THEN 'order_paid' END
         FROM generate_series(1, 40) g,
              LATERAL (SELECT CASE WHEN g <= 20 THEN timestamptz '2026-11-09T10:00:00Z' ELSE timestamptz '2026-11-16T10:00:00Z' END AS at) e`,
    );
    // Orders a day after entering: ten of the week before's entrants, two of this week's.
    await database.db.prisma.$executeRawUnsafe(
      `INSERT INTO "order" (subscriber_id, idempotency_key, amount, currency, status, paid_at)
       SELECT g, 'o' || g, 90, 'EUR', 'paid', CASE WHEN g <= 20 THEN timestamptz '2026-11-10T10:00:00Z' ELSE timestamptz '2026-11-17T10:00:00Z' END
         FROM generate_series(1, 40) g WHERE g BETWEEN 3 AND 12 OR g IN (25, 26)`,
    );
  });
  afterAll(async () => {
    await database.drop();
  });

  test("each chain's week against the week before", async () => {
    const { chains, advice } = await chainWeek(deps, deps.chains!, WEEK, BEFORE);
    const cart = chains.find((c) => c.id === "abandoned_cart")!;
    expect(cart.now).toEqual({ entered: 20, converted: 2, unsubscribed: 4, revenue: [{ currency: "EUR", amount: 180 }] });
    expect(cart.previous).toMatchObject({ entered: 20, converted: 10, unsubscribed: 1 });
    // Unsubscribes (4 >= 3, and at least twice last week's 1) come before the fall in conversion.
    expect(advice).toEqual({ chainId: "abandoned_cart", name: "Abandoned cart", reason: "unsubscribes_rose", now: 4, before: 1 });
    expect(chains.find((c) => c.id === "post_purchase")!.now.entered).toBe(0);
  });

  test("the digest shows the chains and the advice, in English and Russian", async () => {
    const digest = await buildDigest(deps, { period: WEEK });
    const lines = (language: string) => {
      const sections = digestSections(digest, { translator: deps.translator, language, timezone: "Europe/Berlin" });
      return sections.sections.find((s) => s.heading === (language === "ru" ? "Триггерные цепочки" : "Trigger chains"))!.lines;
    };
    const en = lines("en");
    expect(en.find((l) => l.label === "Abandoned cart")!.text).toBe("20 entered (20 before) · 2 bought (10 before) · revenue 180 EUR · 4 unsubscribed while in it");
    expect(en.at(-1)!.text).toBe("Look at *Abandoned cart*: 4 people unsubscribed while in it (1 the period before). Consider `/chains pause abandoned_cart` and check its messages.");
    expect(lines("ru").at(-1)!.text).toContain("в цепочке отписались 4 чел.");
  });

  test("advice: a conversion that halves, with enough entrants, is flagged; small or paused chains are not", () => {
    const row = (id: string, now: [number, number], before: [number, number], paused = false): DigestChain => ({
      id,
      name: id,
      paused,
      now: { entered: now[0], converted: now[1], unsubscribed: 0, revenue: [] },
      previous: { entered: before[0], converted: before[1], unsubscribed: 0, revenue: [] },
    });
    expect(adviceOf([row("a", [40, 4], [40, 8])])).toMatchObject({ chainId: "a", reason: "conversion_fell", now: 0.1, before: 0.2 });
    expect(adviceOf([row("a", [40, 5], [40, 8])])).toBeNull();
    expect(adviceOf([row("a", [10, 0], [40, 8])])).toBeNull();
    expect(adviceOf([row("a", [40, 0], [40, 8], true)])).toBeNull();
    expect(adviceOf([row("a", [40, 3], [40, 8]), row("b", [40, 1], [40, 8])])).toMatchObject({ chainId: "b" });
  });
});
