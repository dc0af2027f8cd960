import { screen } from "@testing-library/react";

/**
 * Screen queries the app tests share: the inputs by their exact label, the main landmark and
 * the step the 手続きの流れ marks as current.
 */
export function field(label: string): HTMLInputElement {
  return screen.getByLabelText(label, { exact: true, selector: "input" }) as HTMLInputElement;
}

export function main(): HTMLElement {
  return screen.getByRole("main");
}

export function currentStep(): string | null | undefined {
  return screen.getByRole("list", { name: "手続きの流れ" }).querySelector("[aria-current=step]")?.textContent;
}
