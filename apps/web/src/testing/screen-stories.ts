import type { Meta } from "@storybook/react-vite";
import { AppScreen } from "./app-screen.tsx";
import type { HandlerMap } from "./msw-handlers.ts";

export type ScreenMeta = Meta<typeof AppScreen>;

/**
 * A screen's stories' meta but its title: the whole app at `path`, with `handlers` over the
 * default ones. The title stays a literal in the story file, where Storybook reads it from
 * the source: `{ title: "画面/注文照会", ...screenMeta("/trade/orders") } satisfies ScreenMeta`.
 */
export function screenMeta(path: string, handlers?: HandlerMap) {
  return {
    component: AppScreen,
    args: { path },
    parameters: handlers ? { screen: true, msw: { handlers } } : { screen: true },
  } satisfies ScreenMeta;
}
