/**
 * Waiting for a job to finish, the same over any store: the job once final, or undefined if
 * it is still going after `ms` (or no longer exists).
 */
import { isFinal, type Job, type JobStore } from "./types.js";

export async function waitSettled(
  store: JobStore,
  id: string,
  owner: string,
  ms: number,
): Promise<Job | undefined> {
  const now = await store.get(id, owner);
  if (!now || isFinal(now)) return now;
  if (ms <= 0) return undefined;
  let stop = () => {};
  let timer: NodeJS.Timeout | undefined;
  const final = await new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
    stop = store.watch(id, (job) => {
      if (isFinal(job)) resolve(true);
    });
  });
  clearTimeout(timer);
  stop();
  // The watched view carries no result: read the job once more, whole.
  return final ? store.get(id, owner) : undefined;
}
