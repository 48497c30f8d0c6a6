// Link-preview fetchers and crawlers open a tracked link without a person
// behind it (Telegram, Slack, WhatsApp... fetch a URL to draw its preview, a
// mail scanner or a crawler follows it). They are redirected like anyone but
// not counted as clicks. Matched on the User-Agent header, case-insensitively.
const PREVIEW_AGENTS = [
  "TelegramBot",
  "Slackbot",
  "Slack-ImgProxy",
  "facebookexternalhit",
  "Facebot",
  "Twitterbot",
  "WhatsApp",
  "Discordbot",
  "LinkedInBot",
  "SkypeUriPreview",
  "vkShare",
  "redditbot",
  "Pinterestbot",
  "Applebot",
  "Googlebot",
  "bingbot",
  "YandexBot",
  "Iframely",
  "Embedly",
  "Viber",
];
const PREVIEW = new RegExp(`${PREVIEW_AGENTS.join("|")}|\\b(bot|crawler|spider|preview)\\b`, "i");

export function isLinkPreviewAgent(userAgent: string | undefined): boolean {
  return userAgent !== undefined && PREVIEW.test(userAgent);
}
