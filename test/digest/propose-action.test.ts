// The rule that picks the digest's proposal (core/digest/propose-action.ts),
// on crafted numbers, and the /send words it becomes.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parseSend } from "../../bot/slack/commands/parse-send.ts";
import { FakeClock } from "../support/clock.ts";
import { testCoreDeps, type TestCoreDeps } from "../support/core-deps.ts";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases.ts";
import { parseWhen } from "../../core/campaigns/parse-when.ts";
import { createTranslator } from "../../core/i18n.ts";
import { parseSegmentText } from "../../core/segments/parse-segment-text.ts";
import { LIFECYCLE_STAGES } from "../../core/segments/lifecycle.ts";
import { RFM_CLASSES } from "../../core/segments/rfm.ts";
import { proposalSendText } from "../../core/digest/proposal-command.ts";
import { proposeAction, readSignals, SIGNALS } from "../../core/digest/propose-action.ts";
import { stageMovement, type StageMovement } from "../../core/digest/stage-snapshots.ts";

/** A week in which nothing moved, with the given sizes changed. */
function movement(changes: { stage?: Record<string, [number, number]>; rfm?: Record<string, [number, number]> }): StageMovement {
  return {
    stages: LIFECYCLE_STAGES.map((key) => ({ key, before: changes.stage?.[key]?.[0] ?? 100, after: changes.stage?.[key]?.[1] ?? 100 })),
    stageFlows: [],
    rfm: RFM_CLASSES.map((key) => ({ key, before: changes.rfm?.[key]?.[0] ?? 100, after: changes.rfm?.[key]?.[1] ?? 100 })),
    rfmFlows: [],
  };
}
const calm = { count: 3, previous: 3 };
/** Audiences only read the analytic thresholds from deps (the defaults here). */
const testCoreDepsLike = { analytics: undefined } as unknown as TestCoreDeps;
const winner = (m: StageMovement, d = calm) => readSignals(m, d).find((s) => s.eligible)?.key ?? null;

describe("the proposal rule", () => {
  test("at_risk grew 18%: it is the one proposal, strength 27 / sqrt(327) = 1.49", () => {
    const signals = readSignals(movement({ rfm: { at_risk: [150, 177] } }), calm);
    expect(signals[0]).toMatchObject({ key: "at_risk", before: 150, after: 177, eligible: true });
    expect(signals[0]!.relative).toBeCloseTo(0.18, 10);
    expect(signals[0]!.strength).toBeCloseTo(27 / Math.sqrt(327), 10);
    expect(signals.filter((s) => s.eligible)).toHaveLength(1);
  });

  test("the stronger change wins: detractors 2 -> 9 (7 / sqrt(11) = 2.11) over at_risk (1.49)", () => {
    expect(winner(movement({ rfm: { at_risk: [150, 177] } }), { previous: 2, count: 9 })).toBe("detractors");
  });

  test("an opportunity is weighed at 0.75: new leads 1000 -> 1180 (0.75 x 180 / sqrt(2180) = 2.89) beat those two", () => {
    const m = movement({ rfm: { at_risk: [150, 177] }, stage: { potential: [1000, 1180] } });
    expect(winner(m, { previous: 2, count: 9 })).toBe("new_leads");
    // ...but not an equally strong risk: can't-lose 1000 -> 1180 scores 3.86.
    expect(winner(movement({ rfm: { cant_lose: [1000, 1180] }, stage: { potential: [1000, 1180] } }))).toBe("cant_lose");
  });

  test("promoters grew 10 -> 20 while referrals stayed flat: invite the promoters (0.75 x 10 / sqrt(30) = 1.37); not when referrals grew", () => {
    const flat = { accepted: 3, previous: 3, promoters: 20, promotersPrevious: 10 };
    const signals = readSignals(movement({}), calm, flat);
    expect(signals[0]).toMatchObject({ key: "invite_promoters", before: 10, after: 20, eligible: true });
    expect(signals[0]!.strength).toBeCloseTo((0.75 * 10) / Math.sqrt(30), 10);
    expect(readSignals(movement({}), calm, { ...flat, accepted: 4 }).find((s) => s.eligible)).toBeUndefined();
  });

  test("too few people or too small a share does not count, however strong", () => {
    // 0 -> 4: +4 people < MIN_PEOPLE.
    expect(winner(movement({ rfm: { at_risk: [0, 4] } }))).toBeNull();
    // 10 000 -> 10 500: 500 people (strength 3.5) but 5% < MIN_RELATIVE.
    expect(winner(movement({ rfm: { at_risk: [10_000, 10_500] } }))).toBeNull();
    // From nothing: 0 -> 6 counts (no relative change to check), strength 6 / sqrt(6) = 2.45.
    expect(readSignals(movement({ rfm: { at_risk: [0, 6] } }), calm)[0]).toMatchObject({ key: "at_risk", relative: null, eligible: true });
  });

  test("only the direction that calls for action: at_risk shrinking is good news, loyal shrinking is not", () => {
    expect(winner(movement({ rfm: { at_risk: [177, 150] } }))).toBeNull();
    expect(winner(movement({ stage: { loyal: [400, 340] } }))).toBe("loyal_lapsing");
    expect(winner(movement({ stage: { loyal: [340, 400] } }))).toBeNull();
  });

  test("equal strength: the order of SIGNALS decides (at_risk before churned regulars)", () => {
    expect(winner(movement({ rfm: { at_risk: [50, 60] }, stage: { churned_from_loyal: [50, 60] } }))).toBe("at_risk");
  });
});

