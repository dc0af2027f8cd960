import { marginAccountNotOpenMessage } from "@kakunin/contracts/trading";
import { render, screen } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { demoInstruments } from "../../../testing/fixtures.ts";
import { emptyStockOrder, StockOrderForm } from "./stock-order-form.tsx";

const stocks = demoInstruments.instruments.filter((instrument) => instrument.kind === "stock");

describe("StockOrderForm without an opened 信用取引口座", () => {
  it("refuses a 信用 choice kept from before (e.g. 戻る after a refusal) and sends nothing", async () => {
    const onSubmit = vi.fn();
    const user = userEvent.setup();
    render(
      <StockOrderForm
        stocks={stocks}
        marginAccountOpen={false}
        defaultValues={{ ...emptyStockOrder, instrumentCode: "7203", tradeType: "margin_open", quantity: "100" }}
        onSubmit={onSubmit}
      />,
    );
    const kept = screen.getByRole("radio", { name: "信用新規" }) as HTMLInputElement;
    expect(kept.checked).toBe(true);
    expect(kept.disabled).toBe(true);
    await user.click(screen.getByRole("button", { name: "注文確認" }));
    expect(await screen.findByText(marginAccountNotOpenMessage)).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();

    await user.click(screen.getByRole("radio", { name: "現物" }));
    await user.click(screen.getByRole("button", { name: "注文確認" }));
    expect(onSubmit).toHaveBeenCalledWith(
      expect.objectContaining({ account: "cash", marginAction: null, quantity: 100 }),
      expect.objectContaining({ tradeType: "cash" }),
    );
  });
});
