import { Checklist } from "@kakunin/ui/checklist";
import { ChangeValue } from "@kakunin/ui/description-list";
import { PageLayout } from "@kakunin/ui/page-layout";
import { StepIndicator } from "@kakunin/ui/step-indicator";
import { act, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { activateLocale } from "../lib/i18n/catalog.ts";

// packages/ui's own words come from its catalogue (R36), in the page's language.
afterEach(async () => {
  await activateLocale("ja");
});

function Kit() {
  return (
    <PageLayout title="T" menu={<p>m</p>}>
      <StepIndicator current={1} />
      <ChangeValue before="a" after="b" />
      <ChangeValue before="c" after="c" unchanged />
      <Checklist
        items={[
          { id: "x", label: "X", met: true },
          { id: "y", label: "Y", met: false },
        ]}
      />
    </PageLayout>
  );
}

describe("the kit's words", () => {
  it("are Japanese by default, as before", () => {
    render(<Kit />);
    expect(screen.getByText("本文へ移動")).toBeTruthy();
    expect(screen.getByRole("button", { name: "メニュー" })).toBeTruthy();
    const steps = screen.getByRole("list", { name: "手続きの流れ" });
    expect(steps.textContent).toBe("1入力（済）2確認3完了");
    expect(screen.getByRole("main").textContent).toContain("変更前a→変更後b");
    expect(screen.getByRole("main").textContent).toContain("c（変更なし）");
    expect(screen.getByText("X").textContent).toBe("X：条件を満たしています");
    expect(screen.getByText("Y").textContent).toBe("Y：条件を満たしていません");
    expect(screen.getByRole("contentinfo").textContent).toBe("© kakunin証券");
  });

  it("follow a switch to English", async () => {
    render(<Kit />);
    await act(() => activateLocale("en"));
    expect(screen.getByText("Skip to main content")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Menu" })).toBeTruthy();
    const steps = screen.getByRole("list", { name: "Steps" });
    expect(
      within(steps)
        .getAllByRole("listitem")
        .map((step) => step.textContent),
    ).toEqual(["1Details (done)", "2Confirm", "3Complete"]);
    expect(screen.getByRole("main").textContent).toContain("Beforea→Afterb");
    expect(screen.getByRole("main").textContent).toContain("c(unchanged)");
    expect(screen.getByText("X").textContent).toBe("X: requirement met");
    expect(screen.getByRole("contentinfo").textContent).toBe("© kakunin Securities");
  });
});
