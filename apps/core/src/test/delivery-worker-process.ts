import nodemailer from "nodemailer";
import { pino } from "pino";
import { openPostgres } from "../db/client.ts";
import { DeliveryWorker } from "../mail/delivery-worker.ts";

/**
 * One mail delivery worker in a process of its own, as each core instance runs it (issue 18):
 * delivery-worker.test.ts forks two of these on one PostgreSQL database. Started by the
 * parent with DATABASE_URL, SMTP_PORT and WORKER_NAME (its EHLO name); stops on "stop".
 */
const { DATABASE_URL, SMTP_PORT, WORKER_NAME } = process.env;
if (!DATABASE_URL || !SMTP_PORT || !WORKER_NAME)
  throw new Error("DATABASE_URL, SMTP_PORT and WORKER_NAME are required");

const database = openPostgres(DATABASE_URL);
const transport = nodemailer.createTransport({
  host: "127.0.0.1",
  port: Number(SMTP_PORT),
  secure: false,
  ignoreTLS: true,
  name: WORKER_NAME,
});
const worker = new DeliveryWorker(database.db, transport, pino({ level: "silent" }), {
  from: "kakunin証券 <no-reply@kakunin.example>",
  pollMs: 10,
  // Small batches, so the two workers' claims interleave over the queue.
  batchSize: 2,
  baseDelayMs: 1,
  maxDelayMs: 5,
  maxAttempts: 5,
  claimMs: 60_000,
});
worker.start();
process.on("message", (message) => {
  if (message !== "stop") return;
  void worker
    .stop()
    .then(() => database.close())
    .then(() => process.exit(0));
});
process.send?.("started");
