/**
 * An acceptor decides whether the search moves to a candidate of equal strict hard level.
 * Energies are the soft objective plus the priced penalty (see space.ts), lower is better;
 * strict hard rules are settled before (a move that breaks more is never taken, one that
 * mends some always is).
 *
 * Lifecycle: `reset(energy)` when the search starts and whenever it jumps (a better hard
 * level, a kick); then `accept` once per evaluated move, in order, with `progress` in [0, 1]
 * the share of the budget spent (schedules may use it). The acceptor keeps its own state.
 */
export interface Acceptor {
  accept(candidate: number, current: number, progress: number): boolean;
  reset(current: number): void;
}

export type AcceptorName = "lateAcceptance" | "annealing";
