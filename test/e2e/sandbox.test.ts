// The sandbox as a person uses it: `npm start` with no bot credentials, a
// terminal fed line by line. A subscription, a qualification flow with its hot
// lead posted to Slack, /segment list and a question to the app in words - then a restart keeps the data (an
// NPS detractor's card, :reply to them), Ctrl-C and SIGTERM stop it within
// 5 s, a second start on the same data is refused in one line, a real
// terminal recalls earlier lines with the up-arrow, and --reset-demo rebuilds it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, test } from "vitest";
import { spawnProduct, type ChildProduct } from "../support/child-product.ts";

class SandboxDriver {
  private output = "";
  private readyCount = 0;
  constructor(readonly product: ChildProduct) {
    product.process.stdout!.on("data", (chunk: Buffer) => {
      this.output += chunk.toString("utf8");
    });
  }

  get text(): string {
    return this.output;
  }

  async waitFor(pattern: RegExp | string | (() => boolean), timeoutMs = 60_000): Promise<void> {
    const start = Date.now();
    const found = () => (typeof pattern === "function" ? pattern() : typeof pattern === "string" ? this.output.includes(pattern) : pattern.test(this.output));
    while (!found()) {
      if (Date.now() - start > timeoutMs) throw new Error(`sandbox output never showed ${String(pattern)}; it said:\n${this.output.slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Types a line and waits until the sandbox has handled it; returns what it printed. */
  async type(line: string): Promise<string> {
    const from = this.output.length;
    this.readyCount += 1;
    this.product.process.stdin!.write(`${line}\n`);
    const expected = this.readyCount;
    // Counted, not matched: a regular expression repeating "> ready[\s\S]*" N times backtracks for minutes on a long output.
    await this.waitFor(() => this.output.split("> ready").length - 1 >= expected);
    return this.output.slice(from);
  }
}

describe("the sandbox", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "chatloop-sandbox-"));
  const started: ChildProduct[] = [];
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  // A failed test must not leave its sandbox holding the data for the next one.
  afterEach(async () => {
    for (const child of started.splice(0)) {
      if (child.process.exitCode === null && child.process.signalCode === null) {
        child.process.kill("SIGKILL");
        await child.exited;
      }
    }
  });

  const start = (args: string[] = []) => {
    const child = spawnProduct({ DATA_DIR: dataDir, PORT: "0" }, args);
    started.push(child);
    return new SandboxDriver(child);
  };

  test("a customer subscribes and walks a flow; the marketer sees the hot lead and the audiences", async () => {
    const sandbox = start();
    await sandbox.waitFor("Chatloop sandbox - the real product on local Telegram and Slack servers.", 120_000);
    expect(sandbox.text).toContain("Seeding the demo store");
    expect(sandbox.product.stderr.join("\n")).toContain("No TELEGRAM_BOT_TOKEN or SLACK_BOT_TOKEN set: starting the sandbox");

    const hello = await sandbox.type("/start");
    expect(hello).toContain("Hi, Alex! I'm the Chatloop assistant.");
    expect(hello).toContain("[#a ✅ Yes, subscribe me] [#b No, thanks]");
    expect(await sandbox.type("#a")).toContain("You're subscribed. Thank you!");

    expect(await sandbox.type("/choose")).toContain("What will you wear them for?");
    expect(await sandbox.type("#c")).toContain("What shoe size (EU)?");
    expect(await sandbox.type("forty-two")).toContain("What shoe size (EU)?");
    expect(await sandbox.type("42")).toContain("What budget do you have in mind?");
    expect(await sandbox.type("#3")).toContain("When do you need them?");
    expect(await sandbox.type("next Friday")).toContain("Shall our stylist send you a personal selection?");
    expect(await sandbox.type("#1")).toContain("Your phone number");
    expect(await sandbox.type(":contact +4915112345678")).toMatch(/e-mail/i);
    const done = await sandbox.type("alex@example.com");
    expect(done).toContain("Our stylist will contact you shortly");
    expect(done).toMatch(/\[slack #C0TEAM card 1\][\s\S]*Alex/);

    // The card's Open profile draws the modal's content.
    const profile = await sandbox.type("@1");
    expect(profile).toContain("[slack modal]");
    expect(profile).toContain("alex@example.com");

    const audiences = await sandbox.type("/segment list");
    expect(audiences).toContain("[slack] (only you see this)");
    expect(audiences).toMatch(/Everyone: 3 001 \(\+1 since last week\)/);
    expect(audiences).toMatch(/Subscribed \(opted in, reachable\): 2 049 \(\+1 since last week\)/);
    expect(await sandbox.type("/segments")).toContain("/segments is not a Slack command here. Did you mean /segment?");
    expect(await sandbox.type("/metric last month")).toContain("Did you mean /metrics?");
    expect(await sandbox.type("/spend")).toContain("/spend SOURCE AMOUNT PERIOD");
    expect(await sandbox.type(":usr Maria")).toContain("[sandbox] :usr Maria is not a sandbox command. Did you mean :user?");
    expect(await sandbox.type("help")).toContain(":help shows the sandbox's commands; /chatloop help the Slack app's.");

    // A marketer's question typed as plain text reaches the customer bot (subscribed Alex's words go to the team);
    // the sandbox says how to ask the app.
    const question = await sandbox.type("how many customers do we have");
    expect(question).toContain("Thank you! I've passed your message on to our team");
    expect(question).toContain("To ask the Slack app in your own words, start with @chatloop: @chatloop how many loyal customers do we have?");
    // Asked so, the app answers in the mention's thread, before the prompt, with the exact form it understood.
    // Once a session: a second message the bot takes as no answer gets no hint.
    const again = await sandbox.type("how many customers do we have?");
    expect(again).toContain("passed your message on to");
    expect(again).not.toContain("To ask the Slack app");
    const asked = await sandbox.type("@chatloop how many loyal customers do we have?");
    expect(asked).toMatch(/\[slack #C0MARKETING\] you: @Chatloop how many loyal customers do we have\?\n\[slack #C0MARKETING thread\]\n {4}Understood as: `\/segment preview lifecycle = loyal`[\s\S]*customers, [\d.]+% of the base \(3 001\)[\s\S]*> ready/);

    const help = await sandbox.type(":help");
    expect(help).toMatch(/HTTP on http:\/\/127\.0\.0\.1:\d+ - the ingestion API \(key sandbox-ingest-key-0123456789\)/);
    expect(help).toContain(`Logs go to ${path.join(dataDir, "sandbox", "chatloop.log")}.`);
    expect(help).not.toContain("{port}");

    const mine = await sandbox.type("/mydata");
    const file = path.join(dataDir, "sandbox", "files", "my-data.json");
    expect(mine).toContain(`(file my-data.json,`);
    expect(mine).toContain(`-> ${file}`);
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toMatchObject({ profile: { firstName: "Alex" } });

    // Another customer, then back to the same Alex.
    expect(await sandbox.type(":user Мария ru")).toContain("you are now Мария (Telegram id 4243, new)");
    expect(await sandbox.type(":user Alex")).toContain("you are now Alex (Telegram id 4242, as before)");
    expect(await sandbox.type(":users")).toMatch(/\* Alex \(en, Telegram id 4242, subscribed\)[\s\S]*Мария/);

    sandbox.product.process.stdin!.end(":quit\n");
    expect((await sandbox.product.exited).code).toBe(0);
  }, 300_000);

  test("a restart keeps the demo data: an NPS detractor's card past the stored ones, :reply reaches them; --reset-demo rebuilds it", async () => {
    const again = start();
    await again.waitFor("Chatloop sandbox - the real product", 120_000);
    expect(again.text).not.toContain("Seeding the demo store");
    expect(await again.type("/segment list")).toMatch(/Subscribed \(opted in, reachable\): 2 049/);

    // /send alone: the campaign modal's fields (once, filled in), and how to say the same on one line - a terminal cannot fill a form.
    const form = await again.type("/send");
    expect(form.match(/\[slack modal\]/g)).toHaveLength(1);
    expect(form).toContain("== New campaign ==");
    expect(form).toContain("Audience: []");
    expect(form).toContain("Prefer typing? Everything it asks for fits on one line:");
    expect(form).toContain("Usage: `/send SEGMENT MESSAGE WHEN [options]`");

    // An NPS survey to Alex alone, from Slack; Alex answers 3 by typing it (the button labelled 3).
    const card = await again.type('/send "first_name = Alex" now --survey nps');
    expect(card).toContain("Pre-flight");
    await again.type("@1");
    await again.waitFor("How likely are you to recommend us");
    const reason = await again.type("3");
    expect(reason).toContain("What is the main reason for your score?");
    const posted = await again.type("The soles came off after a week");
    expect(posted).not.toContain("Sorry, something went wrong");
    expect(posted).toMatch(/\[slack #C0TEAM card 1[\s\S]*The soles came off/);
    const replied = await again.type(":reply 1 We're sorry, Alex - a new pair is on its way.");
    expect(replied).toContain("Message from our team");
    expect(replied).toContain("a new pair is on its way");

    // The customer is heard after the restart too (the local Bot API numbers updates past those handled before),
    // and every command of the bot reaches it - /help is not a sandbox word.
    expect(await again.type("/help")).toContain("/mydata");
    expect(await again.type("/frobnicate")).toContain("I don't know that command. /help shows what I can do.");
    again.product.process.stdin!.end(":quit\n");
    expect((await again.product.exited).code).toBe(0);

    const reset = start(["--reset-demo"]);
    await reset.waitFor("Chatloop sandbox - the real product", 120_000);
    expect(reset.text).toContain("Seeding the demo store");
    expect(await reset.type("/segment list")).toMatch(/Subscribed \(opted in, reachable\): 2 048/);
    reset.product.process.stdin!.end(":quit\n");
    expect((await reset.product.exited).code).toBe(0);
  }, 300_000);

  test.each(["SIGINT", "SIGTERM"] as const)("%s stops it within 5 s; a second start meanwhile is refused in one line", async (signal) => {
    const first = start();
    await first.waitFor("Chatloop sandbox - the real product", 120_000);
    const second = start();
    const refused = await second.product.exited;
    expect(refused.code).toBe(1);
    const lines = second.product.stderr.filter((l) => !l.startsWith("No TELEGRAM_BOT_TOKEN"));
    expect(lines).toEqual([expect.stringMatching(/^The sandbox could not start: The embedded database in .* is in use by process \d+\. Stop it first/)]);

    const asked = Date.now();
    first.product.process.kill(signal);
    expect((await first.product.exited).code).toBe(0);
    expect(Date.now() - asked).toBeLessThan(5_000);
  }, 300_000);

});
