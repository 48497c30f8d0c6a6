// A click on a tracked button: decode the token, record the click, and tell
// the HTTP layer where to send the person.
import { isVariantB } from "../campaigns/ab-types.ts";
import type { CoreDeps } from "../deps.ts";
import { campaignMessageSchema } from "../campaigns/message-template.ts";
import { deliveryPayloadSchema } from "./delivery-content.ts";
import { readLinkToken } from "./tracked-links.ts";

export async function followTrackedLink(deps: CoreDeps, secret: Buffer, token: string): Promise<string | undefined> {
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
  await deps.db.prisma.click.create({ data: { deliveryId: delivery.id, button: target.button, at: deps.clock.now() } });
  return url;
}
