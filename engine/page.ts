/**
 * The engine's entry for the coordinators' page: what a browser bundle may take from the
 * engine without pulling in the solver, HiGHS or Node's modules. Everything here is plain
 * data and pure functions (the words of both languages); the page's types come from
 * `engine/index.ts` as type-only imports, which the bundler erases.
 */
export { LOCALES, type Locale } from "./locale/index.js";
export type { PageWords } from "./locale/pageTypes.js";
