// /invite (and the "Invite a friend" button): the customer's personal link,
// a Share button that opens Telegram's share sheet with a short text in their
// language, and a line on what the friend and they get.
import { Composer, InlineKeyboard } from "grammy";
import { inviteButton, inviteFor } from "../../../core/referrals/invite-link.ts";
import { localize } from "../../../core/dialogues/localized-text.ts";
import type { BotContext } from "../context.ts";

const composer = new Composer<BotContext>();

async function sendInvite(ctx: BotContext): Promise<void> {
  if (!ctx.subscriber) {
    await ctx.reply(ctx.t("referral-not-subscribed"));
    return;
  }
  const invite = await inviteFor(ctx.core, ctx.subscriber.id);
  if (!invite.ok) {
    await ctx.reply(ctx.t(invite.reason === "no_programme" ? "referral-no-programme" : "referral-not-subscribed"));
    return;
  }
  const language = ctx.subscriber.language;
  const link = `https://t.me/${ctx.me.username}?start=${invite.startPayload}`;
  const share = `https://t.me/share/url?url=${encodeURIComponent(link)}&text=${encodeURIComponent(localize(invite.program.shareText, language))}`;
  await ctx.reply(ctx.t("referral-invite", { link, offer: localize(invite.program.offer, language) }), {
    reply_markup: new InlineKeyboard().url(ctx.t("referral-share"), share),
    link_preview_options: { is_disabled: true },
  });
}

composer.chatType("private").command("invite", sendInvite);
composer.callbackQuery(inviteButton.pattern, async (ctx) => {
  await ctx.answerCallbackQuery();
  await sendInvite(ctx);
});

export { composer as inviteFeature };
