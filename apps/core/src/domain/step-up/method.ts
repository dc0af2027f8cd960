import type { ClientContext } from "@kakunin/contracts/core-api";
import type { StepUpMethod as StepUpMethodName, StepUpOperation } from "@kakunin/contracts/step-up";
import type { Db, Tx } from "../../db/client.ts";
import type { CoreServices } from "../../lib/types.ts";
import type { AuditOutcome } from "../audit.ts";

/** Who confirms, from where; recorded in the audit trail (R29). */
export interface Actor {
  customerId: string;
  client: ClientContext;
  requestId?: string | undefined;
}

/** What a required method needs to be started: e.g. where its code goes. */
export interface Requirement {
  /** Full address a code goes to (配信先), for methods that send one. */
  destination?: string;
  /** Required whatever other methods are: no method's `supersedes` removes it. */
  mandatory?: boolean;
  /**
   * The confirmation cannot be done at all (e.g. a passkey is required and the customer has
   * none): the engine refuses opening and verifying with it before anything is evaluated.
   */
  refusal?: { reason: string; error: () => Error };
}

/** The confirmation being opened: the customer's row is locked for the whole start. */
export interface StartContext extends Actor {
  tx: Tx;
  services: CoreServices;
  operation: StepUpOperation;
  digest: string;
  /** The confirmed payload, as the BFF sent it (checked against `digest` where it is used). */
  payload: Record<string, unknown> | undefined;
  customer: { name: string; lockedAt: Date | null };
  requirement: Requirement;
}

/** What `start` answers: nothing to tell, a refusal to audit after the transaction, or a sent code. */
export type StartOutcome =
  | { status: "ready" }
  | { status: "refused"; outcome: AuditOutcome; detail: Record<string, unknown>; raise: () => never }
  | { status: "sent"; destination: string; expiresAt: Date; reused?: { sentAt: Date; resendAt: Date } };

export interface VerifyContext extends Actor {
  db: Db;
  services: CoreServices;
  operation: StepUpOperation;
  digest: string;
  /**
   * What the customer entered for this method: the field's value, parsed by the contract's
   * schema for it (`stepUpMethods[name].coreInput ?? input`), so each method knows its shape.
   */
  entry: unknown;
  /** Every method this confirmation required, for the audit record. */
  methods: StepUpMethodName[];
  /** Records a step_up audit event outside any method's own transaction. */
  audit: (outcome: AuditOutcome, detail?: Record<string, unknown>) => Promise<void>;
}

/**
 * One way of proving a confirmation (R6, R13). The engine (`engine.ts`) asks each method in
 * turn whether it is required, starts the required ones when the confirmation opens, and
 * verifies them in order when the customer submits.
 */
export interface StepUpMethod {
  readonly name: StepUpMethodName;
  /**
   * Methods this one replaces when it is required (e.g. the passkey replaces the 認証コード:
   * a phishing-resistant proof makes the mailed code redundant), unless their requirement
   * is `mandatory`.
   */
  readonly supersedes?: readonly StepUpMethodName[];
  /** Whether confirming `operation` needs this method at the customer's now (null: not needed). */
  required(
    db: Db | Tx,
    services: CoreServices,
    customerId: string,
    operation: StepUpOperation,
  ): Promise<Requirement | null>;
  /** Runs when the confirmation opens (e.g. mails a code); may refuse the whole confirmation. */
  start(ctx: StartContext): Promise<StartOutcome>;
  /** The refusal when the entry is missing, before anything is evaluated (it costs no try). */
  missing(): Error;
  /**
   * Checks the customer's entry; throws the method's error when it fails. Answers whether it
   * recorded the confirmation's success itself (together with its own state change).
   */
  verify(ctx: VerifyContext): Promise<{ auditedSuccess: boolean }>;
}
