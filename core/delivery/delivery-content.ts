// What one outbox row sends when it does not come from a campaign (a chain
// step): a message template, a survey, or the first question of a flow.
import { z } from "zod";
import { messageTemplateSchema } from "../campaigns/message-template.ts";

/** A chain's own frequency cap, counted over that chain's messages to the customer. */
const chainCap = z.object({ chainId: z.string(), messages: z.number().int().positive(), days: z.number().int().positive() });

export const deliveryPayloadSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("message"), message: messageTemplateSchema, cap: chainCap.optional() }),
  z.object({ type: z.literal("survey"), surveyId: z.string().min(1), cap: chainCap.optional() }),
  z.object({ type: z.literal("flow"), flowId: z.string().min(1), cap: chainCap.optional() }),
]);

export type DeliveryContent = z.infer<typeof deliveryPayloadSchema>;
