// What one outbox row sends when it does not come from a campaign (a chain
// step): a message template, a survey, or the first question of a flow.
import { z } from "zod";
import { messageTemplateSchema } from "../campaigns/message-template.ts";

export const deliveryPayloadSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("message"), message: messageTemplateSchema }),
  z.object({ type: z.literal("survey"), surveyId: z.string().min(1) }),
  z.object({ type: z.literal("flow"), flowId: z.string().min(1) }),
]);

export type DeliveryContent = z.infer<typeof deliveryPayloadSchema>;
