import type { StepUpChallenge, StepUpMethod } from "@kakunin/contracts/step-up";
import type { ApiError } from "../../../lib/api-client.ts";
import { translate } from "../../../lib/i18n/use-t.ts";
import { lookUpMethods } from "../methods/registry.ts";
import type { StepUpMethodUi, StepUpMoment } from "../methods/step-up-method-ui.ts";
import { joinSentences } from "./sentences.ts";
import type { MethodRefusal, Notice } from "./step-up-machine.ts";

/** The first method that reads the refusal as its own. */
export function refusalOf(
  methods: readonly StepUpMethodUi[],
  error: ApiError,
  moment: StepUpMoment,
): MethodRefusal | null {
  for (const method of methods) {
    const reaction = method.react?.(error, moment);
    if (reaction) return { method: method.name, reaction };
  }
  return null;
}

export function methodsOf(names: readonly StepUpMethod[]): readonly StepUpMethodUi[] {
  const lookup = lookUpMethods(names);
  return lookup.ok ? lookup.methods : [];
}

export function restartNotice(challenge: StepUpChallenge, submitLabel: string): Notice {
  const intro = methodsOf(challenge.methods).find((method) => method.restartIntro)?.restartIntro;
  return {
    kind: "status",
    message: joinSentences([
      translate("stepUp.restarted"),
      intro ? translate(intro) : translate("stepUp.restartedPressAgain", { submitLabel }),
    ]),
  };
}

/**
 * After a method's renewal: a new challenge renews every per-challenge answer together (the
 * BFF starts all methods at once), so each one with news says it, e.g. a passkey's refusal
 * renewing its options also mails a new 認証コード. After a refusal (`refused`), it stays the alert.
 */
export function renewedNotice(
  challenge: StepUpChallenge,
  renewedBy: StepUpMethodUi,
  refused: string | undefined,
): Notice | undefined {
  const news = methodsOf(challenge.methods)
    .filter(
      (method) => method.renewedMessage && (method === renewedBy || (refused !== undefined && method.perChallenge)),
    )
    .map((method) => method.renewedMessage?.(challenge));
  if (refused !== undefined) return { kind: "error", message: joinSentences([refused, ...news]) };
  return news.length > 0 ? { kind: "status", message: joinSentences(news) } : undefined;
}
