// draftCampaign, the one use case behind /send, the digest's proposal and
// (later) modals and sentences: the same plain request, whether the segment
// comes as words or as a definition and the time as words or as an instant.
import { beforeAll, describe, expect, test } from "vitest";
import { draftCampaign, type DraftCampaignRequest } from "../../core/campaigns/draft-campaign.ts";
import { DomainError } from "../../core/errors.ts";
import { FakeClock } from "../support/clock.ts";
import { testCoreDeps } from "../support/core-deps.ts";
import { DATABASE_KINDS } from "../support/databases.ts";
import { createCustomers } from "../support/factories.ts";
import { useTestDatabase } from "../support/per-describe.ts";

describe.each(DATABASE_KINDS)("draftCampaign on %s", (kind) => {
  const database = useTestDatabase(kind);
  beforeAll(async () => {
    await createCustomers(database.db, [
      { telegramId: 1, tags: ["vip"] },
      { telegramId: 2, tags: ["vip"] },
      { telegramId: 3, tags: ["vip"], consent: "unsubscribed" },
      { telegramId: 4 },
    ]);
  });

  const clock = new FakeClock("2026-11-23T10:00:00Z"); // Monday 11:00 in Berlin
  const base = { createdBy: "U0MARKETER", ratePerSecond: 30, previewLanguage: "en" } satisfies Partial<DraftCampaignRequest>;

  test("/send's words: a segment by name, a time in words, a text with A/B, holdout and cost", async () => {
    const deps = testCoreDeps(database, { clock });
    const draft = await draftCampaign(deps, {
      ...base,
      segment: "everyone",
      message: { text: "Hi {first_name}!" },
      textB: "Hello {first_name}.",
      buttons: [{ text: "Shop", url: "https://shop.example/boots" }],
      when: "tomorrow 10am",
      holdoutPercent: 10,
      cost: 500,
    });
    expect(draft.sendAt.toISOString()).toBe("2026-11-24T09:00:00.000Z");
    expect(draft.campaign).toMatchObject({ status: "draft", name: "message → everyone", segmentText: "everyone", holdoutPercent: 10, variantBPercent: 50, createdBy: "U0MARKETER" });
    expect(Number(draft.campaign.cost)).toBe(500);
    // Three reachable customers (one unsubscribed); the audience is everyone.
    expect(draft.preflight).toMatchObject({ matched: 4, recipients: 3 });
    expect(draft.preview).toEqual({
      A: { text: "Hi Anna!", buttons: [[{ text: "Shop", url: "https://shop.example/boots" }]] },
      B: { text: "Hello Anna.", buttons: [[{ text: "Shop", url: "https://shop.example/boots" }]] },
    });
    // A draft is not audited until it is scheduled.
    expect(await database.db.prisma.auditLog.count({ where: { target: `campaign:${draft.campaign.id}` } })).toBe(0);
  });

  test("a form's data: a segment already built and an instant; previews in the team's language", async () => {
    const deps = testCoreDeps(database, { clock });
    const when = new Date("2026-11-27T18:00:00Z");
    const draft = await draftCampaign(deps, {
      ...base,
      previewLanguage: "ru",
      segment: { text: "tag:vip", definition: { version: 1, where: { kind: "tag", tags: ["vip"] } } },
      message: { text: "{first_name}, для вас -20%" },
      when,
      name: "VIP Friday",
    });
    expect(draft.campaign).toMatchObject({ name: "VIP Friday", segmentText: "tag:vip", sendAt: when, holdoutPercent: 0, variantBPercent: 0 });
    expect(draft.preflight).toMatchObject({ matched: 3, recipients: 2 });
    expect(draft.preview).toEqual({ A: { text: "Анна, для вас -20%" } });
  });

  test("what the team can fix is a DomainError; an empty audience keeps the draft", async () => {
    const deps = testCoreDeps(database, { clock });
    const codeOf = (request: Partial<DraftCampaignRequest>) =>
      draftCampaign(deps, { ...base, segment: "everyone", message: { text: "Hi" }, when: "now", ...request }).then(
        () => "drafted",
        (err: unknown) => (err instanceof DomainError ? err.code : String(err)),
      );
    const before = await database.db.prisma.campaign.count();
    expect(await codeOf({ when: new Date("2026-11-20T10:00:00Z") })).toBe("invalid_schedule");
    expect(await codeOf({ when: "whenever you like" })).toBe("invalid_schedule");
    expect(await codeOf({ segment: "nobody_knows" })).toBe("segment_not_found");
    expect(await codeOf({ segment: "lifecyle = loyal" })).toBe("segment_text");
    expect(await codeOf({ message: { template: "missing" } })).toBe("unknown_template");
    expect(await codeOf({ message: undefined, survey: "nsp" })).toBe("unknown_survey");
    expect(await database.db.prisma.campaign.count()).toBe(before);
    const empty = await draftCampaign(deps, { ...base, segment: "tag:nobody", message: { text: "Hi" }, when: "now" }).catch((err: unknown) => err);
    expect(empty).toBeInstanceOf(DomainError);
    expect((empty as DomainError).code).toBe("empty_audience");
    const kept = await database.db.prisma.campaign.findUniqueOrThrow({ where: { id: Number((empty as DomainError).details.id) } });
    expect(kept).toMatchObject({ status: "draft", segmentText: "tag:nobody" });
  });
});
