// The local Bot API server in its own process, so that measuring the sender
// does not also measure the fake server on the same event loop.
// Usage (as a child with IPC): telegram-process.ts [--limits]
// IPC: { crowd: { people, firstId } } starts a crowd of newcomers
// (subscriber-crowd.ts); { crowdStats: true } answers with its figures.
import { FakeTelegram } from "../../test/support/fake-telegram.ts";
import { SubscriberCrowd } from "./subscriber-crowd.ts";

const tg = await new FakeTelegram().start();
if (process.argv.includes("--limits")) tg.enforceLimits({ globalPerSecond: 30, perChatPerSecond: 1 });
let crowd: SubscriberCrowd | undefined;
process.on("message", (m: { crowd?: { people: number; firstId: number }; crowdStats?: boolean }) => {
  if (m.crowd) {
    crowd = new SubscriberCrowd(tg);
    crowd.start(m.crowd.people, m.crowd.firstId);
  }
  if (m.crowdStats) process.send?.({ crowdStats: crowd?.stats() });
});
process.send?.({ apiRoot: tg.apiRoot, token: tg.token });
process.on("disconnect", () => void tg.stop().then(() => process.exit(0)));
