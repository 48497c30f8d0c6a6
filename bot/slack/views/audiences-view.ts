// Block Kit for `/segment list`: a pure function from numbers to blocks.
import type { KnownBlock } from "@slack/types";
import type { ConsentAudienceSizes } from "../../../core/segments/consent-audiences.ts";
import type { SlackReply } from "../reply.ts";

type T = (key: string, vars?: Record<string, string | number>) => string;

export function audiencesView(sizes: ConsentAudienceSizes, t: T): SlackReply {
  const rows: [string, number][] = [
    [t("segment-everyone"), sizes.everyone],
    [t("segment-subscribed"), sizes.subscribed],
    [t("segment-pending"), sizes.pending],
    [t("segment-unsubscribed"), sizes.unsubscribed],
    [t("segment-blocked"), sizes.blocked],
  ];
  const lines = rows.map(([name, n]) => `• *${name}*: ${formatCount(n)}`);
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: t("segment-list-title") } },
    { type: "section", text: { type: "mrkdwn", text: lines.join("\n") } },
  ];
  return { text: `${t("segment-list-title")}: ${rows.map(([name, n]) => `${name} ${n}`).join(", ")}`, blocks };
}

export function formatCount(n: number): string {
  return n.toLocaleString("en-US").replace(/,/g, " ");
}
