/**
 * The size of a has-met network before it is built: every group of k people in a round adds
 * k(k-1)/2 meetings, so one history group of 3,000 people is 4.5 million pairs (2.3 GB and
 * 44 s of work when measured). Counting them costs one pass over the groups; a network past
 * TVERR_MAX_NETWORK_PAIRS is refused with 413 before anything is built, so memory and time
 * per request are bounded.
 */
import { HttpError } from "./errors.js";

interface Rounds {
  rounds?: readonly { groups: Record<string, readonly unknown[]> }[];
}

/** Meetings (pairs per group, summed over every group of every round) in the history and the new rounds. */
export function meetingPairs(body: { history: Rounds; newRounds?: Rounds["rounds"] }): number {
  let pairs = 0;
  for (const round of [...(body.history.rounds ?? []), ...(body.newRounds ?? [])]) {
    for (const members of Object.values(round.groups)) pairs += (members.length * (members.length - 1)) / 2;
  }
  return pairs;
}

export function checkNetworkSize(body: Parameters<typeof meetingPairs>[0], max: number): void {
  const pairs = meetingPairs(body);
  if (pairs > max) throw new HttpError(413, "network_too_large", { pairs, max });
}
