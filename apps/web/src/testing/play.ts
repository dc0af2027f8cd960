import { errorMessages } from "@kakunin/contracts/errors";
import { userEvent, within } from "storybook/test";

/** Play-function steps shared by the screen stories (Storybook's userEvent and queries). */
export function screen(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  return {
    canvas,
    async type(label: string | RegExp, text: string) {
      const input = await canvas.findByLabelText(label, {}, { timeout: 5000 });
      await userEvent.clear(input);
      await userEvent.type(input, text);
    },
    async click(name: string | RegExp) {
      await userEvent.click(await canvas.findByRole("button", { name }, { timeout: 5000 }));
    },
    async choose(name: string | RegExp) {
      await userEvent.click(await canvas.findByRole("radio", { name }, { timeout: 5000 }));
    },
    async select(label: string | RegExp, value: string) {
      await userEvent.selectOptions(await canvas.findByLabelText(label, {}, { timeout: 5000 }), value);
    },
    async waitForText(text: string | RegExp) {
      await canvas.findAllByText(text, {}, { timeout: 5000 });
    },
    async waitForHeading(name: string | RegExp) {
      await canvas.findByRole("heading", { name }, { timeout: 5000 });
    },
    /** A final confirmation (titled `heading`, when given) ready for the 執行パスワード. */
    async waitForConfirmation(heading?: string | RegExp) {
      if (heading) await canvas.findByRole("heading", { name: heading }, { timeout: 5000 });
      await canvas.findByLabelText("執行パスワード", {}, { timeout: 5000 });
    },
    /** The app has left for ログイン, which says the session timed out. */
    async waitForSessionExpiredLogin() {
      await canvas.findByRole("heading", { level: 1, name: "ログイン" }, { timeout: 5000 });
      await canvas.findByText(errorMessages.session_expired, {}, { timeout: 5000 });
    },
  };
}
