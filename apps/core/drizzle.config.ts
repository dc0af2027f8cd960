import { defineConfig } from "drizzle-kit";

// Only used to *generate* SQL migrations from src/db/schema.ts; they are applied at start.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/db/schema.ts",
  out: "./drizzle",
});
