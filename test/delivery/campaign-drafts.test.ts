// Drafts are not campaigns until scheduled: dropping one or letting it expire
// leaves no campaign and no audit entry; scheduling is audited as before.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createCampaign, scheduleDraft } from "../../core/campaigns/campaigns.ts";
import { countOpenDrafts, discardDraft, expireDrafts, listDrafts } from "../../core/campaigns/drafts.ts";
import { listCampaigns } from "../../core/campaigns/list-campaigns.ts";
import { FakeClock } from "../support/clock.ts";
import { testCoreDeps } from "../support/core-deps.ts";
import { createTestDatabase, type TestDatabase } from "../support/databases.ts";

describe("campaign drafts (pglite)", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("pglite");
  });
  afterAll(async () => {
    await database.drop();
  });

  test("discarded and expired drafts leave nothing behind; only scheduling is audited", async () => {
    const clock = new FakeClock("2026-12-03T09:00:00Z");
    const deps = testCoreDeps(database, { clock });
    const { prisma } = database.db;
    const draft = (name: string) =>
      createCampaign(deps, { name, segmentText: "everyone", segment: { version: 1, where: { kind: "everyone" } }, message: { A: { text: "Hi" } }, sendAt: clock.now(), createdBy: "U1", draft: true });

    const tried = await draft("tried");
    const kept = await draft("kept");
    const forgotten = await draft("forgotten");
    expect((await listDrafts(deps)).map((d) => d.name)).toEqual(["forgotten", "kept", "tried"]);
    expect(await countOpenDrafts(deps)).toBe(3);

    expect(await discardDraft(deps, { id: tried.id })).toBe(true);
    expect(await discardDraft(deps, { id: tried.id })).toBe(false);
    await scheduleDraft(deps, { id: kept.id, actor: "U1", requireApproval: false });
    // A scheduled campaign is no draft: discarding it does nothing.
    expect(await discardDraft(deps, { id: kept.id })).toBe(false);

    clock.advanceHours(23);
    expect(await expireDrafts(deps)).toBe(0);
    clock.advanceHours(2);
    expect(await expireDrafts(deps)).toBe(1);
    expect(await listDrafts(deps)).toEqual([]);

    expect((await prisma.campaign.findMany({ orderBy: { id: "asc" } })).map((c) => [c.name, c.status])).toEqual([["kept", "scheduled"]]);
    expect((await prisma.auditLog.findMany()).map((a) => [a.action, a.target])).toEqual([["campaign.scheduled", `campaign:${kept.id}`]]);
    expect(forgotten.id).toBeGreaterThan(kept.id);
  });

  test("/campaigns lists what is moving, then what goes next, then what ended most recently; never drafts", async () => {
    const clock = new FakeClock("2026-12-10T09:00:00Z");
    const deps = testCoreDeps(database, { clock });
    const { prisma } = database.db;
    await prisma.campaign.deleteMany();
    const day = 86_400_000;
    const make = async (name: string, status: "scheduled" | "running" | "completed" | "cancelled" | "draft", sendInDays: number, finishedDaysAgo?: number) => {
      const c = await createCampaign(deps, { name, segmentText: "everyone", segment: { version: 1, where: { kind: "everyone" } }, message: { A: { text: "x" } }, sendAt: new Date(clock.now().getTime() + sendInDays * day), createdBy: "U1" });
      await prisma.campaign.update({ where: { id: c.id }, data: { status, ...(finishedDaysAgo !== undefined ? { finishedAt: new Date(clock.now().getTime() - finishedDaysAgo * day) } : {}) } });
    };
    await make("ended long ago", "completed", -30, 29);
    await make("in three days", "scheduled", 3);
    await make("ended yesterday", "completed", -2, 1);
    await make("sending now", "running", 0);
    await make("in one day", "scheduled", 1);
    await make("cancelled last week", "cancelled", -7, 7);
    await make("a draft", "draft", 1);
    expect((await listCampaigns(deps)).map((c) => c.name)).toEqual(["sending now", "in one day", "in three days", "ended yesterday", "cancelled last week", "ended long ago"]);
  });
});
