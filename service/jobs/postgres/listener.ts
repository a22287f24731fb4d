/**
 * One LISTEN connection per process: PostgreSQL notifications (job changed, job submitted,
 * cancel asked) reach the callbacks registered for their channel. Payloads are job ids only.
 * A lost connection is reopened after a second, and every channel listened to again; what was
 * missed meanwhile is caught up by the callers' bounded polling.
 */
import pg from "pg";

export const CHANNELS = {
  changed: "tverr_job_changed",
  submitted: "tverr_job_submitted",
  cancel: "tverr_job_cancel",
} as const;

export type Channel = (typeof CHANNELS)[keyof typeof CHANNELS];

const RECONNECT_MS = 1_000;

export class Listener {
  readonly #connectionString: string;
  readonly #handlers = new Map<Channel, Set<(payload: string) => void>>();
  #client?: pg.Client;
  #closed = false;
  #onError: (err: unknown) => void;

  constructor(connectionString: string, onError: (err: unknown) => void) {
    this.#connectionString = connectionString;
    this.#onError = onError;
  }

  on(channel: Channel, handler: (payload: string) => void): void {
    const set = this.#handlers.get(channel) ?? new Set();
    this.#handlers.set(channel, set);
    set.add(handler);
  }

  async start(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.#connectionString,
      application_name: "tverr-listen",
    });
    client.on("notification", (n) => {
      for (const handler of this.#handlers.get(n.channel as Channel) ?? []) handler(n.payload ?? "");
    });
    const reopen = (err?: unknown) => {
      if (this.#client !== client || this.#closed) return;
      this.#client = undefined;
      if (err) this.#onError(err);
      client.end().catch(() => {});
      setTimeout(() => void this.start().catch((e: unknown) => reopen.call(null, e)), RECONNECT_MS).unref();
    };
    client.on("error", reopen);
    client.on("end", () => reopen());
    this.#client = client;
    try {
      await client.connect();
      for (const channel of Object.values(CHANNELS)) await client.query(`LISTEN ${channel}`);
    } catch (err) {
      reopen(err);
      throw err;
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => {});
  }
}
