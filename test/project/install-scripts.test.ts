// npm 11 runs no dependency's install script unless package.json's
// allowScripts allows it, and warns about every one it skipped that is not
// listed. Every package of the lock file that has an install script must be
// decided there (ours are all `false`: Prisma's would download engines from its
// CDN, esbuild's only checks its platform binary, which npm installs itself),
// so a clean `npm ci` prints no install-scripts warning; and our own
// postinstall still generates the Prisma client.
import fs from "node:fs";
import { expect, test } from "vitest";

const pkg = JSON.parse(fs.readFileSync("package.json", "utf8")) as { scripts: Record<string, string>; allowScripts?: Record<string, boolean> };
const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf8")) as { packages: Record<string, { hasInstallScript?: boolean }> };

test("every dependency with an install script is decided in allowScripts", () => {
  const withScripts = Object.entries(lock.packages)
    .filter(([path, p]) => path !== "" && p.hasInstallScript)
    .map(([path]) => path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length));
  // The lock file marks some; prisma's preinstall and @prisma/engines' postinstall are known to npm only once installed.
  const decided = Object.keys(pkg.allowScripts ?? {}).map((k) => k.replace(/(.)@.*$/, "$1"));
  expect(withScripts.length).toBeGreaterThan(0);
  expect(withScripts.filter((name) => !decided.includes(name))).toEqual([]);
  for (const name of ["@prisma/client", "@prisma/engines", "esbuild", "prisma"]) expect(pkg.allowScripts?.[name]).toBe(false);
});

test("our own postinstall still generates the Prisma client", () => {
  expect(pkg.scripts.postinstall).toBe("prisma generate");
});
