// `/segment help`, `/send help`, `/metrics help`: what can be typed, with
// examples in the team's language and the names this installation knows.
import type { InstallationNames } from "../../../core/language/installation-names.ts";
import type { NaturalCommand } from "../action-values.ts";
import type { SlackReply } from "../reply.ts";

type T = (key: string, vars?: Record<string, string | number>) => string;

/** How many names of a kind are listed (Slack's section text is 3 000 characters). */
const SHOWN = 25;

const SECTIONS: Record<NaturalCommand, { usage: string[]; help: string; also: string; names: (keyof InstallationNames)[] }> = {
  "/segment": { usage: ["segments-usage"], help: "words-help-segment", also: "words-help-builtins", names: ["segments", "sources", "tags", "events", "fields"] },
  "/send": { usage: ["send-usage", "send-example"], help: "words-help-send", also: "words-help-builtins", names: ["segments", "templates", "surveys", "sources", "tags"] },
  "/metrics": { usage: ["metrics-usage"], help: "words-help-metrics", also: "words-help-figures", names: ["segments", "sources"] },
};

export function cheatSheetView(command: NaturalCommand, names: InstallationNames, t: T): SlackReply {
  const section = SECTIONS[command];
  const lines = section.names.map((kind) => {
    const list = names[kind];
    const shown = list.length ? list.slice(0, SHOWN).map((n) => `\`${n}\``).join(", ") + (list.length > SHOWN ? ", …" : "") : t("words-names-none");
    return `• ${t(`words-names-${kind}`, { names: shown })}`;
  });
  const installation = `${t("words-help-names")}\n${lines.join("\n")}`;
  const usage = section.usage.map((key) => t(key)).join("\n");
  return {
    text: `${t(section.help)}\n${t(section.also)}\n${installation}\n${usage}`,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: t(section.help).slice(0, 2900) } },
      { type: "section", text: { type: "mrkdwn", text: t(section.also).slice(0, 2900) } },
      { type: "section", text: { type: "mrkdwn", text: installation.slice(0, 2900) } },
      { type: "context", elements: [{ type: "mrkdwn", text: usage.slice(0, 2900) }] },
    ],
  };
}
