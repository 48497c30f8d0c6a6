// Slack's 3-second rule: slow work is acknowledged first, answered later.
import { describe, expect, test, vi } from "vitest";
import type { RespondArguments, SlashCommand } from "@slack/bolt";
import { silentLogger } from "../../core/logger.ts";
import { Refusal, replyToCommand } from "./reply.ts";

function io() {
  const acks: unknown[] = [];
  const responses: RespondArguments[] = [];
  return {
    acks,
    responses,
    io: {
      ack: async (reply?: unknown) => void acks.push(reply),
      respond: (async (r: RespondArguments) => void responses.push(r)) as never,
      command: { command: "/metrics", user_id: "U1" } as SlashCommand,
      logger: silentLogger,
    },
  };
}
const texts = { working: "Working on it", failed: "Something went wrong" };

describe("replying to a slash command", () => {
  test("fast work is the acknowledgement itself", async () => {
    const x = io();
    await replyToCommand(x.io, texts, async () => ({ text: "42" }));
    expect(x.acks).toEqual([{ response_type: "ephemeral", text: "42" }]);
    expect(x.responses).toEqual([]);
  });

  test("slow work is acknowledged before it completes, then answered through response_url", async () => {
    // Fake timers: the 20 ms budget passes when the test says so, however loaded the machine.
    vi.useFakeTimers();
    const x = io();
    let finish!: () => void;
    const released = new Promise<void>((r) => (finish = r));
    const done = replyToCommand(x.io, texts, async () => {
      await released;
      return { text: "the figures" };
    }, 20);
    await vi.advanceTimersByTimeAsync(19);
    expect(x.acks).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    vi.useRealTimers();
    expect(x.acks).toEqual([{ response_type: "ephemeral", text: "Working on it" }]);
    expect(x.responses).toEqual([]);
    finish();
    await done;
    expect(x.responses).toEqual([{ response_type: "ephemeral", text: "the figures", replace_original: false }]);
  });

  test("a failure is answered, never left hanging; a refusal is answered as it is", async () => {
    const x = io();
    await replyToCommand(x.io, texts, async () => {
      throw new Error("database down");
    });
    expect(x.acks).toEqual([{ response_type: "ephemeral", text: "Something went wrong" }]);
    const y = io();
    await replyToCommand(y.io, texts, async () => {
      throw new Refusal({ text: "Not for you" });
    });
    expect(y.acks).toEqual([{ response_type: "ephemeral", text: "Not for you" }]);
  });
});
