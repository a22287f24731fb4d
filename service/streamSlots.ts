/**
 * Bounds on open event streams (`GET /v1/jobs/{id}/events`): each holds a socket, a listener
 * on its job and a heartbeat timer for as long as the job runs, so without a bound a client
 * could open thousands. Past TVERR_MAX_STREAMS_PER_JOB on one job: 429 (that client should
 * poll instead); past TVERR_MAX_STREAMS in all: 503 (this instance is full), both with
 * Retry-After.
 */
import { HttpError } from "./errors.js";

/** Seconds a refused client should wait; polling `GET /v1/jobs/{id}` meanwhile is fine. */
export const STREAM_RETRY_AFTER_S = 5;

export class StreamSlots {
  readonly #perJob = new Map<string, number>();
  #total = 0;

  constructor(
    readonly maxPerJob: number,
    readonly maxTotal: number,
  ) {}

  /** Take a slot for a stream on `jobId`, or throw; the returned function gives it back (once). */
  acquire(jobId: string): () => void {
    const retryAfter = { "retry-after": String(STREAM_RETRY_AFTER_S) };
    if (this.#total >= this.maxTotal) throw new HttpError(503, "too_many_streams", {}, retryAfter);
    const held = this.#perJob.get(jobId) ?? 0;
    if (held >= this.maxPerJob) throw new HttpError(429, "too_many_streams", {}, retryAfter);
    this.#perJob.set(jobId, held + 1);
    this.#total++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#total--;
      const left = (this.#perJob.get(jobId) ?? 1) - 1;
      if (left > 0) this.#perJob.set(jobId, left);
      else this.#perJob.delete(jobId);
    };
  }

  get open(): number {
    return this.#total;
  }
}
