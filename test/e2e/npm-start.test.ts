// `npm start` as an operator runs it: a separate process, configured only by
// its environment, on the embedded database in DATA_DIR. A customer subscribes
// through the deep link and the consent button; /segment list counts them;
// SIGTERM stops it cleanly and the data survives a restart.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FakeSlack, SlackClient, slackText } from "../support/fake-slack.ts";
import { FakeTelegram } from "../support/fake-telegram.ts";
import { spawnProduct, type ChildProduct } from "../support/child-product.ts";

/** How long a test waits for the bot in the child process to answer (a loaded machine is slow). */
const ANSWERED = { timeout: 30_000, interval: 50 };

// A child process initialises an embedded database from scratch: slow on a busy machine.
describe("npm start", { timeout: 90_000 }, () => {
  let telegram: FakeTelegram;
  let slackApi: FakeSlack;
  let dataDir: string;
  beforeAll(async () => {
    telegram = await new FakeTelegram().start();
    slackApi = await new FakeSlack().start();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "chatloop-start-"));
  });
  afterAll(async () => {
    await telegram.stop();
    await slackApi.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const env = () => ({
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_API_ROOT: telegram.apiRoot,
    SLACK_BOT_TOKEN: "xoxb-child",
    SLACK_SIGNING_SECRET: "child-secret",
    SLACK_API_URL: slackApi.apiUrl,
    DATA_DIR: dataDir,
    PORT: "0",
  });

  async function start(): Promise<{ product: ChildProduct; slack: SlackClient }> {
    const product = spawnProduct(env());
    const listening = await product.waitForLog((l) => l.msg === "http server listening", 60_000);
    await telegram.waitForCall((c) => c.method === "getUpdates" || c.method === "deleteWebhook", 10_000).catch(() => undefined);
    return { product, slack: new SlackClient(`http://127.0.0.1:${String(listening.port)}`, "child-secret", slackApi) };
  }

  test("subscribes a customer through the deep link and counts them in /segment list, then stops on SIGTERM", async () => {
    const { product, slack } = await start();
    const ann = telegram.user(4001, { first_name: "Ann" });
    await ann.command("start", "flyer_cafe");
    // A product in another process handles an update after fetching the next batch
    // (grammY's runner) and cannot tell the fake when it is done: wait for what Ann sees.
    await expect.poll(() => ann.buttons().some((b) => /Yes/.test(b)), ANSWERED).toBe(true);
    await ann.press(/Yes/);
    await expect.poll(() => ann.lastText(), ANSWERED).toContain("You're subscribed");

    const res = await slack.command("/segment", "list");
    // On a loaded machine the list may come after a "working on it" acknowledgement.
    const answer = await slackApi.waitFor(() => res.answers().find((a) => slackText(a).includes("*Subscribed")), 30_000);
    expect(slackText(answer)).toContain("*Subscribed (opted in, reachable)*: 1");

    product.process.kill("SIGTERM");
    expect(await product.exited).toEqual({ code: 0, signal: null });
    expect(product.logs.some((l) => l.msg === "stopped")).toBe(true);
  }, 90_000);

  test("after a restart on the same DATA_DIR the subscriber is still there", async () => {
    const { product, slack } = await start();
    expect(product.logs.find((l) => l.msg === "database ready")).toMatchObject({ database: "pglite", applied: [] });
    const res = await slack.command("/segment", "list");
    expect(slackText(res.ack)).toContain("*Everyone*: 1");
    product.process.kill("SIGINT");
    expect((await product.exited).code).toBe(0);
  });

  test("killed (SIGKILL) in the middle of a flow, a new process on the same DATA_DIR asks the same question and takes its answer", async () => {
    const first = await start();
    const kim = telegram.user(4002, { first_name: "Kim", language_code: "en" });
    await kim.command("start", "flow_b2b-lead");
    await kim.say("Kim");
    await kim.say("Kimco");
    await expect.poll(() => kim.lastText(), ANSWERED).toBe("What's your role?");
    first.product.process.kill("SIGKILL");
    expect((await first.product.exited).signal).toBe("SIGKILL");

    const second = await start();
    // The buttons of the question asked before the kill still answer it, in the new process.
    await kim.press("Head of marketing");
    await expect.poll(() => kim.lastText(), ANSWERED).toBe("About how many customers are in your base?");
    second.product.process.kill("SIGTERM");
    expect((await second.product.exited).code).toBe(0);
  }, 90_000);

  test("an invalid variable stops it with one line naming the variable", async () => {
    const product = spawnProduct({ ...env(), PORT: "eighty" });
    const { code } = await product.exited;
    expect(code).toBe(1);
    expect(product.stderr).toEqual(['Invalid configuration: PORT: expected a port number (got "eighty"). See .env.example.']);
  });
});
