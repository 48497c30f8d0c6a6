// The sandbox as a person uses it: `npm start` with no bot credentials, a
// terminal fed line by line. A subscription, a qualification flow with its hot
// lead posted to Slack, and /segment list - then a restart keeps the data and
// --reset-demo rebuilds it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
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

  async waitFor(pattern: RegExp | string, timeoutMs = 60_000): Promise<void> {
    const start = Date.now();
    const found = () => (typeof pattern === "string" ? this.output.includes(pattern) : pattern.test(this.output));
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
    await this.waitFor(new RegExp(`(?:> ready[\\s\\S]*){${expected}}`));
    return this.output.slice(from);
  }
}

describe("the sandbox", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "chatloop-sandbox-"));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const start = (args: string[] = []) => new SandboxDriver(spawnProduct({ DATA_DIR: dataDir, PORT: "0" }, args));

  test("a customer subscribes and walks a flow; the marketer sees the hot lead and the audiences", async () => {
    const sandbox = start();
    await sandbox.waitFor("Chatloop sandbox - the real product on local Telegram and Slack servers.", 120_000);
    expect(sandbox.text).toContain("Seeding the demo store");
    expect(sandbox.product.stderr.join("\n")).toContain("No TELEGRAM_BOT_TOKEN or SLACK_BOT_TOKEN set: starting the sandbox");

    const hello = await sandbox.type("/start");
    expect(hello).toContain("Hi, Alex! I'm the Chatloop assistant.");
    expect(hello).toContain("[#1 ✅ Yes, subscribe me] [#2 No, thanks]");
    expect(await sandbox.type("#1")).toContain("You're subscribed. Thank you!");

    expect(await sandbox.type("/choose")).toContain("What will you wear them for?");
    expect(await sandbox.type("#3")).toContain("What shoe size (EU)?");
    expect(await sandbox.type("forty-two")).toContain("What shoe size (EU)?");
    expect(await sandbox.type("42")).toContain("What budget do you have in mind?");
    expect(await sandbox.type("#3")).toContain("When do you need them?");
    expect(await sandbox.type("next Friday")).toContain("Shall our stylist send you a personal selection?");
    expect(await sandbox.type("#1")).toContain("Your phone number");
    expect(await sandbox.type(":contact +4915112345678")).toMatch(/e-mail/i);
    const done = await sandbox.type("alex@example.com");
    expect(done).toContain("Our stylist will contact you shortly");
    expect(done).toMatch(/\[slack #C0TEAM\][\s\S]*Alex/);

    const audiences = await sandbox.type("/segment list");
    expect(audiences).toContain("[slack] (only you see this)");
    expect(audiences).toMatch(/Everyone: 3 001/);
    expect(audiences).toMatch(/Subscribed \(opted in, reachable\): 2 049/);

    sandbox.product.process.stdin!.end(":quit\n");
    expect((await sandbox.product.exited).code).toBe(0);
  }, 300_000);

  test("a restart keeps the demo data; --reset-demo rebuilds it", async () => {
    const again = start();
    await again.waitFor("Chatloop sandbox - the real product", 120_000);
    expect(again.text).not.toContain("Seeding the demo store");
    expect(await again.type("/segment list")).toMatch(/Subscribed \(opted in, reachable\): 2 049/);
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
});
