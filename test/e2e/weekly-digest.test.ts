// The weekly digest end to end: the scheduled job on a fake clock across a
// restart, a crash between the message and its charts, the files API calls
// against the local Slack Web API, the Telegram admin copy through the local
// Bot API, /digest now and preview through signed Slack requests, and the
// proposal's button opening the /send pre-flight card.
import { decode } from "fast-png";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { refreshCustomerStats } from "../../core/segments/customer-stats.ts";
import { pictureStats } from "../support/png.ts";
import { FakeClock } from "../support/clock.ts";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases.ts";
import { DIGEST_NOW, seedDigestStore, WEEK } from "../support/digest-store.ts";
import { FakeSlack, slackText, type SlackApiCall } from "../support/fake-slack.ts";
import { FakeTelegram } from "../support/fake-telegram.ts";
import { startTestProduct, type TestProduct } from "../support/product.ts";
import { useTestProduct } from "../support/per-describe.ts";

const ADMIN_CHAT = -1001234567890;

/** The digest messages the app posted to a channel (not the charts' comments). */
const digestPosts = (slack: FakeSlack, channel: string) =>
  slack.callsOf("chat.postMessage").filter((c) => c.params.channel === channel && /digest/i.test(String(c.params.text)));

function expectPngCharts(slack: FakeSlack, completion: SlackApiCall) {
  const files = completion.params.files as { id: string; title: string }[];
  expect(files.map((f) => f.title)).toEqual(["NPS, last 12 weeks", "Loyalty funnel", "Cohort retention", "New subscribers by source"]);
  for (const f of files) {
    const upload = slack.uploads.find((u) => u.fileId === f.id)!;
    const image = decode(upload.bytes);
    expect([upload.filename.endsWith(".png"), image.width, image.height]).toEqual([true, 1920, 1080]);
    expect(pictureStats(image).blank).toBe(false);
  }
}

