// How the terminal shows what each side would see: Telegram messages with
// their buttons numbered (#1, #2...), Slack messages rendered from Block Kit
// with their buttons numbered (@1, @2...).

export interface SlackButton {
  actionId: string;
  value: string;
  text: string;
}

interface Block {
  type: string;
  text?: { text?: string };
  fields?: { text?: string }[];
  elements?: { type?: string; text?: string | { text?: string }; action_id?: string; value?: string }[];
}

/** Slack mrkdwn made readable in a terminal: *bold* and _italic_ marks, <@U1> mentions. */
export function plainMrkdwn(text: string): string {
  return text
    .replace(/<@([A-Z0-9]+)>/g, "@$1")
    .replace(/<([^|>]+)\|([^>]+)>/g, "$2 ($1)")
    .replace(/(^|\s)\*([^*\n]+)\*/g, "$1$2")
    .replace(/(^|\s)_([^_\n]+)_/g, "$1$2");
}

export function renderSlack(message: { text?: unknown; blocks?: unknown }): { lines: string[]; buttons: SlackButton[] } {
  const blocks = (typeof message.blocks === "string" ? JSON.parse(message.blocks) : message.blocks) as Block[] | undefined;
  if (!blocks?.length) return { lines: plainMrkdwn(typeof message.text === "string" ? message.text : "").split("\n"), buttons: [] };
  const lines: string[] = [];
  const buttons: SlackButton[] = [];
  for (const block of blocks) {
    if (block.type === "header") lines.push(`== ${block.text?.text ?? ""} ==`);
    else if (block.type === "divider") lines.push("--");
    else if (block.type === "section") {
      if (block.text?.text) lines.push(...plainMrkdwn(block.text.text).split("\n"));
      for (const f of block.fields ?? []) lines.push(...plainMrkdwn(f.text ?? "").split("\n"));
    } else if (block.type === "context") {
      for (const e of block.elements ?? []) if (typeof e.text === "string") lines.push(...plainMrkdwn(e.text).split("\n").map((l) => `  ${l}`));
    } else if (block.type === "actions") {
      for (const e of block.elements ?? []) {
        if (e.type !== "button" || !e.action_id) continue;
        buttons.push({ actionId: e.action_id, value: e.value ?? "", text: typeof e.text === "object" ? (e.text.text ?? "") : String(e.text ?? "") });
      }
    }
  }
  return { lines, buttons };
}

export function numbered(labels: string[], sigil: string): string {
  return labels.map((l, i) => `[${sigil}${i + 1} ${l}]`).join(" ");
}
