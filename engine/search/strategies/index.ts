/**
 * Which strategy searches a space, built from the search config (config.ts): the factory
 * that keeps settings plain data.
 */
import type { SearchConfig } from "../config.js";
import { lateAcceptanceLength } from "../config.js";
import type { Strategy } from "../driver.js";
import type { SearchSpace, SingleSpace } from "../space.js";
import { iteratedDescent } from "./iteratedDescent.js";
import { lateAcceptanceSearch } from "./lateAcceptance.js";
import { tabuSearch } from "./tabu.js";

const CHUNK_PICKS = 2048;

/** One grouping: the iterated descent with a distance term (or when asked), late acceptance otherwise. */
export function singleRoundStrategy(space: SingleSpace, config: SearchConfig): Strategy {
  const model = space.score.model;
  const hasDistance = model.instances.some((i) => i.level === "soft" && i.term === "distance");
  if (config.strategy === "iteratedDescent" || (config.strategy === "auto" && hasDistance)) {
    return iteratedDescent(space, config.descent);
  }
  if (config.strategy === "tabu") return roundsTabu(config);
  const units = space.flatUnit.length;
  const exchange = !model.allSingletons;
  return lateAcceptanceSearch({
    acceptor: config.acceptor,
    length: lateAcceptanceLength(config, units),
    kickAfter: Math.max(config.kick.minIterations, config.kick.unitIterations * units),
    kickSize: Math.min(config.kick.maxSize, Math.max(2, units >> 6)),
    conflictDraws: 1,
    exchange,
    // Keep-together units: the group exchange, tried once a chunk, alone can trade a unit of
    // two for two single people when sizes are tight; short chunks make it frequent enough.
    picksPerChunk: exchange ? Math.min(CHUNK_PICKS, Math.max(64, 8 * units)) : CHUNK_PICKS,
    targetedShare: config.targeted.share,
    targetedMaxShare: config.targeted.maxShare,
    targeted: config.targeted,
  });
}

/** Several rounds: tabu search when repeats are forbidden (or asked), late acceptance otherwise. */
export function roundsStrategy(_space: SearchSpace, config: SearchConfig, forbidRepeats: boolean): Strategy {
  if (config.strategy === "tabu" || (config.strategy === "auto" && forbidRepeats)) return roundsTabu(config);
  return lateAcceptanceSearch({
    acceptor: config.acceptor,
    length: config.rounds.lateAcceptanceLength,
    kickAfter: 0,
    kickSize: 0,
    conflictDraws: config.rounds.conflictDraws,
    exchange: false,
    picksPerChunk: CHUNK_PICKS,
    targetedShare: 0,
    targetedMaxShare: 0,
    targeted: {
      conflictGroups: 0,
      targetGroups: 0,
      targetScan: 0,
      depth: 0,
      balanceShare: 0,
      balanceMove: "pairs",
      twinScan: 0,
      balanceDepth: 0,
    },
  });
}

function roundsTabu(config: SearchConfig): Strategy {
  return tabuSearch({
    fullScanUnits: config.rounds.fullScanUnits,
    conflictDraws: config.rounds.conflictDraws,
    tenure: config.rounds.tabuTenure,
    tabuOn: config.rounds.tabuOn,
    kickAfter: config.rounds.kickAfter,
    kickMoves: config.rounds.kickMoves,
    stepsPerChunk: 64,
  });
}
