// The digest into a Telegram chat (the managers' admin group,
// DIGEST_TELEGRAM_CHATS): the same sections as in Slack as one HTML message
// (split at line boundaries past Telegram's 4096 characters), then the charts
// as one album replying to it. Telegram has no Slack button, so the proposed
// campaign is shown as the /send command to type in Slack.
import { InputFile, InputMediaBuilder, type Api } from "grammy";
import type { Translator } from "../../core/i18n.ts";
import type { DigestOutlet } from "../../core/digest/digest-outlet.ts";
import { digestSections, type DigestLine, type DigestSections } from "../digest/digest-sections.ts";
import { splitText, TELEGRAM_CAPTION_LIMIT } from "./telegram-channel.ts";

export function telegramDigestOutlet(api: Api, options: { translator: Translator; timezone: string }): DigestOutlet {
  return {
    async postDigest(chat, publication) {
      const sections = digestSections(publication.digest, { translator: options.translator, language: publication.language, timezone: options.timezone });
      let last = 0;
      for (const part of splitText(digestHtml(sections))) {
        const sent = await api.sendMessage(chatId(chat), part, { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
        last = sent.message_id;
      }
      return String(last);
    },
    async postCharts(chat, messageRef, publication) {
      if (publication.charts.length === 0) return;
      const sections = digestSections(publication.digest, { translator: options.translator, language: publication.language, timezone: options.timezone });
      const album = publication.charts.map((c, i) =>
        InputMediaBuilder.photo(new InputFile(c.png, c.filename), { caption: (i === 0 ? `${sections.chartsComment}: ${c.title}` : c.title).slice(0, TELEGRAM_CAPTION_LIMIT) }),
      );
      await api.sendMediaGroup(chatId(chat), album, { reply_parameters: { message_id: Number(messageRef), allow_sending_without_reply: true } });
    },
  };
}

/** Numeric chat ids as numbers; @channelname as is. */
function chatId(chat: string): number | string {
  return /^-?\d+$/.test(chat) ? Number(chat) : chat;
}

export function digestHtml(s: DigestSections): string {
  const out = [`<b>${esc(s.title)}</b>`, `<i>${esc(s.subtitle)}</i>`, "", `💡 <b>${esc(s.proposal.heading)}</b>`];
  const p = s.proposal;
  if ("none" in p) out.push(esc(p.none));
  else out.push(`<b>${esc(p.headline)}</b>`, ...(p.source ? [esc(p.source)] : []), `<i>${esc(p.why)}</i>`, esc(p.campaign), `<code>/send ${esc(p.sendText)}</code>`);
  for (const section of s.sections) out.push("", `<b>${esc(section.heading)}</b>`, ...section.lines.map(line));
  return out.join("\n");
}

function line(l: DigestLine): string {
  if (l.quote) return `<blockquote>${esc(l.text)}</blockquote>`;
  const text = `${l.label ? `<b>${esc(l.label)}:</b> ` : ""}${esc(l.text)}`;
  return l.note ? `${text}\n   <i>${esc(l.note)}</i>` : text;
}

function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
