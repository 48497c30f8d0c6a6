// The referral core on a real database: the promo pool gives each code once
// and the monthly cap holds under concurrent rewards; first-order rewards; the
// segment conditions, built-in segments and referral metrics count known input.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FakeClock } from "../../test/support/clock.ts";
import { testCoreDeps, type TestCoreDeps } from "../../test/support/core-deps.ts";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../../test/support/databases.ts";
import { createCustomers } from "../../test/support/factories.ts";
import { ingestOrders } from "../events/ingest-orders.ts";
import { referralFigures } from "../metrics/referrals.ts";
import { weekReferrals } from "../digest/week-referrals.ts";
import { builtInSizes } from "../segments/built-in-segments.ts";
import { describeSegment } from "../segments/describe-segment.ts";
import { formatSegmentText } from "../segments/format-segment-text.ts";
import { parseSegmentText } from "../segments/parse-segment-text.ts";
import { compileFor } from "../segments/segment-report.ts";
import { importPromoCodes } from "./import-promo-codes.ts";
import { promoPools } from "./promo-pool.ts";
import type { ReferralProgram } from "./referral-program.ts";
import { giveReward } from "./referral-rewards.ts";
import { rewardFirstOrders } from "./track-referral.ts";

const NOW = "2026-11-23T10:00:00Z";
const text = (en: string) => ({ en, ru: en });
const program = (over: Partial<ReferralProgram> = {}): ReferralProgram => ({
  rewardOn: "consent",
  monthlyCap: 3,
  milestones: [],
  offer: text("offer"),
  shareText: text("share"),
  referrer: { pool: "referral", text: text("code {code}") },
  ...over,
});

