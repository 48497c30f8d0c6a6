// The database the heavy read-only queries go to: the read replica named by
// ANALYTICS_DATABASE_URL when there is one, else the main database. Only
// reads that tolerate a replica's lag of a second or so belong here (segment
// sizes and reports, metrics); anything written and read back at once stays
// on deps.db.
import type { CoreDeps } from "../deps.ts";
import type { Database } from "./database.ts";

export function analyticsDb(deps: Pick<CoreDeps, "db" | "analyticsDb">): Database {
  return deps.analyticsDb ?? deps.db;
}
