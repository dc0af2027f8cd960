import { type ChildProcess, fork } from "node:child_process";
import { once } from "node:events";
import { eq, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openPostgres } from "../db/client.ts";
import { customers, outbox } from "../db/schema.ts";
import { createCustomer } from "../domain/customers.ts";
import { createScratchDatabase } from "../test/scratch-database.ts";
import { startSmtpSink } from "../test/smtp-sink.ts";
import { createTestServices, type openTestPglite, testBackends } from "../test/test-app.ts";
import { DeliveryWorker } from "./delivery-worker.ts";
import { listStuckMail, retryMail } from "./operations.ts";
import { enqueueMail } from "./outbox.ts";

type Sink = Awaited<ReturnType<typeof startSmtpSink>>;
type Database = Awaited<ReturnType<typeof openTestPglite>>;

const services = createTestServices();

async function customerWith(database: Database, emails: string[], loginNotification = true) {
  return createCustomer(database.db, services, {
    name: "試験 太郎",
    birthDate: "1980-01-15",
    phone: "090-1234-5678",
    emails,
    loginPassword: "Kiso8pine3",
    mailSettings: [{ type: "login_notification", enabled: loginNotification, destination: emails.length as 1 | 2 }],
  });
}

const queueLogin = (database: Database, customerId: string) =>
  enqueueMail(database.db, {
    customerId,
    type: "login_notification",
    data: { customerName: "試験 太郎", at: new Date(), ipAddress: "203.0.113.7", userAgent: "test" },
  });

function worker(
  database: Database,
  sink: Sink,
  overrides: Partial<ConstructorParameters<typeof DeliveryWorker>[3]> = {},
) {
  return new DeliveryWorker(
    database.db,
    nodemailer.createTransport({ host: "127.0.0.1", port: sink.port, secure: false, ignoreTLS: true }),
    pino({ level: "silent" }),
    {
      from: "kakunin証券 <no-reply@kakunin.example>",
      pollMs: 10,
      batchSize: 50,
      baseDelayMs: 1,
      maxDelayMs: 5,
      maxAttempts: 5,
      claimMs: 60_000,
      ...overrides,
    },
  );
}

/** A received mail's headers (unfolded) and its text body, decoded as a mail client would. */
function readMail(raw: string): { headers: string; text: string } {
  const split = raw.indexOf("\r\n\r\n");
  const headers = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const body = raw.slice(split + 4);
  const encoding = /^Content-Transfer-Encoding:\s*(\S+)/im.exec(headers)?.[1]?.toLowerCase();
  const bytes =
    encoding === "base64"
      ? Buffer.from(body.replace(/\s+/g, ""), "base64")
      : encoding === "quoted-printable"
        ? Buffer.from(
            body
              .replace(/=\r\n/g, "")
              .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
            "latin1",
          )
        : Buffer.from(body, "utf8");
  return { headers, text: bytes.toString("utf8").replace(/\r\n/g, "\n") };
}

/** Runs the worker until nothing is due, as its timer would. */
async function drain(w: DeliveryWorker, database: Database) {
  await expect
    .poll(
      async () => {
        await w.runOnce();
        const [row] = await database.db
          .execute<{ n: number }>(sql`select count(*)::int as n from ${outbox} where status in ('pending','sending')`)
          .then((r) => (r as unknown as { rows: { n: number }[] }).rows);
        return row?.n;
      },
      { timeout: 15_000 },
    )
    .toBe(0);
}

