// A burst of newcomers and consent presses: written together (group commit),
// each person answered with their own result, recorded once; a name the
// database refuses fails only that person's /start.
import { describe, expect, test } from "vitest";
import { DATABASE_KINDS } from "../../test/support/databases.ts";
import { testCoreDeps } from "../../test/support/core-deps.ts";
import { useTestDatabase } from "../../test/support/per-describe.ts";
import { confirmConsent, declineConsent, startSubscription } from "./telegram-subscription.ts";

describe.each(DATABASE_KINDS)("subscriptions arriving together (%s)", (kind) => {
  const database = useTestDatabase(kind);

  test("newcomers' /start at once: each is created pending with one history entry; a refused name fails alone", async () => {
    const deps = testCoreDeps(database);
    const ids = Array.from({ length: 30 }, (_, i) => 61_000n + BigInt(i));
    const results = await Promise.allSettled(
      ids.map((telegramId, i) =>
        startSubscription(deps, { identity: { telegramId, firstName: i === 7 ? "Nul\u0000l" : `N${i}`, languageCode: i % 2 ? "ru" : "en" }, source: "channel_post", known: null }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(ids.map((_, i) => (i === 7 ? "rejected" : "fulfilled")));
    const started = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    const stored = await database.db.prisma.subscriber.findMany({ where: { telegramId: { in: ids } }, orderBy: { telegramId: "asc" } });
    expect(stored).toHaveLength(29);
    expect(started.map((s) => ({ id: s.subscriber.id, telegramId: s.subscriber.telegramId, firstName: s.subscriber.firstName, language: s.subscriber.language, source: s.subscriber.source }))).toEqual(
      stored.map((s) => ({ id: s.id, telegramId: s.telegramId, firstName: s.firstName, language: s.language, source: s.source })),
    );
    expect(stored.every((s) => s.consentStatus === "pending")).toBe(true);
    expect(await database.db.prisma.consentRecord.count({ where: { subscriberId: { in: stored.map((s) => s.id) }, status: "pending", source: "channel_post" } })).toBe(29);
    // Again, now known: the general way, no second person, no second entry.
    const again = await startSubscription(deps, { identity: { telegramId: ids[0]! }, known: null });
    expect(again.subscriber.id).toBe(stored[0]!.id);
    expect(await database.db.prisma.subscriber.count({ where: { telegramId: ids[0]! } })).toBe(1);
  });

  test("presses at once: each person subscribed once with the text they saw; repeated and declining presses get their own answers", async () => {
    const deps = testCoreDeps(database);
    const ids = Array.from({ length: 12 }, (_, i) => 62_000n + BigInt(i));
    for (const telegramId of ids) await startSubscription(deps, { identity: { telegramId, firstName: "P" }, known: null });
    const referrer = await database.db.prisma.subscriber.create({ data: { telegramId: 62_999n, consentStatus: "subscribed" } });
    const friend = await database.db.prisma.subscriber.findUniqueOrThrow({ where: { telegramId: ids[3]! } });
    await database.db.prisma.referral.create({ data: { friendId: friend.id, referrerId: referrer.id, openedAt: new Date() } });
    const presses = [...ids.slice(0, 10).map((telegramId) => ({ telegramId, text: `Agree ${telegramId}` })), { telegramId: ids[0]!, text: "again" }];
    const [confirmed, declined] = await Promise.all([
      Promise.all(presses.map((p) => confirmConsent(deps, { telegramId: p.telegramId, consentText: p.text }))),
      Promise.all(ids.slice(10).map((telegramId) => declineConsent(deps, { telegramId }))),
    ]);
    expect(confirmed.map((c) => c.changed)).toEqual([...ids.slice(0, 10).map(() => true), false]);
    expect(declined.map((d) => d.changed)).toEqual([true, true]);
    const records = await database.db.prisma.consentRecord.findMany({ where: { subscriber: { telegramId: { in: ids } }, status: { in: ["subscribed", "declined"] } }, include: { subscriber: true } });
    expect(new Set(records.filter((r) => r.status === "subscribed").map((r) => r.text))).toEqual(new Set(ids.slice(0, 10).map((id) => `Agree ${id}`)));
    expect(records.filter((r) => r.status === "subscribed")).toHaveLength(10);
    expect(records.filter((r) => r.status === "declined")).toHaveLength(2);
    const after = await database.db.prisma.subscriber.findMany({ where: { telegramId: { in: ids } }, orderBy: { telegramId: "asc" } });
    expect(after.map((s) => s.consentStatus)).toEqual([...ids.slice(0, 10).map(() => "subscribed"), "declined", "declined"]);
    expect(after.slice(0, 10).every((s) => s.consentAt !== null)).toBe(true);
    expect((await database.db.prisma.referral.findUniqueOrThrow({ where: { friendId: friend.id } })).acceptedAt).not.toBeNull();
    expect(await confirmConsent(deps, { telegramId: ids[3]!, consentText: "x" })).toEqual({ changed: false, welcome: [] });
  });
});
