import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { activateLocale } from "../../../lib/i18n/catalog.ts";
import { PasswordResetCompleteForm } from "./password-reset-complete-form.tsx";
import { PasswordResetStartForm } from "./password-reset-start-form.tsx";

afterEach(async () => {
  await activateLocale("ja");
});

const withQueries = (children: ReactNode) => (
  <QueryClientProvider client={new QueryClient()}>{children}</QueryClientProvider>
);

describe("ログインパスワードの再設定's forms in English", () => {
  it("step 1: お客様コード and 生年月日", async () => {
    await activateLocale("en");
    render(withQueries(<PasswordResetStartForm onSuccess={() => undefined} />));
    expect(screen.getByLabelText("Customer code (お客様コード)")).toBeTruthy();
    expect(screen.getByLabelText("Date of birth")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Send authentication code" })).toBeTruthy();
  });

  it("steps 2 and 3: the code, then the new password and its rules", async () => {
    await activateLocale("en");
    const { rerender } = render(
      withQueries(<PasswordResetCompleteForm step="code" onStepChange={() => undefined} onSuccess={() => undefined} />),
    );
    expect(screen.getByLabelText("Authentication code (認証コード)")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Next" })).toBeTruthy();
    rerender(
      withQueries(
        <PasswordResetCompleteForm step="password" onStepChange={() => undefined} onSuccess={() => undefined} />,
      ),
    );
    expect(screen.getByText(/^Use 6 to 20 letters and digits/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Reset password" })).toBeTruthy();
  });
});
