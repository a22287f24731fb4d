/**
 * Step 4, several gatherings: how many (and earlier gatherings as history, from a file);
 * compose them together; then the rules in every round, the meetings (new pairs, repeats),
 * per round how many new people and agencies each leader meets, each round's groups, and
 * the has-met network by agency before and after, as a picture and as a heat map.
 */
import { LOCALES } from "../../../engine/page.js";
import type { ScreenProps } from "../App.js";
import { isDone } from "../app/actions.js";
import { FailureView } from "../parts/FailureView.js";
import { FileInput } from "../parts/FileInput.js";
import { GroupCard } from "../parts/GroupCard.js";
import { HeatMap, NetworkPicture, SectorLegend } from "../parts/NetworkPicture.js";
import { plain } from "../parts/ReportSummary.js";
import { RunProgress } from "../parts/RunProgress.js";
import type { AgencyTies } from "../types.js";
import { groupsOf, violationsOf } from "./GroupsScreen.js";

const maxTies = (ties: AgencyTies) => ties.links.reduce((m, [i, j, c]) => (i === j ? m : Math.max(m, c)), 1);
const connected = (ties: AgencyTies) => ties.links.filter(([i, j]) => i !== j).length;
const pairs = (ties: AgencyTies) => (ties.agencies.length * (ties.agencies.length - 1)) / 2;

export function RoundsScreen({ state, actions }: ScreenProps) {
  const L = LOCALES[state.lang];
  const P = L.page.rounds;
  const R = L.report;
  const rounds = state.rounds;
  const running = state.run !== undefined && !isDone(state.run) && state.run.purpose === "rounds";
  const history = state.people.history;
  return (
    <section aria-labelledby="rounds-title">
      <h1 id="rounds-title" tabIndex={-1}>
        {P.title}
      </h1>
      <p class="lead">{P.intro}</p>
      <div class="field">
        <label for="rounds-count">{P.countLabel}</label>
        <input
          id="rounds-count"
          type="number"
          min={2}
          max={20}
          value={state.settings.rounds}
          onChange={(e) => {
            const n = Math.round(Number((e.currentTarget as HTMLInputElement).value));
            if (n >= 2 && n <= 20) actions.updateSettings((s) => ({ ...s, rounds: n }));
          }}
        />
      </div>
      <FileInput
        id="history-file"
        label={P.historyLabel}
        hint={P.historyHint}
        {...(history ? { chosen: P.historyRead(history.rounds.length) } : {})}
        onFile={(file) => void actions.chooseSide("history", file)}
      />
      {history && (
        <button
          type="button"
          class="link"
          onClick={() => actions.setPeople({ ...state.people, history: undefined })}
        >
          {P.historyRemove}
        </button>
      )}
      <div class="actions">
        <button
          type="button"
          class="primary"
          disabled={running || !state.roster?.preview}
          onClick={() => void actions.compose("rounds")}
        >
          {P.compose(state.settings.rounds)}
        </button>
      </div>
      {state.run?.purpose === "rounds" && <RunProgress state={state} actions={actions} />}
      {state.runFailure && state.run?.purpose === "rounds" && (
        <FailureView failure={state.runFailure} L={L} />
      )}

      {rounds && <RoundsResult state={state} actions={actions} />}
      {!rounds && <p class="hint">{P.empty}</p>}
      {rounds && (
        <p class="hint">{R.roundsHeadcount(rounds.result.rounds.length, rounds.request.people.length)}</p>
      )}
    </section>
  );
}

