import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "@kakunin/contracts",
    include: ["src/**/*.test.ts"],
  },
});
