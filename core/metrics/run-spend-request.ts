// The use case behind /spend (and any other way in: a modal, a mention): a
// parsed request carried out, with the store's currency to show amounts in.
import type { CoreDeps } from "../deps.ts";
import { deleteAcquisitionSpend, listAcquisitionSpend, recordAcquisitionSpend, type SpendEntry } from "./acquisition-spend.ts";
import type { SpendRequest } from "./spend-text.ts";
import { latestCurrency } from "./store-currency.ts";

export type SpendOutcome =
  | { kind: "recorded"; entry: SpendEntry; currency: string | null }
  | { kind: "listed"; entries: SpendEntry[]; currency: string | null }
  | { kind: "deleted"; entry: SpendEntry; currency: string | null }
  | { kind: "help" };

export async function runSpendRequest(deps: CoreDeps, request: SpendRequest, actor: string): Promise<SpendOutcome> {
  if (request.kind === "help") return request;
  const currency = await latestCurrency(deps);
  switch (request.kind) {
    case "record":
      return { kind: "recorded", entry: await recordAcquisitionSpend(deps, { ...request.spend, actor }), currency };
    case "list":
      return { kind: "listed", entries: await listAcquisitionSpend(deps, request.period ? { period: request.period } : {}), currency };
    case "delete":
      return { kind: "deleted", entry: await deleteAcquisitionSpend(deps, { id: request.id, actor }), currency };
  }
}
