// Import rules that keep the layout as it is (issue 13 §5), run by `npm run lint:imports`.
// Paths are regular expressions over repository-relative paths, never lists of today's files,
// so a new feature, package or route is covered the day it is added.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "web-feature-to-other-feature",
      severity: "error",
      comment:
        "A web feature never imports another feature: what two features share lives in lib/, design-system/ or a package, " +
        "and screens are composed in app/.",
      from: { path: "^apps/web/src/features/([^/]+)/" },
      to: { path: "^apps/web/src/features/", pathNot: "^apps/web/src/features/$1/" },
    },
    {
      name: "web-feature-to-app",
      severity: "error",
      comment: "app/ composes features (routes, layout); a feature importing it would make the dependency circular.",
      from: { path: "^apps/web/src/features/" },
      to: { path: "^apps/web/src/app/" },
    },
    {
      name: "package-to-app",
      severity: "error",
      comment: "packages/* are shared by the apps, so they never depend on one.",
      from: { path: "^packages/" },
      to: { path: "^apps/" },
    },
    {
      name: "bff-to-core",
      severity: "error",
      comment:
        "The BFF talks to core over HTTP only. Its test harness (apps/bff/src/test/) may start a real core in-process; " +
        "nothing else in the BFF, tests included, imports core.",
      from: { path: "^apps/bff/", pathNot: "^apps/bff/src/test/" },
      to: { path: "^apps/core/" },
    },
    {
      name: "core-route-to-schema",
      severity: "error",
      comment:
        "Core route handlers reach tables only through domain/. Route tests may read tables to check what was stored.",
      from: { path: "^apps/core/src/routes/", pathNot: "\\.test\\.tsx?$" },
      to: { path: "^apps/core/src/db/schema(\\.ts$|/)" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(node_modules|dist|storybook-static|coverage|\\.data)/" },
    // `import type` couples modules as much as a value import does, so it counts too.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
      exportsFields: ["exports"],
      conditionNames: ["import", "types", "node", "default"],
    },
  },
};