function RoundsResult({ state, actions }: ScreenProps) {
  const L = LOCALES[state.lang];
  const P = L.page.rounds;
  const R = L.report;
  const rounds = state.rounds;
  if (!rounds) return null;
  const result = rounds.result;
  const m = result.meetings;
  const people = rounds.request.people;
  const byId = new Map(people.map((p) => [p.id, p]));
  const name = (id: string) => byId.get(id)?.name ?? id;
  const broken = result.rounds.filter((r) => !r.feasible).map((r) => r.id);
  const round = result.rounds[rounds.shown] ?? result.rounds[0];
  const before = result.network.before.agencyTies;
  const after = result.network.after.agencyTies;
  const columns = Object.keys((rounds.request.attributes ?? {}) as Record<string, unknown>);
  const max = Math.max(maxTies(before), maxTies(after));
  return (
    <div class="rounds-result" data-testid="rounds-result">
      <h2>{R.summary}</h2>
      <p class={broken.length === 0 ? "ok" : "bad"}>
        {plain(
          broken.length === 0 && !(m.forbidRepeats && m.repeats > 0)
            ? R.roundsHold(m.forbidRepeats)
            : R.roundsBroken(broken, m.repeats, m.forbidRepeats),
        )}
      </p>
      <div class="table-wrap">
        <table>
          <caption>{R.meetings}</caption>
          <thead>
            <tr>
              <th scope="col">{R.meetingsHeader[0]}</th>
              <th scope="col" class="num">
                {R.meetingsHeader[1]}
              </th>
            </tr>
          </thead>
          <tbody>
            {(["pairsMet", "newPairs", "repeatPairs", "maxMeetings"] as const).map((k) => (
              <tr key={k}>
                <th scope="row">{R.meetingRows[k]}</th>
                <td class="num">{L.num(m[k], 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{P.perRoundTitle}</h2>
      {rounds.stats ? (
        <div class="table-wrap">
          <table data-testid="round-stats">
            <caption class="sr-only">{P.perRoundTitle}</caption>
            <thead>
              <tr>
                {P.perRoundHeader.map((h, i) => (
                  <th key={h} scope="col" class={i > 0 && i < 4 ? "num" : undefined}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rounds.stats.map((s) => (
                <tr key={s.round}>
                  <th scope="row">{P.roundName(s.round)}</th>
                  <td class="num">{L.num(s.newPeople, 1)}</td>
                  <td class="num">{L.num(s.newAgencies, 1)}</td>
                  <td class="num">{L.num(s.repeats, 0)}</td>
                  <td>{s.feasible ? P.held : P.notHeld}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="busy">{L.page.app.busy}</p>
      )}

      <h2>{P.networkTitle}</h2>
      <p class="hint">{P.networkIntro}</p>
      <div class="networks" data-testid="network">
        <NetworkPicture
          id="net-before"
          ties={before}
          layoutFrom={after}
          maxTies={max}
          title={P.networkBefore(connected(before), pairs(after))}
          description={P.networkDescription}
        />
        <NetworkPicture
          id="net-after"
          ties={after}
          layoutFrom={after}
          maxTies={max}
          title={P.networkAfter(connected(after), pairs(after))}
          description={P.networkDescription}
        />
      </div>
      <SectorLegend ties={after} L={L} />
      <h2>{P.heatmapTitle}</h2>
      <p class="hint">{P.heatmapIntro}</p>
      <HeatMap id="heat-after" ties={after} title={P.heatmapCaption} description={P.heatmapDescription} />

      <h2>{P.groupsTitle}</h2>
      <div class="tabs" role="tablist" aria-label={P.groupsTitle}>
        {result.rounds.map((r, i) => (
          <button
            key={r.id}
            type="button"
            role="tab"
            id={`round-tab-${i}`}
            aria-selected={i === rounds.shown}
            aria-controls="round-panel"
            tabIndex={i === rounds.shown ? 0 : -1}
            onClick={() => actions.showRound(i)}
            onKeyDown={(e) => {
              const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
              if (step === 0) return;
              e.preventDefault();
              const next = (i + step + result.rounds.length) % result.rounds.length;
              actions.showRound(next);
              document.getElementById(`round-tab-${next}`)?.focus();
            }}
          >
            {P.roundName(r.id)}
          </button>
        ))}
      </div>
      {round && (
        <div id="round-panel" role="tabpanel" aria-labelledby={`round-tab-${rounds.shown}`} class="cards">
          {(() => {
            const ids = round.groups.map((g) => g.id);
            const groups = groupsOf(ids, people, round.assignment);
            const reports = new Map(round.groups.map((g) => [g.id, g]));
            return ids.map((id) => (
              <GroupCard
                key={id}
                id={id}
                members={groups.get(id) ?? []}
                {...(reports.get(id) ? { report: reports.get(id) } : {})}
                people={byId}
                columns={columns}
                violations={violationsOf(round, id)}
                L={L}
                name={name}
              />
            ));
          })()}
        </div>
      )}
    </div>
  );
}
