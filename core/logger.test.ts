import { Writable } from "node:stream";
import { describe, expect, test } from "vitest";
import { createLogger } from "./logger.ts";

describe("logs", () => {
  test("personal data is redacted at the default level, also inside errors' request payloads", () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    const log = createLogger("info", sink);
    const err = Object.assign(new Error("Call to 'sendMessage' failed"), { payload: { chat_id: 42, text: "Hi Ann, your code is X" } });
    log.error({ err, subscriberId: 7, customer: { email: "ann@example.com", phone: "+491511", firstName: "Ann" } }, "send failed");
    const line = lines.join("");
    expect(line).toContain('"subscriberId":7');
    expect(line).not.toContain("ann@example.com");
    expect(line).not.toContain("+491511");
    expect(line).not.toContain("Hi Ann");
    expect(line).not.toContain('"firstName":"Ann"');
  });
});
