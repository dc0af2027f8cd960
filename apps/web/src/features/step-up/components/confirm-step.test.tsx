import { errorMessages } from "@kakunin/contracts/error-body";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { StrictMode } from "react";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../../../lib/api-client.ts";
import type { GuardedCall } from "../../../lib/guarded-request.ts";
import { type PendingStepUp, type StepUpFlow, useStepUpFlow } from "../../../lib/step-up.ts";
import { mockApi, stepUpChallenge, verified } from "../../../testing/mock-api.ts";
import { ConfirmStep, type ConfirmStepProps } from "./confirm-step.tsx";

interface Payload extends Record<string, unknown> {
  amount: number;
  bankAccountId: string;
}

const payload: Payload = { amount: 100_000, bankAccountId: "acc-1" };
const challengePath = "/api/step-up/challenges";

type Overrides = Partial<Pick<ConfirmStepProps<Payload, string>, "onError" | "steps" | "current" | "cancelLabel">>;

interface ScreenProps extends Overrides {
  execute: (call: GuardedCall<Payload>) => Promise<string>;
  onDone: (result: string) => void;
  onCancel: () => void;
  /** The flow's cancel, recorded with the callbacks in the order they happen. */
  events: string[];
  /** Every confirmation shown, by id. */
  seen: Map<number, PendingStepUp<Payload>>;
}

/** A screen with one confirmation: 確認へ begins the flow; while it is pending, ConfirmStep. */
function Screen({ events, seen, ...props }: ScreenProps) {
  const flow = useStepUpFlow<Payload>();
  const observed: StepUpFlow<Payload> = {
    ...flow,
    cancel: () => {
      events.push("flow.cancel");
      flow.cancel();
    },
  };
  const pending = flow.pending;
  if (!pending) {
    return (
      <button type="button" onClick={() => flow.begin(payload)}>
        確認へ
      </button>
    );
  }
  seen.set(pending.id, pending);
  return (
    <ConfirmStep
      flow={observed}
      pending={pending}
      operation="withdrawal"
      title="出金内容の確認"
      instruction="以下の内容で出金を申し込みます。"
      summary={<p>出金金額: {pending.payload.amount}円</p>}
      submitLabel="出金する"
      {...props}
    />
  );
}

function renderConfirmStep(execute: (call: GuardedCall<Payload>) => Promise<string>, overrides: Overrides = {}) {
  const events: string[] = [];
  const seen = new Map<number, PendingStepUp<Payload>>();
  const onDone = vi.fn((result: string) => events.push(`done:${result}`));
  const onCancel = vi.fn(() => events.push("cancel-callback"));
  const executeMock = vi.fn(execute);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const user = userEvent.setup();
  render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <Screen execute={executeMock} onDone={onDone} onCancel={onCancel} events={events} seen={seen} {...overrides} />
      </QueryClientProvider>
    </StrictMode>,
  );
  const pendings = () => [...seen.values()];
  return { user, events, onDone, onCancel, execute: executeMock, pendings };
}

/** Opens the confirmation and waits until its challenge has started. */
async function open(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole("button", { name: "確認へ" }));
  await ready();
}

async function ready() {
  const button = await screen.findByRole("button", { name: "出金する" });
  await waitFor(() => expect(button.getAttribute("aria-busy")).toBeNull());
  return button;
}

async function confirm(user: ReturnType<typeof userEvent.setup>) {
  const button = await ready();
  await user.type(screen.getByLabelText("執行パスワード", { selector: "input" }), "Rk7m2x");
  await user.click(button);
}

function currentStep(): string | null | undefined {
  return screen.getByRole("list", { name: "手続きの流れ" }).querySelector("[aria-current=step]")?.textContent;
}

function stepUpRequiredError() {
  return new ApiError({
    code: "step_up_required",
    status: 403,
    stepUp: { operation: "withdrawal", methods: ["execution_password"], maxAgeSeconds: 300 },
  });
}

function mockStepUp() {
  return mockApi({
    "POST /api/step-up/challenges": stepUpChallenge(["execution_password"], { operation: "withdrawal" }),
    "POST /api/step-up/verifications": verified(),
  });
}

