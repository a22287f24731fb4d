/**
 * An acceptor decides whether the search moves to a candidate grouping. Energies are one
 * scale: hard violations × hardWeight + soft objective, lower is better.
 *
 * Contract: `accept` is called once per evaluated move, in order; `progress` in [0, 1] is how
 * much of the budget is spent (schedules may use it). The acceptor keeps its own state.
 */
export interface Acceptor {
  accept(candidate: number, current: number, progress: number): boolean;
}

export type AcceptorName = "lateAcceptance" | "annealing";
