// The digest's "Open in /send" button: the proposed campaign's /send words go
// through the same path as a typed /send (draftFromCommand), and the presser
// gets the pre-flight card - a draft, nothing scheduled until they press
// Schedule on it. Needs the same permission as /send.
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { DomainError } from "../../../core/errors.ts";
import { draftFromCommand } from "../commands/send-command.ts";
import { domainErrorText } from "../error-text.ts";
import { Refusal, type SlackReply } from "../reply.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { DIGEST_PROPOSAL_ACTION } from "../views/digest-view.ts";

export function registerDigestActions(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(DIGEST_PROPOSAL_ACTION, async ({ ack, body, action, respond }) => {
    await ack();
    const user = body.user.id;
    let answer: SlackReply;
    try {
      await deps.access.require(user, "send");
      answer = await draftFromCommand(deps, action.value ?? "", user);
    } catch (err) {
      if (err instanceof Refusal) answer = err.reply;
      else {
        deps.core.logger.error({ err, user }, "opening the digest's proposed campaign failed");
        answer = { text: err instanceof DomainError ? domainErrorText(deps, err) : deps.t("slack-error") };
      }
    }
    // Only the presser sees the card; the digest itself stays as it is.
    await respond({ text: answer.text, ...(answer.blocks ? { blocks: answer.blocks } : {}), response_type: "ephemeral", replace_original: false });
  });
}
