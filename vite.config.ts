import { defineConfig } from "vitest/config";

// Root Vitest config: one test project per workspace, each with its own config file.
export default defineConfig({
  test: {
    projects: ["apps/web", "apps/bff", "apps/core", "packages/contracts", "packages/password-policy"],
  },
});