describe.each(DATABASE_KINDS)("referral core on %s", (kind) => {
  let database: TestDatabase;
  let deps: TestCoreDeps;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    deps = testCoreDeps(database, new FakeClock(NOW));
  });
  afterAll(async () => {
    await database.drop();
  });

  /** `friends` new subscribers linked to the referrer, accepted now. */
  async function refer(referrerId: number, friends: number, firstTelegramId: number): Promise<number[]> {
    const ids = await createCustomers(database.db, Array.from({ length: friends }, (_, i) => ({ telegramId: firstTelegramId + i, firstName: `Friend${i}` })));
    for (const id of ids) await database.db.prisma.referral.create({ data: { friendId: id, referrerId, openedAt: deps.clock.now(), acceptedAt: deps.clock.now() } });
    return ids;
  }

  test("each code goes to one referrer even when 40 rewards are given at once; the empty pool is recorded", async () => {
    const codes = Array.from({ length: 30 }, (_, i) => ({ promo_code: `POOL-${String(i).padStart(3, "0")}` }));
    const imported = await importPromoCodes(deps, [...codes, { promo_code: "POOL-000" }, { promo_code: "x" }]);
    expect([imported.stored, imported.duplicates, imported.invalid]).toEqual([30, 1, 1]);
    const referrers = await createCustomers(database.db, Array.from({ length: 40 }, (_, i) => ({ telegramId: 100 + i, firstName: `Ref${i}` })));
    const friends: number[] = [];
    for (const [i, r] of referrers.entries()) friends.push(...(await refer(r, 1, 1000 + i)));
    deps.dialogues = { ...deps.dialogues, referrals: program() };
    await Promise.all(friends.map((friendId) => giveReward(deps, { program: program(), friendId, role: "referrer" })));
    // Twice more for the same friends: settled once and for all.
    await Promise.all(friends.slice(0, 5).map((friendId) => giveReward(deps, { program: program(), friendId, role: "referrer" })));

    const rewards = await database.db.prisma.referralReward.findMany({ where: { friendId: { in: friends } } });
    expect(rewards).toHaveLength(40);
    const given = rewards.filter((r) => r.status === "given");
    expect(given).toHaveLength(30);
    expect(new Set(given.map((r) => r.code)).size).toBe(30);
    expect(rewards.filter((r) => r.status === "pool_empty")).toHaveLength(10);
    const taken = await database.db.prisma.promoCode.findMany({ where: { givenTo: { not: null } } });
    expect(taken.map((c) => c.code).sort((a, b) => a.localeCompare(b))).toEqual(given.map((r) => r.code ?? "").sort((a, b) => a.localeCompare(b)));
    expect(await promoPools(deps)).toEqual([{ pool: "referral", total: 30, left: 0 }]);
  });

  test("the monthly cap holds when six friends of one referrer are rewarded at once", async () => {
    await importPromoCodes(deps, Array.from({ length: 10 }, (_, i) => ({ promo_code: `CAP-${i}` })));
    const [zoe] = await createCustomers(database.db, [{ telegramId: 2000, firstName: "Zoe", lastName: "Stone" }]);
    const friends = await refer(zoe!, 6, 2100);
    await Promise.all(friends.map((friendId) => giveReward(deps, { program: program(), friendId, role: "referrer" })));
    const statuses = (await database.db.prisma.referralReward.findMany({ where: { subscriberId: zoe! } })).map((r) => r.status).sort();
    expect(statuses).toEqual(["capped", "capped", "capped", "given", "given", "given"]);
  });

  test("rewardOn first_order: the referrer is rewarded at the friend's first paid order, once", async () => {
    const firstOrder = program({ rewardOn: "first_order", referrer: { text: text("Thank you: free delivery on your next order") } });
    deps.dialogues = { ...deps.dialogues, referrals: firstOrder };
    const [max] = await createCustomers(database.db, [{ telegramId: 3000, firstName: "Max", lastName: "Hart" }]);
    const [friend] = await refer(max!, 1, 3100);
    expect(await rewardFirstOrders(deps)).toBe(0);
    const order = (id: string) => ({ order_id: id, customer: { telegram_id: "3100" }, amount: 80, paid_at: NOW });
    await ingestOrders(deps, { items: [order("F-1")] });
    await ingestOrders(deps, { items: [order("F-2")] });
    const rewards = await database.db.prisma.referralReward.findMany({ where: { friendId: friend! } });
    expect(rewards.map((r) => [r.subscriberId, r.role, r.status, r.code])).toEqual([[max!, "referrer", "given", null]]);
    deps.dialogues = { ...deps.dialogues, referrals: program() };
  });

  test("segments: referrals >= 2, referred, referred_by_loyal and the built-ins count known input", async () => {
    // Max (1 friend, who bought 160) becomes loyal: 3 orders within 90 days, 180 in all - at least the median spend of active repeat customers (loyal is high value too).
    const maxOrders = ["M-1", "M-2", "M-3"].map((id, i) => ({ order_id: id, customer: { telegram_id: "3000" }, amount: 60, paid_at: new Date(Date.parse(NOW) - (i + 1) * 86_400_000).toISOString() }));
    await ingestOrders(deps, { items: maxOrders });
    const members = async (text: string) => {
      const { sql, params } = compileFor(deps, parseSegmentText(text));
      return (await database.db.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM (${sql}) seg`, ...params))[0]!.n;
    };
    // 40 referrers with 1 friend, Zoe with 6, Max with 1.
    expect(await members("referrals >= 2")).toBe(1);
    expect(await members("referrals >= 1")).toBe(42);
    expect(await members("referred")).toBe(47);
    expect(await members("referred_by_loyal")).toBe(1);
    expect(await members("referred and not referred_by_loyal and referrals = 0")).toBe(46);
    const sizes = await builtInSizes(deps);
    expect([sizes.get("referrers"), sizes.get("referred")]).toEqual([42, 47]);
    for (const t of ["referrals >= 2", "referred", "referred_by_loyal and referrals < 3"]) expect(formatSegmentText(parseSegmentText(t))).toBe(t);
    expect(describeSegment(parseSegmentText("referrals >= 2 and referred_by_loyal"), "en", deps.translator)).toBe(
      "brought at least 2 friends who subscribed and came by the invitation of a loyal customer",
    );
    expect(() => parseSegmentText("referrals >= 1.5")).toThrow(/whole number of friends/);
  });

  test("the referral metrics of a period", async () => {
    // 47 friends accepted now (40 + 6 + 1); consent records: 3 new subscribers in the week, one of them referred.
    const [a, b] = await createCustomers(database.db, [{ telegramId: 4000 }, { telegramId: 4001 }]);
    const friend = (await database.db.prisma.referral.findFirstOrThrow({ where: { referrerId: (await database.db.prisma.subscriber.findFirstOrThrow({ where: { firstName: "Zoe" } })).id } })).friendId;
    for (const id of [a!, b!, friend]) await database.db.prisma.consentRecord.create({ data: { subscriberId: id, status: "subscribed", at: new Date(Date.parse(NOW) - 3_600_000) } });
    const period = { from: new Date(Date.parse(NOW) - 7 * 86_400_000), to: new Date(Date.parse(NOW) + 1) };
    const f = await referralFigures(deps, { period });
    expect(f).toMatchObject({
      newSubscribers: 3,
      invitationsOpened: 47,
      invitationsAccepted: 47,
      referrers: 42,
      referredCustomers: 47,
      referredRevenue: 160,
    });
    expect(f.kFactor).toBeCloseTo(47 / 42, 10);
    expect(f.referredConversion).toBeCloseTo(1 / 47, 10);
    expect(f.topReferrers[0]).toEqual({ name: "Zoe S.", friends: 6 });

    // The digest's line and arrow: Max is loyal (3 orders in 90 days), so his one friend is loyal -> new.
    await database.db.prisma.surveyResponse.create({ data: { subscriberId: a!, surveyId: "nps", kind: "nps", score: 10, answeredAt: deps.clock.now() } });
    expect(await weekReferrals(deps, { period })).toEqual({ accepted: 47, previous: 0, fromLoyal: 1, share: 47 / 3, promoters: 1, promotersPrevious: 0 });
  });
});
