/**
 * The small zod pieces every schema is made of, with the bounds that keep one request from
 * allocating without limit: ids and labels of bounded length, counts and weights that stay
 * finite, numbers small enough that sums of squares cannot overflow.
 */
import { z } from "zod";

/** Longest id or label (people, groups, rounds, categories). */
export const MAX_ID_LENGTH = 200;
/** Largest magnitude of a numeric attribute, distance or weight. */
export const MAX_MAGNITUDE = 1e15;
/** Most groups in a problem, rounds in a request. */
export const MAX_GROUPS = 100_000;
export const MAX_ROUNDS = 200;
/** Most gatherings one round stands for (the meetings table packs counts into 16 bits). */
export const MAX_REPEAT = 100;
/**
 * Most attributes a problem describes: each is a soft term (and maybe rules) that every move
 * updates; 20,000 of them kept a twelve-person solve past its deadline.
 */
export const MAX_ATTRIBUTES = 200;

export const id = z.string().min(1, "must be a non-empty string").max(MAX_ID_LENGTH);
export const label = z.string().max(MAX_ID_LENGTH);
export const count = z.number().int().nonnegative().max(1_000_000);
export const positiveCount = z.number().int().positive().max(1_000_000);
/** A number of groups: one bound, so a count far too large is one issue, not two. */
export const groupsCount = z.number().int().positive().max(MAX_GROUPS);
export const weight = z.number().nonnegative().max(1e9);
/** A finite number of bounded magnitude (attribute values, distances, pair weights). */
export const magnitude = z.number().min(-MAX_MAGNITUDE).max(MAX_MAGNITUDE);
