// What the delivery worker hands a dispatcher (a claimed outbox row) and what
// it gets back; shared by the worker and the dialogue dispatchers.
import type { CoreDeps } from "../deps.ts";
import type { SendOutcome } from "../ports.ts";
import type { DeliveryContent } from "./delivery-content.ts";
import type { SubscriberState } from "./subscriber-state.ts";

/** What sending one row's content came to: a channel outcome, or nothing to send after all. */
export type DispatchOutcome = SendOutcome | { ok: false; reason: "skipped"; description: string };

/** Sends non-message content (a survey, a flow's first question) to one recipient. */
export type ContentDispatcher = (deps: CoreDeps, row: ClaimedDelivery, content: DeliveryContent) => Promise<DispatchOutcome>;

/** A claimed outbox row with its subscriber's state as read at claim time (SubscriberState). */
export interface ClaimedDelivery extends SubscriberState {
  id: bigint;
  subscriberId: number;
  campaignId: number | null;
  chainEnrollmentId: number | null;
  variant: string;
  kind: string;
  attempts: number;
  payload: unknown;
  /** Parts of a message in several parts that an earlier attempt sent. */
  partsSent: number;
  /** Marketing messages sent to this subscriber within the cap's window, or being sent now. */
  recentMarketing: number;
  /** 1 for the subscriber's first row of this kind in the claim, 2 for the second... */
  claimRank: number;
}
