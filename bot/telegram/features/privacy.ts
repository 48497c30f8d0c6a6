// /mydata: what we keep about the customer, as a summary and a JSON file.
// /forget: after a confirmation, erase their personal data and say what was kept and why.
import { Composer, InlineKeyboard, InputFile } from "grammy";
import { z } from "zod";
import { defineCallback } from "../../../core/button-data.ts";
import { eraseCustomer } from "../../../core/privacy/erase-customer.ts";
import { exportCustomerData } from "../../../core/privacy/export-customer-data.ts";
import type { CustomerReferrals } from "../../../core/referrals/customer-referrals.ts";
import type { BotContext } from "../context.ts";

export const forgetCallback = defineCallback("forget", z.object({ answer: z.enum(["yes", "no"]) }));

const composer = new Composer<BotContext>();
const privateChats = composer.chatType("private");

privateChats.command("mydata", async (ctx) => {
  if (!ctx.subscriber) {
    await ctx.reply(ctx.t("privacy-nothing"));
    return;
  }
  const data = await exportCustomerData(ctx.core, ctx.subscriber.id);
  const s = ctx.subscriber;
  const language = s.language;
  const locale = language === "ru" ? "ru-RU" : "en-GB";
  const date = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(new Date(iso));
  const total = data.orders.totals.length > 0 ? data.orders.totals.map((t) => formatMoney(t.amount, locale, t.currency)).join(" + ") : formatMoney(0, locale);
  const since = data.consent.history.filter((h) => h.status === "subscribed").at(-1)?.at;
  const name = [s.firstName, s.lastName].filter(Boolean).join(" ") || ctx.t("privacy-unknown");
  await ctx.reply(
    ctx.t("privacy-summary", {
      name,
      language: language === "ru" ? "Русский" : "English",
      source: s.source ?? ctx.t("privacy-unknown"),
      consent: data.consent.status === "subscribed" && since ? ctx.t("privacy-consent-subscribed-since", { since: date(since) }) : ctx.t(`privacy-consent-${data.consent.status}`),
      orders: data.orders.count,
      total,
      answers: data.flowAnswers.length + data.surveyAnswers.length,
      messages: data.messagesReceived,
      referrals: referralLine(ctx, data.referrals),
    }),
  );
  await ctx.replyWithDocument(new InputFile(Buffer.from(JSON.stringify(data, null, 2)), "my-data.json"), {
    caption: ctx.t("privacy-file-caption", { brand: ctx.settings.brandName }),
  });
});

privateChats.command("forget", async (ctx) => {
  if (!ctx.subscriber) {
    await ctx.reply(ctx.t("privacy-nothing"));
    return;
  }
  const keyboard = new InlineKeyboard()
    .text(ctx.t("privacy-forget-yes"), forgetCallback.pack({ answer: "yes" }))
    .row()
    .text(ctx.t("privacy-forget-no"), forgetCallback.pack({ answer: "no" }));
  await ctx.reply(ctx.t("privacy-forget-confirm"), { reply_markup: keyboard });
});

composer.callbackQuery(forgetCallback.pattern, async (ctx) => {
  const data = forgetCallback.unpack(ctx.callbackQuery.data);
  await ctx.answerCallbackQuery();
  if (!data || !ctx.subscriber) {
    await ctx.editMessageText(ctx.t("privacy-nothing"));
    return;
  }
  if (data.answer === "no") {
    await ctx.editMessageText(ctx.t("privacy-forget-kept"));
    return;
  }
  await eraseCustomer(ctx.core, { subscriberId: ctx.subscriber.id, actor: `telegram:${ctx.subscriber.id}`, reason: "customer_request" });
  await ctx.editMessageText(ctx.t("privacy-forgotten"));
});

/** Whom they referred (counts, not names) and what they got, when there is anything to say. */
function referralLine(ctx: BotContext, r: CustomerReferrals): string {
  if (r.invited === 0 && r.rewards.length === 0) return "";
  const codes = r.rewards.map((w) => w.code).filter(Boolean);
  return `\n${ctx.t("privacy-referrals", { invited: r.invited, accepted: r.accepted, rewards: r.rewards.length, codes: codes.length > 0 ? ` (${codes.join(", ")})` : "" })}`;
}

/** 1234.5 -> "$1,234.50" / "1 234,50 $": two decimals, the locale's separators, the currency when there is one. */
function formatMoney(amount: number, locale: string, currency?: string): string {
  const digits = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
  if (!currency) return new Intl.NumberFormat(locale, digits).format(amount);
  try {
    return new Intl.NumberFormat(locale, { ...digits, style: "currency", currency, currencyDisplay: "narrowSymbol" }).format(amount);
  } catch {
    return `${new Intl.NumberFormat(locale, digits).format(amount)} ${currency}`;
  }
}

export { composer as privacyFeature };
