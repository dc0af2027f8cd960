import type { StoryObj } from "@storybook/react-vite";
import { type ScreenMeta, screenMeta } from "../../testing/screen-stories.ts";

const meta = { title: "画面/404", ...screenMeta("/no-such-page") } satisfies ScreenMeta;
export default meta;
type Story = StoryObj<typeof meta>;

export const ページが見つかりません: Story = {};
