// `npm run deps`: the import rules the design rests on (docs/code-health.md).
// Parsed with swc, so type-only imports count like any other: a cycle made of
// `import type` lines is still a cycle.
/** @type {import("dependency-cruiser").IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      severity: "error",
      comment: "No import cycle, type-only imports included: move the shared type to a leaf module.",
      from: {},
      to: { circular: true },
    },
    {
      name: "core-without-transports",
      severity: "error",
      comment: "core/ speaks in ports; only bot/ may import grammY, its plugins or Slack's SDKs.",
      from: { path: "^core/" },
      to: { path: "(^|/)node_modules/(grammy|@grammyjs/[^/]+|@slack/[^/]+)/" },
    },
    {
      name: "core-without-bot",
      severity: "error",
      comment: "core/ (its tests included) never imports the transports' code in bot/; a test of both lives under test/.",
      from: { path: "^core/" },
      to: { path: "^bot/" },
    },
    {
      name: "no-database-in-slack-handlers",
      severity: "error",
      comment:
        "Slack handlers parse and render; the use case and its queries live in core/. bot/slack/ imports neither the database (core/db/), " +
        "the generated Prisma client (generated/) nor a database driver.",
      from: { path: "^bot/slack/" },
      to: { path: "^(core/db/|generated/)|(^|/)node_modules/(@prisma/[^/]+|pg|@electric-sql/pglite|pglite-prisma-adapter)/" },
    },
  ],
  options: {
    parser: "swc",
    // The generated Prisma client is reached (so the rules see imports of it) but not walked.
    doNotFollow: { path: ["node_modules", "^generated/"] },
    enhancedResolveOptions: { extensions: [".ts", ".js"], conditionNames: ["import", "node", "default"] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
