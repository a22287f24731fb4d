/**
 * Simulated annealing with a geometric schedule over the spent budget:
 * T(progress) = T0 · (T1/T0)^progress; a worsening move of Δ is taken with probability e^(−Δ/T).
 */
import type { Rng } from "../rng.js";
import type { Acceptor } from "./acceptor.js";

export class Annealing implements Acceptor {
  constructor(
    private readonly startTemperature: number,
    private readonly endTemperature: number,
    private readonly rng: Rng,
  ) {
    if (!(startTemperature > 0) || !(endTemperature > 0)) {
      throw new RangeError(
        `annealing temperatures must be positive, got ${startTemperature} and ${endTemperature}`,
      );
    }
  }

  reset(): void {}

  accept(candidate: number, current: number, progress: number): boolean {
    const delta = candidate - current;
    if (delta <= 0) return true;
    const t = this.startTemperature * (this.endTemperature / this.startTemperature) ** progress;
    return this.rng.nextFloat() < Math.exp(-delta / t);
  }
}
