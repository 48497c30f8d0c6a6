// The block nearly every database test file repeats - create the database (or
// start the whole product) before the tests of a describe, drop it (stop it)
// after - as one call. It registers beforeAll/afterAll where it is called and
// returns the database or product, to use in tests and in later hooks; using
// it before it exists (at collection time) throws instead of reading undefined.
import { afterAll, beforeAll } from "vitest";
import type { DatabaseKind } from "../../core/db/database.ts";
import { createTestDatabase, type TestDatabase } from "./databases.ts";
import { startTestProduct, type TestProduct, type TestProductOptions } from "./product.ts";

export function useTestDatabase(kind: DatabaseKind, options: { migrate?: boolean } = {}): TestDatabase {
  return perDescribe("test database", () => createTestDatabase(kind, options), (database) => database.drop());
}

/** Options are read when the product starts (beforeAll), so they may use what earlier hooks prepared. */
export function useTestProduct(options: TestProductOptions | (() => TestProductOptions)): TestProduct {
  return perDescribe("test product", () => startTestProduct(typeof options === "function" ? options() : options), (product) => product.stop());
}

function perDescribe<T extends object>(what: string, start: () => Promise<T>, stop: (value: T) => Promise<void>): T {
  let value: T | undefined;
  beforeAll(async () => {
    value = await start();
  });
  afterAll(async () => {
    // Nothing to stop when the start itself failed (vitest reports that failure).
    if (value) await stop(value);
    value = undefined;
  });
  return new Proxy({} as T, {
    get(_target, key) {
      if (!value) throw new Error(`the ${what} is used outside the tests and hooks of its describe`);
      return Reflect.get(value, key) as unknown;
    },
  });
}
