// The digest into a Slack channel: the message (bot/slack/views/digest-view.ts),
// then the charts as PNG files in its thread, uploaded with the files API
// (files.getUploadURLExternal, the upload, files.completeUploadExternal -
// WebClient.filesUploadV2 does the three steps; the bot needs files:write).
import type { WebClient } from "@slack/web-api";
import type { ChartImage } from "../../core/digest/chart-renderer.ts";
import type { Translator } from "../../core/i18n.ts";
import type { DigestOutlet, DigestPublication } from "../../core/digest/digest-outlet.ts";
import { digestSections } from "../digest/digest-sections.ts";
import { digestView } from "./views/digest-view.ts";

export function slackDigestOutlet(client: WebClient, options: { translator: Translator; timezone: string }): DigestOutlet {
  const sections = (p: DigestPublication) => digestSections(p.digest, { translator: options.translator, language: p.language, timezone: options.timezone });
  return {
    async postDigest(channel, publication) {
      const view = digestView(sections(publication), { withChartsNote: publication.charts.length > 0 });
      const res = await client.chat.postMessage({ channel, text: view.text, blocks: view.blocks, unfurl_links: false, unfurl_media: false });
      return res.ts!;
    },
    async postCharts(channel, ts, publication) {
      await uploadCharts(client, { channel, threadTs: ts, comment: sections(publication).chartsComment, charts: publication.charts });
    },
  };
}

/** Uploads the charts into a channel (in a thread when threadTs is given), one message with every image. */
export async function uploadCharts(client: WebClient, options: { channel: string; threadTs?: string; comment: string; charts: ChartImage[] }): Promise<void> {
  if (options.charts.length === 0) return;
  await client.filesUploadV2({
    channel_id: options.channel,
    ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
    initial_comment: options.comment,
    file_uploads: options.charts.map((c) => ({ file: c.png, filename: c.filename, title: c.title, alt_text: c.title })),
  });
}
