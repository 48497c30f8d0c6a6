// Telegram's limits hold whatever the data files say: 64-byte button data with
// the longest flow id, texts over 4096 characters split into several messages
// (flow texts and team replies alike). A broken flow file stops the start.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startApplication } from "../../bot/application.ts";
import { parseConfig } from "../../core/config.ts";
import { silentLogger } from "../../core/logger.ts";
import { DATABASE_KINDS } from "../support/databases.ts";
import { startTestProduct, type TestProduct } from "../support/product.ts";

const LONG_ID = `a${"-long-flow-id".repeat(4)}-that-fills-the-deep-link`.slice(0, 59);
const PARAGRAPH = "Every pair we sell is checked by hand before it ships, and every size is measured twice. ";
const LONG_INTRO = Array.from({ length: 60 }, () => PARAGRAPH).join("");

function flowsDir(flowYaml: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chatloop-limits-"));
  fs.mkdirSync(path.join(dir, "qualification"));
  fs.writeFileSync(path.join(dir, "qualification", "flow.yaml"), flowYaml);
  return dir;
}

const longFlow = `id: ${LONG_ID}
name: { en: Long, ru: Длинный }
intro: { en: ${JSON.stringify(LONG_INTRO)}, ru: ${JSON.stringify(LONG_INTRO)} }
triggers: { commands: [longflow] }
qualification: { hot: 0, warm: 0 }
outro: { default: { en: Done, ru: Готово } }
steps:
  - id: ${"q".repeat(64)}
    type: single
    text: { en: Pick a number, ru: Выберите число }
    options:
${Array.from({ length: 10 }, (_, i) => `      - { value: option-number-${i + 1}, label: { en: "Option ${i + 1}", ru: "Вариант ${i + 1}" } }`).join("\n")}
`;

test("a broken flow file stops the start with the file, the path inside it and what is wrong", async () => {
  const dir = flowsDir(longFlow.replace("type: single", "type: dropdown"));
  const config = parseConfig({ NODE_ENV: "test", PORT: "0", FLOWS_DIR: dir });
  await expect(startApplication({ config, logger: silentLogger })).rejects.toThrow(/flow\.yaml: steps\[0\]\.type \(line 9\): expected type: single, multiple/);
  fs.rmSync(dir, { recursive: true });
});

describe.each(DATABASE_KINDS)("Telegram's limits on %s", (kind) => {
  let p: TestProduct;
  let dir: string;
  beforeAll(async () => {
    dir = flowsDir(longFlow);
    p = await startTestProduct({ kind, env: { FLOWS_DIR: dir } });
  });
  afterAll(async () => {
    await p.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("the longest flow id fits the deep link, button data stays within 64 bytes, long texts are split", async () => {
    expect(LONG_INTRO.length).toBeGreaterThan(4096);
    const kay = p.telegram.user(9001, { first_name: "Kay", language_code: "en" });
    await kay.command("start", `flow_${LONG_ID}`);
    const texts = kay.texts();
    expect(texts).toHaveLength(3);
    expect(texts.slice(0, 2).every((t) => t.length <= 4096)).toBe(true);
    expect(`${texts[0]} ${texts[1]}`).toBe(LONG_INTRO.trim());
    expect(texts[2]).toBe("Pick a number");
    const sent = p.telegram.callsOf("sendMessage").filter((c) => c.params.chat_id === 9001);
    const data = sent.flatMap((c) => ((c.params.reply_markup as { inline_keyboard?: { callback_data: string }[][] } | undefined)?.inline_keyboard ?? []).flat());
    expect(data).toHaveLength(10);
    for (const button of data) expect(Buffer.byteLength(button.callback_data)).toBeLessThanOrEqual(64);

    await kay.press("Option 10");
    expect(kay.texts().at(-2)).toBe("Done");
    const subscriber = await p.database.db.prisma.subscriber.findUniqueOrThrow({ where: { telegramId: 9001n } });
    expect(subscriber.profile).toMatchObject({ leadFlow: LONG_ID, leadQualification: "hot" });

    // A long reply from the team arrives whole, in several messages.
    const thread = await p.database.db.prisma.teamThread.findFirstOrThrow({ where: { subscriberId: subscriber.id } });
    const long = Array.from({ length: 50 }, (_, i) => `Line ${i + 1}: ${PARAGRAPH}`).join("\n");
    await p.slack.event({ type: "message", channel: "C0TEAM", user: "U0ALICE", text: long, ts: "1800000009.000100", thread_ts: thread.slackTs });
    await p.slackApi.waitFor(() => p.slackApi.callsOf("reactions.add").find((c) => c.params.timestamp === "1800000009.000100"));
    const parts = kay.texts().slice(-2);
    expect(parts.every((t) => t.length <= 4096)).toBe(true);
    expect(parts[0]).toMatch(/^💬 Message from our team:\n\nLine 1: /);
    expect(parts[1]).toMatch(/Line 50: .*\n\nYou can reply right here\.$/s);
  });
});
