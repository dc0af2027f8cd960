import { eq, sql } from "drizzle-orm";
import type { Transporter } from "nodemailer";
import type { Db } from "../db/client.ts";
import { outbox } from "../db/schema.ts";
import type { Logger } from "../lib/logger.ts";

export interface DeliveryOptions {
  from: string;
  /** How often to look for due mail. */
  pollMs: number;
  batchSize: number;
  /** Exponential backoff: base × 2^(attempt-1), capped. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** After this many transient failures a mail is marked failed for an operator. */
  maxAttempts: number;
  /** A claimed (`sending`) mail whose worker died becomes due again after this. */
  claimMs: number;
  /**
   * Sent mail is kept this long (for support to see what a customer was told), then removed,
   * so the outbox does not grow with every login notification forever. Failed mail stays for
   * an operator. Undefined keeps everything.
   */
  retentionMs?: number | undefined;
}

/** How often a worker removes expired sent mail, and at most how many rows per statement. */
const PURGE_EVERY_MS = 60 * 60_000;
const PURGE_BATCH = 1_000;

interface Claimed {
  id: number;
  message_id: string;
  to_address: string;
  subject: string;
  body_text: string;
  locale: string;
  attempts: number;
}

/** 5xx SMTP replies are permanent (bad address, refused): retrying cannot help. */
function isPermanent(err: unknown): boolean {
  const code = (err as { responseCode?: unknown }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

/**
 * Sends queued mail over SMTP (R25). Rows are claimed with FOR UPDATE SKIP LOCKED, so
 * several workers (or BFF-less core replicas) never take the same row at once.
 *
 * Delivery is at-least-once: if a worker dies after the SMTP server accepted a mail but
 * before the row is marked sent, the claim expires and the mail is sent again, with the
 * same Message-ID. SMTP offers no way to make that window zero; it is kept to one
 * UPDATE, and the fixed Message-ID lets mail systems and readers spot the duplicate.
 */
export class DeliveryWorker {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<unknown> | undefined;
  #lastPurge = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly db: Db,
    private readonly transport: Transporter,
    private readonly logger: Logger,
    private readonly options: DeliveryOptions,
  ) {}

  start() {
    const tick = async () => {
      this.#running = this.runOnce().catch((err: unknown) => this.logger.error({ err }, "mail delivery run failed"));
      await this.#running;
      if (this.#timer) this.#timer = setTimeout(tick, this.options.pollMs);
    };
    this.#timer = setTimeout(tick, 0);
  }

  async stop() {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }

  /** Claims due mail and tries to send each once; returns how many were sent. */
  async runOnce(): Promise<number> {
    const claimed = await this.claim();
    let sent = 0;
    for (const row of claimed) if (await this.deliver(row)) sent++;
    if (Date.now() - this.#lastPurge >= PURGE_EVERY_MS) {
      this.#lastPurge = Date.now();
      await this.purgeSent();
    }
    return sent;
  }

  /**
   * Removes sent mail older than the retention, in batches so no statement holds many row
   * locks at once; returns how many rows went. Several workers may run it: a row is deleted once.
   */
  async purgeSent(): Promise<number> {
    const { retentionMs } = this.options;
    if (retentionMs === undefined) return 0;
    let removed = 0;
    for (;;) {
      const result = await this.db.execute(sql`
        DELETE FROM ${outbox}
         WHERE id IN (
           SELECT id FROM ${outbox}
            WHERE status = 'sent' AND sent_at < now() - make_interval(secs => ${retentionMs / 1000})
            LIMIT ${PURGE_BATCH}
            FOR UPDATE SKIP LOCKED)
        RETURNING id`);
      const n = (result as unknown as { rows: unknown[] }).rows.length;
      removed += n;
      if (n < PURGE_BATCH) break;
    }
    if (removed > 0) this.logger.info({ removed }, "expired sent mail removed");
    return removed;
  }

  private async claim(): Promise<Claimed[]> {
    const { batchSize, claimMs } = this.options;
    const result = await this.db.execute(sql`
      UPDATE ${outbox}
         SET status = 'sending', attempts = attempts + 1,
             claimed_until = now() + make_interval(secs => ${claimMs / 1000})
       WHERE id IN (
         SELECT id FROM ${outbox}
          WHERE (status = 'pending' AND next_attempt_at <= now())
             OR (status = 'sending' AND claimed_until < now())
          ORDER BY id
          LIMIT ${batchSize}
          FOR UPDATE SKIP LOCKED)
      RETURNING id, message_id, to_address, subject, body_text, locale, attempts`);
    return (result as unknown as { rows: Claimed[] }).rows;
  }

  private async deliver(row: Claimed): Promise<boolean> {
    try {
      await this.transport.sendMail({
        from: this.options.from,
        to: row.to_address,
        subject: row.subject,
        text: row.body_text,
        messageId: row.message_id,
        // The language the mail was worded in (R36): mail clients choose fonts (Japanese glyphs
        // rather than Chinese ones) and translation offers by it.
        headers: { "Content-Language": row.locale },
      });
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      const permanent = isPermanent(err);
      if (permanent || row.attempts >= this.options.maxAttempts) {
        await this.db
          .update(outbox)
          .set({ status: "failed", lastError: reason, claimedUntil: null, nextAttemptAt: null })
          .where(eq(outbox.id, row.id));
        this.logger.error({ outboxId: row.id, attempts: row.attempts, reason, permanent }, "mail failed");
      } else {
        const delay = Math.min(this.options.baseDelayMs * 2 ** (row.attempts - 1), this.options.maxDelayMs);
        await this.db
          .update(outbox)
          .set({
            status: "pending",
            lastError: reason,
            claimedUntil: null,
            nextAttemptAt: sql`now() + make_interval(secs => ${delay / 1000})`,
          })
          .where(eq(outbox.id, row.id));
        this.logger.warn({ outboxId: row.id, attempts: row.attempts, retryInMs: delay, reason }, "mail deferred");
      }
      return false;
    }
    await this.db
      .update(outbox)
      .set({ status: "sent", sentAt: sql`now()`, claimedUntil: null, lastError: null })
      .where(eq(outbox.id, row.id));
    return true;
  }
}
