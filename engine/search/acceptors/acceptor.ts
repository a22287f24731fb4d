/**
 * An acceptor decides whether the search moves to a candidate grouping of equal hard score.
 * Energies are the soft objective, lower is better (hard rules are settled before: see
 * localSearch).
 *
 * Contract: `accept` is called once per evaluated move, in order; `progress` in [0, 1] is how
 * much of the budget is spent (schedules may use it). `reset` is called when the search
 * jumps to a better hard level, with the new current energy. The acceptor keeps its state.
 */
export interface Acceptor {
  accept(candidate: number, current: number, progress: number): boolean;
  reset(current: number): void;
}

export type AcceptorName = "lateAcceptance" | "annealing";
