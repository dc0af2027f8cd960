import { errorMessages } from "@kakunin/contracts/error-body";
import { userEvent, within } from "storybook/test";

/** Play-function steps shared by the screen stories (Storybook's userEvent and queries). */
export function screen(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  return {
    canvas,
    async type(label: string | RegExp, text: string) {
      const input = await canvas.findByLabelText(label);
      await userEvent.clear(input);
      await userEvent.type(input, text);
    },
    async click(name: string | RegExp) {
      await userEvent.click(await canvas.findByRole("button", { name }));
    },
    async choose(name: string | RegExp) {
      await userEvent.click(await canvas.findByRole("radio", { name }));
    },
    async select(label: string | RegExp, value: string) {
      await userEvent.selectOptions(await canvas.findByLabelText(label), value);
    },
    async waitForText(text: string | RegExp) {
      await canvas.findAllByText(text);
    },
    async waitForHeading(name: string | RegExp) {
      await canvas.findByRole("heading", { name });
    },
    /** A final confirmation (titled `heading`, when given) ready for the 執行パスワード. */
    async waitForConfirmation(heading?: string | RegExp) {
      if (heading) await canvas.findByRole("heading", { name: heading });
      await canvas.findByLabelText("執行パスワード");
    },
    /** The app has left for ログイン, which says the session timed out. */
    async waitForSessionExpiredLogin() {
      await canvas.findByRole("heading", { level: 1, name: "ログイン" });
      await canvas.findByText(errorMessages.session_expired);
    },
  };
}
