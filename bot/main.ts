// `npm start`: read the configuration, start what is configured, stop cleanly on SIGINT/SIGTERM.
import { ConfigError, loadConfig } from "../core/config.ts";
import { createLogger } from "../core/logger.ts";
import { isSomethingConfigured, startApplication } from "./application.ts";
import { runSandbox } from "./sandbox/sandbox.ts";

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
    // No bot credentials: the sandbox, the real product on local Telegram and Slack servers.
    console.error("No TELEGRAM_BOT_TOKEN or SLACK_BOT_TOKEN set: starting the sandbox (see .env.example to connect real bots).");
    // Ctrl-C or SIGTERM: the terminal stops reading, the product stops as `npm start` does.
    const stopping = new AbortController();
    const stop = () => {
      if (stopping.signal.aborted) return;
      stopping.abort();
      setTimeout(() => {
        console.error("The sandbox took over 4 s to stop; exiting.");
        process.exit(1);
      }, 4_000).unref();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    try {
      const code = await runSandbox({
        dataDir: config.DATA_DIR,
        reset: process.argv.includes("--reset-demo"),
        port: config.PORT,
        input: process.stdin,
        output: process.stdout,
        socketMode: process.argv.includes("--socket-mode"),
        signal: stopping.signal,
      });
      process.exit(code);
    } catch (err) {
      // One line, e.g. a second sandbox on the same data: "The embedded database in ... is in use by process 123."
      console.error(`The sandbox could not start: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    }
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
