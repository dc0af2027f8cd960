import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [react()],
  build: {
    // The benchmark reads the manifest to sum the initial JS of each route.
    manifest: true,
    // Every supported browser has native modulepreload; the polyfill would only add bytes.
    modulePreload: { polyfill: false },
    target: "es2022",
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      // Same-origin /api in development too, so cookies and CSRF behave as in production.
      "/api": { target: "http://127.0.0.1:8080" },
    },
  },
  test: {
    name: "@kakunin/web",
    environment: "happy-dom",
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: ["src/testing/setup.ts"],
  },
});
