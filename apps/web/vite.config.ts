import { fileURLToPath } from "node:url";
import { lingui } from "@lingui/vite-plugin";
import react from "@vitejs/plugin-react";
import { compression } from "vite-plugin-compression2";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [
    react(),
    // Compiles each `locales/*.json?lingui` import into Lingui's runtime form at build time, and
    // fails the build when a message is missing in a language (decision 019).
    lingui({
      configPath: fileURLToPath(new URL("lingui.config.ts", import.meta.url)),
      failOnMissing: true,
      failOnCompileError: true,
    }),
    // Brotli and gzip copies next to each text asset, made once at build: the BFF serves the one
    // the browser accepts (issue 16) instead of compressing on every request or not at all.
    compression({ algorithms: ["brotliCompress", "gzip"], threshold: 1024 }),
  ],
  resolve: {
    // Exactly "zod", not its subpaths: src/lib/zod-browser.ts imports the real one as "zod/v4".
    alias: [{ find: /^zod$/, replacement: fileURLToPath(new URL("src/lib/zod-browser.ts", import.meta.url)) }],
  },
  build: {
    // The benchmark reads the manifest to sum the initial JS of each route.
    manifest: true,
    // Every supported browser has native modulepreload; the polyfill would only add bytes.
    modulePreload: { polyfill: false },
    target: "es2022",
  },
  server: {
    // `npm run dev` passes the ports it was given (scripts/start.mjs).
    port: Number(process.env.VITE_PORT ?? 5173),
    strictPort: true,
    proxy: {
      // Same-origin /api in development too, so cookies and CSRF behave as in production.
      "/api": { target: `http://127.0.0.1:${process.env.BFF_PORT ?? 8080}` },
    },
  },
  test: {
    name: "@kakunin/web",
    environment: "happy-dom",
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: ["src/testing/i18n-setup.ts", "src/testing/setup.ts"],
  },
});