describe.each(DATABASE_KINDS)("weekly digest on %s", (kind) => {
  describe("the scheduled job", () => {
    let database: TestDatabase;
    let telegram: FakeTelegram;
    let slackApi: FakeSlack;
    const clock = new FakeClock("2026-11-22T12:00:00Z");
    const env = { DIGEST_TELEGRAM_CHATS: `${ADMIN_CHAT}:ru` };
    beforeAll(async () => {
      database = await createTestDatabase(kind);
      telegram = await new FakeTelegram().start();
      slackApi = await new FakeSlack().start();
    });
    afterAll(async () => {
      await database.drop();
      await telegram.stop();
      await slackApi.stop();
    });

    test("Monday 09:00 in Berlin, once: Slack with charts in the thread, Telegram in Russian; a restart neither skips nor doubles it", async () => {
      let p: TestProduct = await startTestProduct({ kind, database, telegram, slackApi, clock, env });
      await seedDigestStore(database.db);
      await refreshCustomerStats(p.app.core, { rebuild: true });
      expect(await p.app.scheduler.runDue()).not.toContain("digest.weekly");

      clock.set(DIGEST_NOW); // Monday 23 Nov, 09:00 in Berlin
      expect(await p.app.scheduler.runDue()).toContain("digest.weekly");
      const [post] = digestPosts(slackApi, "C0TEAM");
      expect(post).toBeDefined();
      const text = slackText(post!.params);
      expect(text).toContain("Weekly digest, 16 – 22 Nov 2026");
      expect(text).toContain("*NPS:* -25  ▼ −25 pts (0)");
      expect(text).toContain("#501 Black Friday teaser: 2 delivered · incremental revenue 200 USD vs the holdout · ROMI 100.0%");
      // Charts: one URL per file, the bytes uploaded, then one completion into the message's thread.
      expect(slackApi.callsOf("files.getUploadURLExternal")).toHaveLength(4);
      const [completion] = slackApi.callsOf("files.completeUploadExternal");
      expect(completion!.params).toMatchObject({ channel_id: "C0TEAM", thread_ts: threadOf(post!) });
      expectPngCharts(slackApi, completion!);
      // The admin chat in Telegram: the same digest in Russian, then the charts as an album replying to it.
      const chat = telegram.chat(ADMIN_CHAT);
      expect(chat[0]!.text).toContain("Дайджест недели, 16–22 нояб. 2026 г.");
      expect(chat[0]!.text).toContain("<b>NPS:</b> -25  ▼ −25 п. (0)");
      expect(telegram.callsOf("sendMessage").find((c) => Number(c.params.chat_id) === ADMIN_CHAT)!.params.parse_mode).toBe("HTML");
      const photos = chat.filter((m) => m.kind === "sendPhoto");
      expect(photos).toHaveLength(4);
      expect(photos[0]!.caption).toBe("Графики за 16–22 нояб. 2026 г.: NPS за последние 12 недель");
      for (const photo of photos) expect(decode(photo.file!.bytes).width).toBe(1920);
      const album = telegram.callsOf("sendMediaGroup")[0]!;
      expect((album.params.reply_parameters as { message_id: number }).message_id).toBe(chat[0]!.message_id);

      // The process restarts the same morning: nothing is due again.
      await p.stop();
      p = await startTestProduct({ kind, database, telegram, slackApi, clock, env });
      expect(await p.app.scheduler.runDue()).not.toContain("digest.weekly");
      // A crash after posting but before the scheduler recorded the run: the job runs again, posts nothing.
      await database.db.prisma.scheduledJob.update({ where: { id: "digest.weekly" }, data: { nextRunAt: new Date(DIGEST_NOW) } });
      expect(await p.app.scheduler.runDue()).toContain("digest.weekly");
      expect(digestPosts(slackApi, "C0TEAM")).toHaveLength(1);
      expect(telegram.chat(ADMIN_CHAT).filter((m) => m.kind === "sendMessage")).toHaveLength(1);
      const runs = await database.db.prisma.digestRun.findMany({ orderBy: { destination: "asc" } });
      expect(runs.map((r) => [r.weekStart.toISOString(), r.destination, r.language, r.status])).toEqual([
        [WEEK.from.toISOString(), "slack:C0TEAM", "en", "done"],
        [WEEK.from.toISOString(), `telegram:${ADMIN_CHAT}`, "ru", "done"],
      ]);

      // A week later: the next digest, once.
      clock.set("2026-11-30T08:00:00Z");
      expect(await p.app.scheduler.runDue()).toContain("digest.weekly");
      expect(await p.app.scheduler.runDue()).not.toContain("digest.weekly");
      const posts = digestPosts(slackApi, "C0TEAM");
      expect(posts).toHaveLength(2);
      expect(slackText(posts[1]!.params)).toContain("Weekly digest, 23 – 29 Nov 2026");
      expect(telegram.chat(ADMIN_CHAT).filter((m) => m.kind === "sendMessage")).toHaveLength(2);
      await p.stop();
    });
  });

  describe("a crash between the message and its charts", () => {
    const p = useTestProduct({ kind, clock: new FakeClock("2026-11-22T12:00:00Z") });
    beforeAll(async () => {
      await seedDigestStore(p.database.db);
      await p.app.scheduler.runDue();
    });

    test("the retry five minutes later posts the charts into the same thread, not a second digest", async () => {
      p.clock.set(DIGEST_NOW);
      p.slackApi.failNext("files.getUploadURLExternal", "internal_error");
      expect(await p.app.scheduler.runDue()).not.toContain("digest.weekly");
      const run = await p.database.db.prisma.digestRun.findFirstOrThrow();
      expect(run).toMatchObject({ status: "message_posted", attempts: 1, destination: "slack:C0TEAM" });
      const job = await p.database.db.prisma.scheduledJob.findUniqueOrThrow({ where: { id: "digest.weekly" } });
      expect(job.lastError).toContain("internal_error");

      p.clock.advanceMinutes(5);
      expect(await p.app.scheduler.runDue()).toContain("digest.weekly");
      const posts = digestPosts(p.slackApi, "C0TEAM");
      expect(posts).toHaveLength(1);
      const [completion] = p.slackApi.callsOf("files.completeUploadExternal");
      expect(completion!.params).toMatchObject({ channel_id: "C0TEAM", thread_ts: run.messageRef });
      expectPngCharts(p.slackApi, completion!);
      expect(await p.database.db.prisma.digestRun.findFirstOrThrow()).toMatchObject({ status: "done", messageRef: run.messageRef });
    });
  });

  describe("/digest and the proposal's button", () => {
    const p = useTestProduct({ kind, clock: new FakeClock(DIGEST_NOW), env: { SLACK_SENDERS: "U0MARKETER", DIGEST_CHANNELS: "C0TEAM:en,C0RU:ru" } });
    beforeAll(async () => {
      await seedDigestStore(p.database.db);
      // Ten more customers slid into RFM "at risk" during the week: 3 were there on Monday 16 Nov, all 10
      // on Monday 23 Nov; of the 7 who came in, 4 were acquired from facebook_ads and 3 from qr_store.
      // (The snapshots are written as taken, so the digest reads them as they are.)
      await p.database.db.execScript(`
        INSERT INTO subscriber (id, telegram_id, first_name, source, consent_status, consent_at, created_at)
        SELECT g, 3000 + g, 'Risky' || g, CASE WHEN g <= 27 THEN 'facebook_ads' ELSE 'qr_store' END, 'subscribed', '2025-01-01', '2025-01-01'
          FROM generate_series(21, 30) g;
        INSERT INTO "order" (subscriber_id, idempotency_key, amount, status, paid_at)
        SELECT g, 'risky-' || g, 90, 'paid', '2026-06-01T12:00:00Z' FROM generate_series(21, 30) g;
        INSERT INTO stage_snapshot (taken_for, customers, taken_at) VALUES ('${WEEK.from.toISOString()}', 10, now()), ('${WEEK.to.toISOString()}', 10, now());
        INSERT INTO stage_snapshot_customer (taken_for, subscriber_id, stage, rfm_class)
        SELECT '${WEEK.from.toISOString()}', g, 'new', CASE WHEN g <= 23 THEN 'at_risk' ELSE 'need_attention' END FROM generate_series(21, 30) g;
        INSERT INTO stage_snapshot_customer (taken_for, subscriber_id, stage, rfm_class)
        SELECT '${WEEK.to.toISOString()}', g, 'new', 'at_risk' FROM generate_series(21, 30) g;`);
      await refreshCustomerStats(p.app.core, { rebuild: true });
      await p.database.db.execScript(`UPDATE customer_stats SET rfm_class = 'at_risk' WHERE subscriber_id BETWEEN 21 AND 30`);
    });

    /** The command's last answer, once the work is done (the first may be "working on it"). */
    async function finalAnswer(res: { answers: () => Record<string, unknown>[] }) {
      return p.slackApi.waitFor(() => {
        const last = res.answers().at(-1);
        return last && !String(last.text).startsWith("⏳") ? last : undefined;
      }, 30_000);
    }

    test("/digest now posts here with the charts in the thread; the button opens the /send pre-flight card", async () => {
      const res = await p.slack.command("/digest", "now", "U0MARKETER", { channel: "C0MARKETING" });
      expect(res.status).toBe(200);
      expect((await finalAnswer(res)).text).toBe(":white_check_mark: The digest for 16 – 22 Nov 2026 is in this channel.");
      const [post] = digestPosts(p.slackApi, "C0MARKETING");
      const text = slackText(post!.params);
      expect(text).toContain("*RFM “At risk” grew 233% this week (3 → 10)*");
      expect(text).toContain("Mostly customers acquired from facebook_ads (4 of 7 who came in)");
      expect(text).toContain('`/send rfm:at_risk "{first_name}, we miss you! Here is 15% off your next order, valid for 7 days." tomorrow 11:00 --holdout 10% --name "Digest: win-back for at-risk customers"`');
      const completion = await p.slackApi.waitFor(() => p.slackApi.callsOf("files.completeUploadExternal").find((c) => c.params.channel_id === "C0MARKETING"));
      expect(completion.params.thread_ts).toBe(threadOf(post!));
      expectPngCharts(p.slackApi, completion);
      const audit = await p.database.db.prisma.auditLog.findFirstOrThrow({ where: { action: "digest.posted" } });
      expect([audit.actor, audit.target]).toEqual(["slack:U0MARKETER", "slack:C0MARKETING"]);

      const blocks = (typeof post!.params.blocks === "string" ? JSON.parse(post!.params.blocks) : post!.params.blocks) as { type: string; elements?: { action_id: string; value: string }[] }[];
      const button = blocks.find((b) => b.type === "actions")!.elements![0]!;
      expect(button.action_id).toBe("digest_open_send");
      const press = await p.slack.action(button.action_id, button.value, "U0MARKETER");
      expect(press.status).toBe(200);
      const card = await p.slackApi.waitFor(() => p.slackApi.responsesTo(press.responseUrl)[0], 15_000);
      expect(card.body).toMatchObject({ response_type: "ephemeral", replace_original: false });
      const cardText = slackText(card.body);
      expect(cardText).toContain("Pre-flight: Digest: win-back for at-risk customers");
      expect(cardText).toContain("*Sends:* Tue, 24 Nov 2026, 11:00 (Europe/Berlin)");
      expect(cardText).toContain("*Matched:* 10");
      expect(cardText).toContain("> Anna, we miss you! Here is 15% off your next order, valid for 7 days.");
      const draft = await p.database.db.prisma.campaign.findFirstOrThrow({ where: { status: "draft" } });
      expect(draft).toMatchObject({ name: "Digest: win-back for at-risk customers", segmentText: "rfm:at_risk", holdoutPercent: 10, createdBy: "U0MARKETER" });

      // Someone without the right to send gets a polite no, and no draft.
      const refused = await p.slack.action(button.action_id, button.value, "U0VIEWER");
      const no = await p.slackApi.waitFor(() => p.slackApi.responsesTo(refused.responseUrl)[0], 15_000);
      expect(String(no.body.text)).toMatch(/^Sorry, you can't/);
      expect(await p.database.db.prisma.campaign.count({ where: { status: "draft" } })).toBe(1);
    });

    test("in a Russian digest channel, /digest now speaks Russian", async () => {
      const res = await p.slack.command("/digest", "now last week", "U0MARKETER", { channel: "C0RU" });
      expect((await finalAnswer(res)).text).toBe(":white_check_mark: Дайджест за 16–22 нояб. 2026 г. опубликован в этом канале.");
      const text = slackText(p.slackApi.callsOf("chat.postMessage").find((c) => c.params.channel === "C0RU")!.params);
      expect(text).toContain("Дайджест недели, 16–22 нояб. 2026 г.");
      expect(text).toContain("RFM «В зоне риска»: рост на 233% за неделю (3 → 10)");
    });

    test("/digest preview shows it only to the caller: ephemeral message, charts in their direct messages", async () => {
      const before = p.slackApi.callsOf("chat.postMessage").length;
      const res = await p.slack.command("/digest", "preview", "U0MARKETER", { channel: "C0MARKETING" });
      const answer = await finalAnswer(res);
      expect(answer.response_type).toBe("ephemeral");
      expect(slackText(answer)).toContain("Weekly digest, 16 – 22 Nov 2026");
      expect(slackText(answer)).toContain("The charts are in your direct messages with Chatloop.");
      expect(p.slackApi.callsOf("chat.postMessage")).toHaveLength(before);
      expect(p.slackApi.callsOf("conversations.open").at(-1)!.params.users).toBe("U0MARKETER");
      const completion = p.slackApi.callsOf("files.completeUploadExternal").at(-1)!;
      expect(completion.params.channel_id).toBe("DU0MARKETER");
      expect(completion.params.thread_ts).toBeUndefined();
      expectPngCharts(p.slackApi, completion);
    });

    test("usage, and a period it does not know", async () => {
      const usage = await p.slack.command("/digest", "", "U0MARKETER");
      expect(String((await finalAnswer(usage)).text)).toMatch(/^Usage: `\/digest now \[period\]`/);
      const unknown = await p.slack.command("/digest", "now next century", "U0MARKETER");
      expect(String((await finalAnswer(unknown)).text)).toMatch(/^I don't know the period "next century"/);
    });
  });
});

/** The ts Slack gave a message the app posted. */
function threadOf(post: SlackApiCall): string {
  return String(post.response!.ts);
}
