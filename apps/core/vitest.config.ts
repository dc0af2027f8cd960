import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "@kakunin/core",
    environment: "node",
    include: ["src/**/*.test.ts"],
    // Opening a fresh PGlite costs ~10 s: migrate once into a template, load it per file.
    globalSetup: ["src/test/global-setup.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
