// Opening the app's Home tab shows the dashboard (to anyone allowed to view).
import type { App } from "@slack/bolt";
import { chainSummaries } from "../../../core/chains/chain-report.ts";
import { dashboard } from "../../../core/metrics/dashboard.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { homeChainBlocks } from "../views/chain-views.ts";
import { homeView } from "../views/home-view.ts";

export function registerAppHome(app: App, deps: SlackDeps): void {
  app.event("app_home_opened", async ({ event, client }) => {
    if (event.tab !== "home") return;
    const allowed = (await deps.access.permissions(event.user)).has("view");
    const view = allowed
      ? homeView(await dashboard(deps.core, { language: deps.language }), deps.t, deps.core.teamTimezone, deps.language, homeChainBlocks(await chainSummaries(deps.core, deps.core.chains ?? []), deps.t, deps.language))
      : { type: "home" as const, blocks: [{ type: "section" as const, text: { type: "mrkdwn" as const, text: deps.t("slack-denied", { action: "view" }) } }] };
    await client.views.publish({ user_id: event.user, view });
  });
}
