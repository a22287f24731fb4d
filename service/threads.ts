/**
 * Where the solver thread's entry is: beside this module, in the sources as in `dist/`.
 */
import { siblingModule } from "../engine/index.js";

export const SOLVER_THREAD = siblingModule(import.meta.url, "solverThread");
