// What starting a transport gives the composition root: the HTTP routes it
// serves, a readiness check, and how to stop it (stop taking input, let the
// work in hand finish).
import type { Check } from "./http/readiness.ts";
import type { Route } from "./http/server.ts";

export interface StartedPart {
  routes: Route[];
  check: Check;
  stop: () => Promise<void>;
}
