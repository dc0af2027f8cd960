import type { StorybookConfig } from "@storybook/react-vite";

// Design previews of every screen in every state, with the API mocked by MSW (no backend).
const config: StorybookConfig = {
  framework: "@storybook/react-vite",
  stories: ["../src/**/*.stories.tsx"],
  addons: ["@storybook/addon-a11y", "msw-storybook-addon"],
  // Only the MSW worker lives here, so the app's own build never ships it.
  staticDirs: ["./public"],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // Design previews are served by a test server that never sends the compressed copies:
  // making them would only lengthen every Storybook build.
  viteFinal: (viteConfig) => ({
    ...viteConfig,
    plugins: (viteConfig.plugins ?? [])
      .flat()
      .filter((p) => !(p && "name" in p && p.name === "vite-plugin-compression")),
  }),
};

export default config;
