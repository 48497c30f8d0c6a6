// Prisma CLI configuration. The CLI runs its schema engine as WebAssembly
// through a driver adapter, so nothing is downloaded from Prisma's CDN.
// The CLI only generates the client and diffs the schema into new migration
// files (`npm run db:migration -- <name>`); migrations are applied at start-up
// by core/db/migrate.ts, on PGlite or PostgreSQL alike.
import path from "node:path";
import type { PrismaConfig } from "prisma";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";

export default {
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const factory = new PrismaPGlite(new PGlite());
    // The schema engine replays migration files on the shadow database with
    // executeRaw and no parameters; PGlite's extended protocol takes one
    // statement at a time, so such scripts go through exec() instead.
    const connectToShadowDb = async () => {
      const shadow = new PGlite();
      const adapter = await new PrismaPGlite(shadow).connect();
      const executeRaw = adapter.executeRaw.bind(adapter);
      adapter.executeRaw = async (query) => {
        if (query.args.length > 0) return executeRaw(query);
        await shadow.exec(query.sql);
        return 0;
      };
      return adapter;
    };
    return Object.assign(factory, { connectToShadowDb });
  },
} satisfies PrismaConfig;
