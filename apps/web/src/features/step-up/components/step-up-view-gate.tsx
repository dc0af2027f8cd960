import type { StepUpOperation } from "@kakunin/contracts/step-up";
import type { UseQueryResult } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { QueryStatus } from "../../../components/query-status.tsx";
import type { StepUpDemand } from "../../../lib/api-client.ts";
import { useT } from "../../../lib/i18n/use-t.ts";
import { isStepUpRequired } from "../../../lib/step-up.ts";
import { stepUpCatalog } from "../i18n.ts";
import { StepUpConfirmation } from "./step-up-confirmation.tsx";

const NO_PAYLOAD: Record<string, unknown> = {};

export interface StepUpViewGateProps<T> {
  /** A guarded query: it fails with 403 step_up_required until the customer confirms. */
  query: UseQueryResult<T>;
  operation: StepUpOperation;
  /** Why the password is asked, above the confirmation; given what the BFF asks for. */
  intro: (requirement: StepUpDemand) => ReactNode;
  /** What will be shown once confirmed. */
  summary: ReactNode;
  /** 表示する by default. */
  submitLabel?: string | undefined;
  /** What is read, e.g. 口座情報: 口座情報を読み込んでいます… / 口座情報を表示できませんでした。 */
  what: string;
  children: (data: T) => ReactNode;
}

/**
 * Shows a guarded query's data, or, while the BFF asks for a step-up (before the first
 * confirmation, or again once the viewing window is over), the confirmation instead: nothing
 * of the data shows without it (R20). Confirming refetches the query.
 */
export function StepUpViewGate<T>({
  query,
  operation,
  intro,
  summary,
  submitLabel,
  what,
  children,
}: StepUpViewGateProps<T>) {
  const { t } = useT(stepUpCatalog);
  // A new confirmation (fresh challenge) when the refetch right after one is refused again.
  const [round, setRound] = useState(0);
  const { error, data } = query;

  if (isStepUpRequired(error)) {
    return (
      <div className="kk-card kk-stack">
        {intro(error.stepUp)}
        <StepUpConfirmation
          key={round}
          operation={operation}
          payload={NO_PAYLOAD}
          requirement={error.stepUp}
          summary={summary}
          submitLabel={submitLabel ?? t("stepUp.show")}
          onConfirmed={async () => {
            try {
              await query.refetch({ throwOnError: true });
            } catch (refetchError) {
              if (isStepUpRequired(refetchError)) setRound((value) => value + 1);
              throw refetchError;
            }
          }}
        />
      </div>
    );
  }
  if (data !== undefined) return children(data);
  return <QueryStatus query={query} what={what} />;
}
