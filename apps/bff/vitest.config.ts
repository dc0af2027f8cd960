import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "@kakunin/bff", environment: "node", include: ["src/**/*.test.ts"] },
});
