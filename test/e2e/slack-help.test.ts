// Help in Slack: /chatloop (and /help where the workspace allows it) lists
// every command; `help` after any command, or a malformed argument, answers
// with its usage and an example that works.
import { describe, expect, test } from "vitest";
import { slackText } from "../support/fake-slack.ts";
import { useTestProduct } from "../support/per-describe.ts";

describe("Slack help and usage lines (pglite)", () => {
  const p = useTestProduct({ kind: "pglite", env: { SLACK_ADMINS: "U0BOSS" } });
  const say = async (command: string, text: string) => slackText((await p.slack.command(command, text, "U0BOSS")).ack);

  test("/chatloop, /chatloop help and /help list every command", async () => {
    for (const [command, text] of [["/chatloop", "help"], ["/chatloop", ""], ["/help", ""]] as const) {
      const help = await say(command, text);
      for (const name of ["/segment list", "/segment show", "/segment preview", "/segment save", "/send SEGMENT", "/campaigns", "/template save", "/metrics [period]", "/digest now", "/audit", "/customer"]) {
        expect(help).toContain(name);
      }
    }
  });

  test("/chatloop with a question answers it as a message to the app would, with the form it understood", async () => {
    const subscribed = (await say("/segment", "preview consent = subscribed and not blocked")).split("\n")[0]!;
    const answer = await say("/chatloop", "how many subscribers do we have?");
    expect(answer).toContain("Understood as: `/segment preview consent = subscribed and not blocked`");
    expect(answer).toContain(subscribed);
    expect(await say("/chatloop", "какой был NPS на прошлой неделе?")).toContain("Understood as: `/metrics nps на прошлой неделе`");
    expect(await say("/chatloop", "hello there")).toContain("Ask me about segments and figures in your own words");
    expect(await say("/help", "")).toContain("`/chatloop QUESTION`");
  });

  test("every command's `help` is its usage with an example, not an error", async () => {
    const expectations: [string, string, string][] = [
      ["/segment", "help", "Example: `/segment preview lifecycle = loyal and spent_90d > 5000`"],
      ["/send", "help", "Example: `/send winback"],
      ["/send", "", "Usage: `/send SEGMENT MESSAGE WHEN [options]`"],
      ["/campaigns", "help", "Example: `/campaigns show 12`"],
      ["/metrics", "help", "Example: `/metrics last month by source`"],
      ["/digest", "help", "Example: `/digest preview last month`"],
      ["/template", "help", "Example: `/template save black_friday"],
      ["/customer", "help", "Example: `/customer export ann@example.com`"],
      ["/audit", "help", "Example: `/audit 50`"],
    ];
    for (const [command, text, example] of expectations) {
      const answer = await say(command, text);
      expect(answer, `${command} ${text}`).toContain(example);
      expect(answer, `${command} ${text}`).not.toMatch(/What should it say|I don't know the period|audit log is empty/);
    }
  });

  test("/campaigns: an id too large for a campaign gets the usage; verbs in capitals are understood", async () => {
    expect(await say("/campaigns", "show 99999999999")).toContain("Example: `/campaigns show 12`");
    const capitals = await say("/campaigns", "SHOW 7");
    expect(capitals).not.toContain("Usage:");
    expect(capitals).toContain("#7");
  });
});

describe("A Russian-speaking team gets errors in Russian (pglite)", () => {
  const p = useTestProduct({ kind: "pglite", env: { SLACK_LANGUAGE: "ru", SLACK_ADMINS: "U0BOSS" } });
  const say = async (command: string, text: string) => slackText((await p.slack.command(command, text, "U0BOSS")).ack);

  test("unknown period, segment, customer and survey are explained in Russian with the usage", async () => {
    const period = await say("/metrics", "в позапрошлом веке");
    expect(period).toContain("Не знаю такой период: «в позапрошлом веке».");
    expect(period).toContain("Пример:");
    expect(await say("/segment", "show nobody")).toBe("Сегмента 'nobody' нет. Все сегменты: /segment list.");
    expect(await say("/send", 'nobody "Привет" now')).toContain("Сегмента 'nobody' нет. Все сегменты: /segment list.");
    expect(await say("/send", "everyone now --survey nsp")).toContain("Опроса `nsp` нет.");
    expect(await say("/customer", "show nobody@example.com")).toContain("Клиент по запросу «nobody@example.com» не найден.");
  });
});
