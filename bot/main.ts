// `npm start`: read the configuration, start what is configured, stop cleanly on SIGINT/SIGTERM.
import { ConfigError, loadConfig } from "../core/config.ts";
import { createLogger } from "../core/logger.ts";
import { isSomethingConfigured, startApplication } from "./application.ts";

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  if (!isSomethingConfigured(config)) {
    console.error(
      [
        "Nothing to start: neither TELEGRAM_BOT_TOKEN nor SLACK_BOT_TOKEN is set.",
        "Copy .env.example to .env and fill in the Telegram bot token (from @BotFather)",
        "and/or the Slack app's tokens; the README explains how to create both.",
      ].join("\n"),
    );
    process.exit(1);
  }
  const logger = createLogger(config.LOG_LEVEL);
  const app = await startApplication({
    config,
    logger,
    onFatal: () => void shutdown("fatal", 1),
  });

  let stopping = false;
  async function shutdown(reason: string, code = 0): Promise<void> {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, "shutting down");
    const force = setTimeout(() => {
      logger.error("shutdown took over 15 s; exiting");
      process.exit(1);
    }, 15_000);
    force.unref();
    await app.stop();
    process.exit(code);
  }
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((err: unknown) => {
  console.error(`Chatloop could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