describe("ConfirmStep", () => {
  it("shows the 確認 step with its title focused, the instruction and the summary, challenging the payload", async () => {
    const { requests } = mockStepUp();
    const { user } = renderConfirmStep(async () => "ok");
    await open(user);

    const heading = screen.getByRole("heading", { level: 2, name: "出金内容の確認" });
    expect(document.activeElement).toBe(heading);
    expect(currentStep()).toBe("2確認");
    // Issue 17 B7: the instruction names what this confirmation asks for, and nothing else.
    const instruction = await screen.findByText(/^以下の内容で出金を申し込みます。/);
    expect(instruction.tagName).toBe("P");
    expect(instruction.textContent).toBe(
      "以下の内容で出金を申し込みます。よろしければ執行パスワードを入力し、「出金する」を押してください。",
    );
    expect(screen.getByText("出金金額: 100000円")).toBeTruthy();
    const challenges = requests.filter((request) => request.path === challengePath);
    expect(challenges).toHaveLength(1);
    expect(challenges[0]?.body).toEqual({ operation: "withdrawal", payload });
  });

  it("follows custom steps", async () => {
    mockStepUp();
    const { user } = renderConfirmStep(async () => "ok", { steps: ["確認", "完了"], current: 0 });
    await open(user);
    expect(currentStep()).toBe("1確認");
  });

  it("executes once with the pending payload and key, then leaves the flow before onDone", async () => {
    mockStepUp();
    const { user, execute, onDone, events, pendings } = renderConfirmStep(async () => "receipt");
    await open(user);
    await confirm(user);

    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(onDone).toHaveBeenCalledWith("receipt");
    expect(execute).toHaveBeenCalledTimes(1);
    const [pending] = pendings();
    expect(pendings()).toHaveLength(1);
    expect(execute).toHaveBeenCalledWith({ body: payload, idempotencyKey: pending?.idempotencyKey });
    // The very object confirmed, not a copy.
    expect(execute.mock.calls[0]?.[0].body).toBe(pending?.payload);
    expect(events).toEqual(["flow.cancel", "done:receipt"]);
    expect(await screen.findByRole("button", { name: "確認へ" })).toBeTruthy();
  });

  it("on step_up_required starts a new confirmation (new id and key) instead of finishing", async () => {
    const { requests } = mockStepUp();
    // A screen's handler never sees it: the restart comes first.
    const onError = vi.fn(() => true);
    let calls = 0;
    const { user, execute, onDone, events, pendings } = renderConfirmStep(
      async () => {
        calls += 1;
        if (calls === 1) throw stepUpRequiredError();
        return "receipt";
      },
      { onError },
    );
    await open(user);
    await confirm(user);

    await waitFor(() => expect(requests.filter((request) => request.path === challengePath)).toHaveLength(2));
    expect(pendings()).toHaveLength(2);
    const [first, second] = pendings();
    expect(second?.id).not.toBe(first?.id);
    expect(second?.idempotencyKey).not.toBe(first?.idempotencyKey);
    expect(second?.payload).toBe(first?.payload);
    expect(second?.requirement?.methods).toEqual(["execution_password"]);
    expect(onDone).not.toHaveBeenCalled();
    expect(onError).not.toHaveBeenCalled();
    expect(events).toEqual([]);
    // The refusal is not shown as a failure: the new confirmation replaces the old one.
    expect(screen.queryByRole("alert")).toBeNull();

    await confirm(user);
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(execute).toHaveBeenCalledTimes(2);
    expect(execute.mock.calls[1]?.[0]).toEqual({ body: payload, idempotencyKey: second?.idempotencyKey });
  });

  it("lets onError handle a failure: nothing surfaces, the flow is left and onDone is not called", async () => {
    mockStepUp();
    const rejected = new ApiError({ code: "order_rejected", status: 422 });
    const onError = vi.fn((error: unknown) => error === rejected);
    const { user, onDone, events } = renderConfirmStep(
      async () => {
        throw rejected;
      },
      { onError },
    );
    await open(user);
    await confirm(user);

    await waitFor(() => expect(onError).toHaveBeenCalledWith(rejected));
    expect(await screen.findByRole("button", { name: "確認へ" })).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(onDone).not.toHaveBeenCalled();
    expect(events).toEqual(["flow.cancel"]);
  });

  it("shows a failure onError does not handle, and retries the call with the same key", async () => {
    mockStepUp();
    const outage = new ApiError({ code: "upstream_unavailable", status: 503 });
    const onError = vi.fn(() => false);
    let calls = 0;
    const { user, execute, onDone, events, pendings } = renderConfirmStep(
      async () => {
        calls += 1;
        if (calls === 1) throw outage;
        return "receipt";
      },
      { onError },
    );
    await open(user);
    await confirm(user);

    expect((await screen.findByRole("alert")).textContent).toContain(errorMessages.upstream_unavailable);
    expect(onError).toHaveBeenCalledWith(outage);
    expect(events).toEqual([]);

    await user.click(screen.getByRole("button", { name: "出金する" }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith("receipt"));
    const key = pendings()[0]?.idempotencyKey;
    expect(execute.mock.calls.map(([call]) => call.idempotencyKey)).toEqual([key, key]);
  });

  it("戻る leaves the flow, then calls onCancel, without executing", async () => {
    mockStepUp();
    const { user, execute, onCancel, events } = renderConfirmStep(async () => "ok");
    await open(user);
    await user.click(screen.getByRole("button", { name: "戻る" }));

    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(events).toEqual(["flow.cancel", "cancel-callback"]);
    expect(await screen.findByRole("button", { name: "確認へ" })).toBeTruthy();
    expect(execute).not.toHaveBeenCalled();
  });

  it("labels the cancel button as asked", async () => {
    mockStepUp();
    const { user, onCancel } = renderConfirmStep(async () => "ok", { cancelLabel: "訂正入力へ戻る" });
    await open(user);
    await user.click(screen.getByRole("button", { name: "訂正入力へ戻る" }));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });
});
