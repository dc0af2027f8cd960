import type { ExecutionPasswordSchedule, SchedulePhase } from "@kakunin/contracts/credentials";
import type { CredentialSettings } from "../lib/types.ts";

/** Where `now` falls in the execution password's introduction (R11). */
export function schedulePhase(settings: CredentialSettings, now: Date): SchedulePhase {
  if (now >= settings.enforcedFrom) return "enforced";
  if (now >= settings.registrationFrom) return "registration";
  return "before_registration";
}

export function describeSchedule(settings: CredentialSettings, now: Date): ExecutionPasswordSchedule {
  return {
    registrationFrom: settings.registrationFrom.toISOString(),
    enforcedFrom: settings.enforcedFrom.toISOString(),
    now: now.toISOString(),
    phase: schedulePhase(settings, now),
  };
}
