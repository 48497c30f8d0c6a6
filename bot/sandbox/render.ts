// How the terminal shows what each side would see: Telegram messages with
// their buttons lettered (#a, #b...), Slack messages rendered from Block Kit
// as Slack draws them - shortcodes as emoji, date tokens as dates, fields two
// to a line - with their buttons numbered (@1, @2...) and link buttons
// showing where they go.

export interface SlackButton {
  actionId: string;
  value: string;
  text: string;
  url?: string;
}

interface Element {
  type?: string;
  text?: string | { text?: string };
  action_id?: string;
  value?: string;
  url?: string;
  elements?: Element[];
}

interface Block {
  type: string;
  text?: { text?: string };
  fields?: { text?: string }[];
  elements?: Element[];
  accessory?: Element;
  /** An input block's field (a modal). */
  label?: { text?: string };
  element?: { initial_value?: string };
  optional?: boolean;
}

/** The shortcodes our texts use, as Slack draws them. */
const EMOJI: Record<string, string> = {
  white_check_mark: "✅",
  raising_hand: "🙋",
  no_entry: "⛔",
  hourglass: "⌛",
  warning: "⚠️",
  fire: "🔥",
  speech_balloon: "💬",
  x: "❌",
  bar_chart: "📊",
  chart_with_upwards_trend: "📈",
  chart_with_downwards_trend: "📉",
  calendar: "📅",
  bulb: "💡",
  tada: "🎉",
  star: "⭐",
};

/** A Slack date token's fallback or, failing that, its time as the team would read it. */
function slackDate(unix: string, fallback: string | undefined): string {
  const date = new Date(Number(unix) * 1000);
  if (Number.isNaN(date.getTime())) return fallback ?? unix;
  return date.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}

/** Slack mrkdwn made readable in a terminal. */
export function plainMrkdwn(text: string): string {
  return text
    .replace(/<!date\^(\d+)\^[^|>]*(?:\|([^>]*))?>/g, (_m, unix: string, fallback?: string) => slackDate(unix, fallback))
    .replace(/<@([A-Z0-9]+)>/g, "@$1")
    .replace(/<([^|>]+)\|([^>]+)>/g, "$2 ($1)")
    .replace(/:([a-z0-9_+-]+):/g, (m, code: string) => EMOJI[code] ?? m)
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/(^|\s)\*([^*\n]+)\*/g, "$1$2")
    .replace(/(^|\s)_([^_\n]+)_/g, "$1$2");
}

function elementText(e: Element): string {
  return typeof e.text === "object" ? (e.text.text ?? "") : String(e.text ?? "");
}

function buttonOf(e: Element): SlackButton | undefined {
  if (e.type !== "button") return undefined;
  return { actionId: e.action_id ?? "", value: e.value ?? "", text: plainMrkdwn(elementText(e)), ...(e.url ? { url: e.url } : {}) };
}

export function renderSlack(message: { text?: unknown; blocks?: unknown }): { lines: string[]; buttons: SlackButton[] } {
  const blocks = (typeof message.blocks === "string" ? JSON.parse(message.blocks) : message.blocks) as Block[] | undefined;
  if (!blocks?.length) return { lines: plainMrkdwn(typeof message.text === "string" ? message.text : "").split("\n"), buttons: [] };
  const lines: string[] = [];
  const buttons: SlackButton[] = [];
  const push = (text: string, indent = "") => {
    for (const l of plainMrkdwn(text).split("\n")) if (l.trim()) lines.push(`${indent}${l}`);
  };
  for (const block of blocks) {
    if (block.type === "header") lines.push(`== ${plainMrkdwn(block.text?.text ?? "")} ==`);
    else if (block.type === "section") {
      if (block.text?.text) push(block.text.text);
      // Slack lays fields out in two columns.
      const fields = (block.fields ?? []).map((f) => plainMrkdwn(f.text ?? "").replace(/\n/g, " "));
      for (let i = 0; i < fields.length; i += 2) lines.push(fields.slice(i, i + 2).join("   |   "));
      const accessory = block.accessory && buttonOf(block.accessory);
      if (accessory) buttons.push(accessory);
    } else if (block.type === "context") {
      for (const e of block.elements ?? []) if (typeof e.text === "string") push(e.text, "  ");
    } else if (block.type === "rich_text") {
      push((block.elements ?? []).flatMap((e) => e.elements ?? []).map(elementText).join(""));
    } else if (block.type === "input") {
      // A modal's field, as a form would show it: the terminal cannot fill it in.
      lines.push(`${block.label?.text ?? ""}: [${block.element?.initial_value ?? ""}]`);
    } else if (block.type === "actions") {
      for (const e of block.elements ?? []) {
        const button = buttonOf(e);
        if (button) buttons.push(button);
      }
    }
  }
  return { lines, buttons };
}

/** `a`, `b`... `z`, then `aa`: a button's handle that cannot be mistaken for a score. */
export function letter(index: number): string {
  return index < 26 ? String.fromCharCode(97 + index) : `${letter(Math.floor(index / 26) - 1)}${letter(index % 26)}`;
}

export function labelled(labels: { text: string; url?: string | undefined }[], handle: (i: number) => string): string {
  return labels.map((l, i) => `[${handle(i)} ${l.text}${l.url ? ` -> ${l.url}` : ""}]`).join(" ");
}