describe("the proposal as /send words", () => {
  const translator = createTranslator();
  test("every playbook, in both languages, is a /send command that parses: segment, message or survey, when, holdout, name", () => {
    const now = new Date("2026-11-23T08:00:00Z");
    for (const signal of SIGNALS) {
      for (const language of ["en", "ru"]) {
        const text = proposalSendText({ key: signal.key, audience: signal.audience(testCoreDepsLike), survey: signal.survey, holdoutPercent: signal.holdoutPercent }, translator, language);
        const request = parseSend(text);
        expect(request.segment).toBe(signal.audience(testCoreDepsLike));
        if (!/^[a-z_]+:[a-z_]+$/.test(request.segment)) expect(() => parseSegmentText(request.segment)).not.toThrow();
        if (signal.survey) expect(request.survey).toBe(signal.survey);
        else expect(request.message).toEqual({ text: translator.t(language, `digest-playbook-${signal.key}-message`, { first_name: "{first_name}" }) });
        expect(request.holdoutPercent).toBe(signal.holdoutPercent);
        expect(request.name).toBe(translator.t(language, `digest-playbook-${signal.key}-name`));
        // Tomorrow 11:00 in the team's timezone, in either language.
        expect(parseWhen(request.when, now, "Europe/Berlin").toISOString()).toBe("2026-11-24T10:00:00.000Z");
      }
    }
  });

  test("the at-risk win-back in English", () => {
    expect(proposalSendText({ key: "at_risk", audience: "rfm:at_risk", holdoutPercent: 10 }, translator, "en")).toBe(
      'rfm:at_risk "{first_name}, we miss you! Here is 15% off your next order, valid for 7 days." tomorrow 11:00 --holdout 10% --name "Digest: win-back for at-risk customers"',
    );
  });
});

describe.each(DATABASE_KINDS)("the proposal on crafted snapshots on %s", (kind) => {
  let database: TestDatabase;
  let deps: TestCoreDeps;
  const from = new Date("2026-11-15T23:00:00Z");
  const to = new Date("2026-11-22T23:00:00Z");
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    deps = testCoreDeps(database, new FakeClock("2026-11-23T08:00:00Z"), "Europe/Berlin");
    // 16 customers: ids 1-4 were at risk a week ago and still are; 5-10 came in this week (4 from
    // facebook_ads, 2 from qr_store); 11-16 stay champions. Headers make the snapshots "taken".
    await database.db.execScript(`
      INSERT INTO subscriber (id, first_name, source, consent_status)
      SELECT g, 'C' || g, CASE WHEN g BETWEEN 5 AND 8 THEN 'facebook_ads' WHEN g IN (9, 10) THEN 'qr_store' ELSE 'instagram_bio' END, 'subscribed'
        FROM generate_series(1, 16) g;
      INSERT INTO stage_snapshot (taken_for, customers, taken_at) VALUES ('${from.toISOString()}', 16, now()), ('${to.toISOString()}', 16, now());
      INSERT INTO stage_snapshot_customer (taken_for, subscriber_id, stage, rfm_class)
      SELECT '${from.toISOString()}', g, 'repeat', CASE WHEN g <= 4 THEN 'at_risk' WHEN g <= 10 THEN 'loyal' ELSE 'champions' END FROM generate_series(1, 16) g;
      INSERT INTO stage_snapshot_customer (taken_for, subscriber_id, stage, rfm_class)
      SELECT '${to.toISOString()}', g, 'repeat', CASE WHEN g <= 10 THEN 'at_risk' ELSE 'champions' END FROM generate_series(1, 16) g;
    `);
  });
  afterAll(async () => {
    await database.drop();
  });

  test("at_risk 4 -> 10 (+6, 150%): win-back, mostly customers acquired from facebook_ads (4 of the 6 who came in)", async () => {
    const m = await stageMovement(deps, { from, to });
    expect(m.rfm.find((r) => r.key === "at_risk")).toEqual({ key: "at_risk", before: 4, after: 10 });
    expect(m.rfmFlows).toEqual([{ from: "loyal", to: "at_risk", count: 6 }]);
    const proposal = await proposeAction(deps, { movement: m, detractors: { count: 0, previous: 0, reasons: [], quotes: [], bySource: [] }, from, to });
    expect(proposal).toMatchObject({
      key: "at_risk",
      segmentKey: "rfm:at_risk",
      direction: "grew",
      before: 4,
      after: 10,
      relative: 1.5,
      source: { name: "facebook_ads", count: 4, movers: 6, mostly: true },
      audience: "rfm:at_risk",
      holdoutPercent: 10,
    });
  });
});
