/**
 * A composition while it searches (server-sent events from its job): time spent of the time
 * allowed, the best grouping so far (rules broken, soft score), and Cancel, which keeps the
 * best found so far.
 */
import { LOCALES } from "../../../engine/page.js";
import type { ScreenProps } from "../App.js";
import { isDone } from "../app/actions.js";

export function RunProgress({ state, actions }: ScreenProps) {
  const run = state.run;
  if (!run || run.state === "succeeded") return null;
  const L = LOCALES[state.lang];
  const P = L.page.groups;
  const done = isDone(run);
  const elapsed = run.progress?.elapsedMs ?? 0;
  const share = run.timeLimitMs > 0 ? Math.min(1, elapsed / run.timeLimitMs) : 0;
  return (
    <div class="run" data-state={run.state}>
      <div role="status" aria-live="polite">
        {!done && (
          <p>
            {run.progress
              ? P.progress(L.seconds(elapsed), run.progress.bestHard, L.num(run.progress.bestSoft, 3))
              : P.starting}
          </p>
        )}
        {done && run.state === "cancelled" && <p>{P.cancelled}</p>}
        {done && run.state === "failed" && <p>{P.failed}</p>}
      </div>
      {!done && (
        <>
          <progress max={1} value={share} aria-label={P.progressLabel} />
          <button type="button" onClick={() => void actions.cancel()} disabled={!run.jobId}>
            {P.cancel}
          </button>
        </>
      )}
    </div>
  );
}
