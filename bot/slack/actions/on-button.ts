// Registers a button's handler: acknowledges, decodes the value with the
// button's codec (action-values.ts), runs the handler and answers the presser
// (answerAction), errors worded by the error table of `scope`. A value that
// is not ours or is damaged is answered "this button no longer works" and
// logged; the handler never sees it.
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { ActionCodec } from "../action-values.ts";
import { replies, type ErrorScope } from "../error-replies.ts";
import { answerAction, Refusal, type ActionAnswer } from "../reply.ts";
import type { SlackDeps } from "../slack-deps.ts";

export interface ButtonPress<T> {
  value: T;
  user: string;
  channel: string | undefined;
  client: WebClient;
}

export function onButton<T>(app: App, deps: SlackDeps, codec: ActionCodec<T>, scope: ErrorScope, handler: (press: ButtonPress<T>) => Promise<ActionAnswer>): void {
  app.action<BlockAction<ButtonAction>>(codec.actionId, async ({ ack, body, action, respond, client }) => {
    await ack();
    const user = body.user.id;
    await answerAction({ respond, logger: deps.core.logger, action: codec.actionId, user }, replies(deps, scope), async () => {
      const value = codec.decode(action.value);
      if (value === undefined) {
        deps.core.logger.warn({ action: codec.actionId, value: action.value?.slice(0, 200), user }, "malformed Slack action value refused");
        throw new Refusal({ text: deps.t("error-invalid_action") });
      }
      return handler({ value, user, channel: body.channel?.id, client });
    });
  });
}
