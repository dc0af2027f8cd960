import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "@kakunin/format",
    include: ["src/**/*.test.ts"],
  },
});
