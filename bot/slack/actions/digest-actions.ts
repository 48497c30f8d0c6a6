// The digest's "Open in /send" button: the proposed campaign's /send words go
// through the same path as a typed /send (draftFromCommand), and the presser
// gets the pre-flight card - a draft, nothing scheduled until they press
// Schedule on it. Needs the same permission as /send.
import type { App } from "@slack/bolt";
import { DIGEST_PROPOSAL } from "../action-values.ts";
import { draftFromCommand, SEND_ERRORS } from "../commands/send-command.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { onButton } from "./on-button.ts";

export function registerDigestActions(app: App, deps: SlackDeps): void {
  onButton(app, deps, DIGEST_PROPOSAL, SEND_ERRORS, async ({ value: sendText, user }) => {
    await deps.access.require(user, "send");
    // Only the presser sees the card; the digest itself stays as it is.
    return { ...(await draftFromCommand(deps, sendText, user)), inChannel: false, replace: false };
  });
}
