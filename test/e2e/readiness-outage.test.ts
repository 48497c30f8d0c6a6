// /readyz during a Bot API outage: in long polling, readiness turns 503 once
// Telegram has been unreachable for longer than the threshold (and the outage
// is logged, and its end); in webhook mode the Telegram check is cached in
// both states, so probes do not call getWebhookInfo every time.
import { Writable } from "node:stream";
import { afterEach, describe, expect, test } from "vitest";
import { TELEGRAM_OUTAGE_THRESHOLD_MS } from "../../bot/telegram/api-reachability.ts";
import { createLogger } from "../../core/logger.ts";
import { startTestProduct, type TestProduct } from "../support/product.ts";

type Readiness = { status: string; checks: Record<string, { ok: boolean; detail?: string }> };

describe("readiness during a Bot API outage (pglite)", () => {
  let p: TestProduct | undefined;
  afterEach(async () => {
    await p?.stop();
    p = undefined;
  });
  const probe = async () => {
    const res = await fetch(`${p!.baseUrl}/readyz`);
    return { status: res.status, body: (await res.json()) as Readiness };
  };

  test("long polling: ready through a short outage, 503 with the reason past the threshold, logged, ready again when Telegram answers", async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (String(chunk).split("\n").filter(Boolean).forEach((l) => lines.push(JSON.parse(l) as Record<string, unknown>)), done()) });
    p = await startTestProduct({ kind: "pglite", logger: createLogger("info", sink) });
    let failedPolls = 0;
    let reachedTwice!: () => void;
    const twice = new Promise<void>((resolve) => (reachedTwice = resolve));
    p.telegram.addFault((call) => {
      if (call.method !== "getUpdates") return undefined;
      if (++failedPolls === 2) reachedTwice();
      return { error_code: 502, description: "Bad Gateway" };
    });
    // An update ends the poll in hand; every poll after it fails until the fault is gone.
    const ann = p.telegram.user(9501, { first_name: "Ann" });
    const answered = ann.command("help");
    await twice; // the bot has seen one failure and is retrying
    expect((await probe()).status).toBe(200);

    p.clock.advance(TELEGRAM_OUTAGE_THRESHOLD_MS + 1000);
    const down = await probe();
    expect(down.status).toBe(503);
    expect(down.body.checks.telegram).toEqual({ ok: false, detail: "the Bot API has been unreachable for 31 s (last error: 502 Bad Gateway)" });
    expect(lines.filter((l) => l.msg === "telegram bot api unreachable")).toHaveLength(1);

    p.telegram.clearFaults();
    await answered; // polling got through: the poll that confirmed the update now waits for the next one
    // Readiness learns that Telegram is back from an answer; a long poll answers when an update comes.
    await ann.command("help");
    const up = await probe();
    expect(up.status).toBe(200);
    expect(up.body.checks.telegram).toEqual({ ok: true, detail: "long polling" });
    expect(lines.some((l) => l.msg === "telegram bot api reachable again")).toBe(true);
    expect(ann.lastText()).toContain("/start");
  }, 60_000);

  test("webhook: a failing check is cached too - five probes, one getWebhookInfo - and recovery shows once the cache expires", async () => {
    p = await startTestProduct({ kind: "pglite", webhook: true });
    p.clock.advance(120_000); // past whatever start-up cached
    const calls = () => p!.telegram.callsOf("getWebhookInfo").length;
    const registered = p.telegram.registeredWebhookUrl;
    p.telegram.registeredWebhookUrl = "";
    const before = calls();
    const probes = await Promise.all(Array.from({ length: 5 }, probe));
    expect(probes.map((r) => r.status)).toEqual([503, 503, 503, 503, 503]);
    expect(await probe()).toMatchObject({ status: 503 });
    expect(calls() - before).toBe(1);

    p.telegram.registeredWebhookUrl = registered;
    p.clock.advance(11_000);
    expect((await probe()).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await probe()).status).toBe(200);
    expect(calls() - before).toBe(2);
  });
});
