// A click on a tracked button: decode the token, record the click, and tell
// the HTTP layer where to send the person. Link-preview fetchers are sent on
// but not counted, and a person's repeated opens of the same button within a
// minute (a double tap, a browser retry) are one click; reports count a
// recipient who clicked once however often they did.
import { isVariantB } from "../campaigns/ab-types.ts";
import type { CoreDeps } from "../deps.ts";
import { campaignMessageSchema } from "../campaigns/message-template.ts";
import { deliveryPayloadSchema } from "./delivery-content.ts";
import { readLinkToken } from "./tracked-links.ts";
import { isLinkPreviewAgent } from "./link-preview-agents.ts";

/** Opens of the same button by the same recipient closer together than this are one click. */
export const REPEAT_CLICK_WINDOW_MS = 60_000;

export async function followTrackedLink(deps: CoreDeps, secret: Buffer, token: string, visitor: { userAgent?: string | undefined } = {}): Promise<string | undefined> {
  const target = readLinkToken(secret, token);
  if (!target) return undefined;
  const delivery = await deps.db.prisma.delivery.findUnique({ where: { id: target.deliveryId }, include: { campaign: true } });
  if (!delivery) return undefined;
  let buttons: { url: string }[] | undefined;
  if (delivery.campaign) {
    const message = campaignMessageSchema.safeParse(delivery.campaign.message);
    if (message.success) buttons = (isVariantB(delivery.variant) ? (message.data.B ?? message.data.A) : message.data.A).buttons;
  } else {
    const payload = deliveryPayloadSchema.safeParse(delivery.payload);
    if (payload.success && payload.data.type === "message") buttons = payload.data.message.buttons;
  }
  const url = buttons?.[target.button]?.url;
  if (!url) return undefined;
  if (isLinkPreviewAgent(visitor.userAgent)) return url;
  const now = deps.clock.now();
  await deps.db.prisma.$executeRawUnsafe(
    `INSERT INTO click (delivery_id, button, at)
     SELECT $1, $2, $3
      WHERE NOT EXISTS (SELECT 1 FROM click WHERE delivery_id = $1 AND button = $2 AND at > $3::timestamptz - $4 * interval '1 millisecond')`,
    delivery.id,
    target.button,
    now,
    REPEAT_CLICK_WINDOW_MS,
  );
  return url;
}
