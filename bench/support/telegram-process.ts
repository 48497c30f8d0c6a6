// The local Bot API server in its own process, so that measuring the sender
// does not also measure the fake server on the same event loop.
// Usage (as a child with IPC): telegram-process.ts [--limits]
import { FakeTelegram } from "../../test/support/fake-telegram.ts";

const tg = await new FakeTelegram().start();
if (process.argv.includes("--limits")) tg.enforceLimits({ globalPerSecond: 30, perChatPerSecond: 1 });
process.send?.({ apiRoot: tg.apiRoot, token: tg.token });
process.on("disconnect", () => void tg.stop().then(() => process.exit(0)));
