import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "@kakunin/password-policy",
    include: ["src/**/*.test.ts"],
  },
});