describe.each(testBackends)("mail delivery on $name", ({ open }) => {
  let database: Database;
  let sink: Sink;
  beforeAll(async () => {
    database = await open();
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink.close();
    await database.close();
  });
  afterEach(async () => {
    sink.received.length = 0;
    sink.behaviour.refuseNext = 0;
    sink.behaviour.refuseAllTo.clear();
    await database.db.delete(outbox);
  });

  it("a mail queued in a transaction that rolls back never exists", async () => {
    const c = await customerWith(database, ["a@example.test"]);
    await expect(
      database.db.transaction(async (tx) => {
        await enqueueMail(tx, {
          customerId: c.id,
          type: "account_locked",
          data: { customerName: "試験 太郎", at: new Date(), origin: { ipAddress: null, userAgent: null } },
        });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await database.db.select().from(outbox)).toHaveLength(0);
  });

  it("follows the customer's setting: off sends nothing, 配信先 picks the address", async () => {
    const off = await customerWith(database, ["off@example.test"], false);
    expect(await queueLogin(database, off.id)).toEqual([]);
    const two = await customerWith(database, ["first@example.test", "second@example.test"]);
    expect(await queueLogin(database, two.id)).toEqual(["second@example.test"]);
    // Mandatory mail ignores settings.
    expect(
      await enqueueMail(database.db, {
        customerId: off.id,
        type: "account_locked",
        data: { customerName: "試験 太郎", at: new Date(), origin: { ipAddress: null, userAgent: null } },
      }),
    ).toEqual(["off@example.test"]);
  });

  it("sends queued mail over SMTP once, with its fixed Message-ID", async () => {
    const c = await customerWith(database, ["once@example.test"]);
    await queueLogin(database, c.id);
    const [row] = await database.db.select().from(outbox);
    const w = worker(database, sink);
    await drain(w, database);
    expect(await w.runOnce()).toBe(0);
    expect(sink.received).toHaveLength(1);
    expect(sink.received[0]?.to).toEqual(["once@example.test"]);
    expect(sink.received[0]?.messageId).toBe(row?.messageId);
    const [sent] = await database.db
      .select()
      .from(outbox)
      .where(eq(outbox.id, row?.id ?? 0));
    expect(sent).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("an English-speaking customer gets the mail in English, in the language of the moment it was queued (R36)", async () => {
    const en = await customerWith(database, ["en@example.test"]);
    const ja = await customerWith(database, ["ja@example.test"]);
    await database.db.update(customers).set({ locale: "en" }).where(eq(customers.id, en.id));
    await queueLogin(database, en.id);
    await queueLogin(database, ja.id);
    // The customer switches back before delivery: the mail keeps the language of the event.
    await database.db.update(customers).set({ locale: "ja" }).where(eq(customers.id, en.id));
    await drain(worker(database, sink), database);

    const byAddress = new Map(sink.received.map((m) => [m.to[0], readMail(m.raw)]));
    const english = byAddress.get("en@example.test");
    expect(english?.headers).toMatch(/^Subject: \[kakunin Securities\] Login notification$/m);
    expect(english?.headers).toMatch(/^Content-Language: en$/m);
    expect(english?.text).toContain("Dear 試験 太郎,\n\nThere was a login to your account.\n\nDate and time: ");
    expect(english?.text).toMatch(/Date and time: [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{2}:\d{2}:\d{2} JST\n/);
    expect(english?.text).toContain(
      "please call our Customer Support Center (phone: 0120-000-000; hours: weekdays 8:30–17:00 JST).\nkakunin Securities",
    );
    expect(english?.text).not.toMatch(/[\p{Script=Hiragana}\p{Script=Katakana}]/u);
    const japanese = byAddress.get("ja@example.test");
    expect(japanese?.headers).toMatch(/^Content-Language: ja$/m);
    expect(japanese?.text).toContain("試験 太郎 様\n\nお客様の口座にログインがありました。");
    const rows = await database.db.select({ to: outbox.toAddress, locale: outbox.locale }).from(outbox);
    expect(new Map(rows.map((r) => [r.to, r.locale]))).toEqual(
      new Map([
        ["en@example.test", "en"],
        ["ja@example.test", "ja"],
      ]),
    );
  });

  it("retries with backoff while SMTP refuses, and delivers once it accepts", async () => {
    const c = await customerWith(database, ["retry@example.test"]);
    await queueLogin(database, c.id);
    sink.behaviour.refuseNext = 3;
    sink.behaviour.refuseCode = 421;
    const w = worker(database, sink);
    await drain(w, database);
    expect(sink.received).toHaveLength(1);
    const [row] = await database.db.select().from(outbox);
    expect(row).toMatchObject({ status: "sent", attempts: 4, lastError: null });
  });

  it("SMTP down (connection refused) loses nothing: the mail goes out when it is back", async () => {
    const c = await customerWith(database, ["down@example.test"]);
    await queueLogin(database, c.id);
    const down = worker(database, { ...sink, port: 1 });
    await down.runOnce();
    const [deferred] = await database.db.select().from(outbox);
    expect(deferred).toMatchObject({ status: "pending", attempts: 1 });
    expect(deferred?.lastError).toMatch(/ECONNREFUSED|connect/i);
    await drain(worker(database, sink), database);
    expect(sink.received.map((m) => m.to[0])).toEqual(["down@example.test"]);
  });

  it("a permanent rejection is marked failed with the reason, shown to operators, not retried", async () => {
    const c = await customerWith(database, ["gone@example.test"]);
    await queueLogin(database, c.id);
    sink.behaviour.refuseAllTo.add("gone@example.test");
    const w = worker(database, sink);
    await w.runOnce();
    await w.runOnce();
    const [row] = await database.db.select().from(outbox);
    expect(row).toMatchObject({ status: "failed", attempts: 1 });
    expect(row?.lastError).toMatch(/550/);
    const stuck = await listStuckMail(database.db);
    expect(stuck.map((m) => [m.toAddress, m.status])).toEqual([["gone@example.test", "failed"]]);

    // The operator fixes the cause and retries it.
    sink.behaviour.refuseAllTo.clear();
    await retryMail(database.db, row?.id ?? 0);
    await drain(w, database);
    expect(sink.received).toHaveLength(1);
  });

  it("gives up after the attempt cap and leaves it for an operator", async () => {
    const c = await customerWith(database, ["cap@example.test"]);
    await queueLogin(database, c.id);
    sink.behaviour.refuseNext = 100;
    await drain(worker(database, sink, { maxAttempts: 3 }), database);
    const [row] = await database.db.select().from(outbox);
    expect(row).toMatchObject({ status: "failed", attempts: 3 });
    expect(sink.received).toHaveLength(0);
  });

  it("two workers at once never send the same mail twice", async () => {
    for (let i = 0; i < 20; i++) {
      const c = await customerWith(database, [`w${i}@example.test`]);
      await queueLogin(database, c.id);
    }
    const a = worker(database, sink, { batchSize: 3 });
    const b = worker(database, sink, { batchSize: 3 });
    await Promise.all([drain(a, database), drain(b, database)]);
    const ids = sink.received.map((m) => m.messageId);
    expect(ids).toHaveLength(20);
    expect(new Set(ids).size).toBe(20);
  });

  it("after a worker restart, a claim of the dead worker is taken over only when it expires", async () => {
    const c = await customerWith(database, ["restart@example.test"]);
    await queueLogin(database, c.id);
    // A worker claimed the mail and died before sending it.
    await database.db
      .update(outbox)
      .set({ status: "sending", attempts: 1, claimedUntil: sql`now() + interval '1 minute'` });
    const fresh = worker(database, sink);
    expect(await fresh.runOnce()).toBe(0);
    expect(sink.received).toHaveLength(0);
    // The claim expires: the new worker delivers it, once.
    await database.db.update(outbox).set({ claimedUntil: sql`now() - interval '1 second'` });
    await drain(fresh, database);
    expect(sink.received).toHaveLength(1);
  });

  it("removes sent mail past the retention and keeps recent, failed and unsent mail (issue 16)", async () => {
    const c = await customerWith(database, ["keep@example.test"]);
    for (let i = 0; i < 5; i++) await queueLogin(database, c.id);
    const rows = await database.db.select().from(outbox).orderBy(outbox.id);
    const [oldSent, oldSent2, recentSent, oldFailed, pending] = rows.map((r) => r.id);
    const daysAgo = (d: number) => sql`now() - make_interval(days => ${d})`;
    await database.db
      .update(outbox)
      .set({ status: "sent", sentAt: daysAgo(91) })
      .where(eq(outbox.id, oldSent ?? 0));
    await database.db
      .update(outbox)
      .set({ status: "sent", sentAt: daysAgo(400) })
      .where(eq(outbox.id, oldSent2 ?? 0));
    await database.db
      .update(outbox)
      .set({ status: "sent", sentAt: daysAgo(89) })
      .where(eq(outbox.id, recentSent ?? 0));
    await database.db
      .update(outbox)
      .set({ status: "failed", sentAt: daysAgo(400) })
      .where(eq(outbox.id, oldFailed ?? 0));

    const w = worker(database, sink, { retentionMs: 90 * 24 * 60 * 60_000 });
    expect(await w.purgeSent()).toBe(2);
    const left = await database.db.select().from(outbox).orderBy(outbox.id);
    expect(left.map((r) => r.id)).toEqual([recentSent, oldFailed, pending]);
    // Without a retention nothing is removed.
    await database.db
      .update(outbox)
      .set({ sentAt: daysAgo(1000) })
      .where(eq(outbox.id, recentSent ?? 0));
    expect(await worker(database, sink).purgeSent()).toBe(0);
    // The worker's own run purges too (its first run does, then at most hourly).
    await w.runOnce();
    expect((await database.db.select().from(outbox)).map((r) => r.id)).not.toContain(recentSent);
  });
});

// Issue 18: each core instance runs its own delivery worker. PGlite is one process's database,
// so the workers in two processes run on a PostgreSQL server only.
const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
if (serverUrl)
  describe("mail delivery by two worker processes on one PostgreSQL database", () => {
    let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
    let database: Database;
    let sink: Sink;
    const children: ChildProcess[] = [];
    beforeAll(async () => {
      scratch = await createScratchDatabase(serverUrl, "kakunin_test");
      database = openPostgres(scratch.url);
      await database.migrate();
      sink = await startSmtpSink();
    });
    afterAll(async () => {
      for (const child of children) if (child.exitCode === null) child.kill();
      await sink.close();
      await database.close();
      await scratch.drop();
    });

    /** A worker process (delivery-worker-process.ts) on the scratch database, once it has started. */
    async function startWorkerProcess(name: string) {
      const child = fork(new URL("../test/delivery-worker-process.ts", import.meta.url), {
        execArgv: ["--import", "tsx"],
        env: { ...process.env, DATABASE_URL: scratch.url, SMTP_PORT: String(sink.port), WORKER_NAME: name },
      });
      children.push(child);
      const [message] = await once(child, "message");
      expect(message).toBe("started");
      return child;
    }

    it("every queued mail arrives exactly once, each worker having delivered some at the same time", async () => {
      for (let i = 0; i < 40; i++) {
        const c = await customerWith(database, [`p${i}@example.test`]);
        await queueLogin(database, c.id);
      }
      const queued = await database.db.select({ messageId: outbox.messageId }).from(outbox);
      // Nothing is accepted until both processes have a mail in flight: both really work at once.
      sink.behaviour.holdUntilClients = ["worker-1", "worker-2"];
      const workers = await Promise.all([startWorkerProcess("worker-1"), startWorkerProcess("worker-2")]);
      await expect
        .poll(
          async () =>
            (await database.db.select({ status: outbox.status }).from(outbox)).filter((r) => r.status !== "sent")
              .length,
          { timeout: 60_000 },
        )
        .toBe(0);
      for (const child of workers) {
        child.send("stop");
        const [code] = await once(child, "exit");
        expect(code).toBe(0);
      }
      const ids = sink.received.map((m) => m.messageId);
      expect(ids.sort()).toEqual(queued.map((q) => q.messageId).sort());
      expect(new Set(sink.received.map((m) => m.client))).toEqual(new Set(["worker-1", "worker-2"]));
      const rows = await database.db.select({ attempts: outbox.attempts }).from(outbox);
      expect(rows.every((r) => r.attempts === 1)).toBe(true);
      // Two Node processes start (tsx compiles the worker in each): more than the default 20 s under load.
    }, 90_000);
  });
