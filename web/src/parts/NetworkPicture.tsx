/**
 * The has-met network by agency, drawn as SVG: each agency a circle on a ring (sized by its
 * leaders, coloured by its sector, agencies of a sector side by side), each pair of agencies
 * whose leaders have met a line, thicker for more pairs. Before and after side by side, on
 * the same ring, so what the new gatherings added is what is new in the picture. And the
 * agency × agency heat map of the same ties. Both are drawn from the engine's agencyTies;
 * SVG rather than a canvas library: a few hundred shapes, crisp on a projector, readable by
 * a screen reader through its title and description, and nothing to load.
 */
import type { Locale } from "../../../engine/page.js";
import type { AgencyTies } from "../types.js";

/** Sector colours with at least 3:1 contrast on white (non-text contrast, WCAG 1.4.11). */
const PALETTE = [
  "#1f5f8b",
  "#c0392b",
  "#2e7d32",
  "#8e44ad",
  "#b36b00",
  "#00796b",
  "#c2185b",
  "#3949ab",
  "#6d4c41",
  "#7c8a00",
  "#0277bd",
  "#5d6d7e",
];

interface Layout {
  order: number[];
  x: number[];
  y: number[];
  r: number[];
  colour: string[];
  sectors: string[];
}

/** Agencies on a ring, grouped by sector, so ties inside a sector run short and across it long. */
export function ringLayout(ties: AgencyTies, size: number): Layout {
  const n = ties.agencies.length;
  const sectorNames = [...new Set(ties.sectors.map((s) => s ?? ""))].sort((a, b) => a.localeCompare(b, "nb"));
  const order = ties.agencies
    .map((_, i) => i)
    .sort(
      (a, b) =>
        (ties.sectors[a] ?? "").localeCompare(ties.sectors[b] ?? "", "nb") ||
        ties.agencies[a].localeCompare(ties.agencies[b], "nb"),
    );
  const x: number[] = new Array(n);
  const y: number[] = new Array(n);
  const r: number[] = new Array(n);
  const colour: string[] = new Array(n);
  const max = Math.max(1, ...ties.people);
  const centre = size / 2;
  const radius = size / 2 - 16;
  order.forEach((agency, k) => {
    const angle = (2 * Math.PI * k) / Math.max(1, n) - Math.PI / 2;
    x[agency] = centre + radius * Math.cos(angle);
    y[agency] = centre + radius * Math.sin(angle);
    r[agency] = 2.5 + 6.5 * Math.sqrt(ties.people[agency] / max);
    colour[agency] = PALETTE[sectorNames.indexOf(ties.sectors[agency] ?? "") % PALETTE.length];
  });
  return { order, x, y, r, colour, sectors: sectorNames };
}

export function NetworkPicture(props: {
  ties: AgencyTies;
  layoutFrom: AgencyTies;
  title: string;
  description: string;
  maxTies: number;
  id: string;
}) {
  const size = 360;
  const layout = ringLayout(props.layoutFrom, size);
  const index = new Map(props.layoutFrom.agencies.map((a, i) => [a, i]));
  const at = (i: number) => index.get(props.ties.agencies[i]);
  return (
    <figure class="network" aria-labelledby={`${props.id}-title`}>
      <svg
        viewBox={`0 0 ${size} ${size}`}
        role="img"
        aria-labelledby={`${props.id}-title ${props.id}-desc`}
        class="network-svg"
      >
        <title id={`${props.id}-title`}>{props.title}</title>
        <desc id={`${props.id}-desc`}>{props.description}</desc>
        <g class="links">
          {props.ties.links.map(([i, j, count]) => {
            const a = at(i);
            const b = at(j);
            if (a === undefined || b === undefined || a === b) return null;
            const w = count / Math.max(1, props.maxTies);
            return (
              <line
                key={`${i}-${j}`}
                x1={layout.x[a]}
                y1={layout.y[a]}
                x2={layout.x[b]}
                y2={layout.y[b]}
                stroke-width={0.3 + 2.4 * w}
                stroke-opacity={0.05 + 0.6 * w ** 1.5}
              />
            );
          })}
        </g>
        <g class="nodes">
          {props.layoutFrom.agencies.map((agency, i) => (
            <circle key={agency} cx={layout.x[i]} cy={layout.y[i]} r={layout.r[i]} fill={layout.colour[i]}>
              <title>{agency}</title>
            </circle>
          ))}
        </g>
      </svg>
      <figcaption id={`${props.id}-caption`}>{props.title}</figcaption>
    </figure>
  );
}

/** The sectors' colours, as a legend under the pictures. */
export function SectorLegend({ ties, L }: { ties: AgencyTies; L: Locale }) {
  const layout = ringLayout(ties, 100);
  return (
    <ul class="legend" aria-label={L.page.rounds.legend}>
      {layout.sectors.map((sector, i) => (
        <li key={sector || "none"}>
          <svg viewBox="0 0 10 10" width="12" height="12" aria-hidden="true">
            <circle cx="5" cy="5" r="5" fill={PALETTE[i % PALETTE.length]} />
          </svg>
          {sector || L.page.rounds.noSector}
        </li>
      ))}
    </ul>
  );
}

/** Agency × agency: a cell per pair, darker for more pairs of leaders who have met. */
export function HeatMap({
  ties,
  title,
  description,
  id,
}: {
  ties: AgencyTies;
  title: string;
  description: string;
  id: string;
}) {
  const layout = ringLayout(ties, 100);
  const n = ties.agencies.length;
  const cell = 9;
  const label = 150;
  const counts = new Map<string, number>();
  let max = 1;
  for (const [i, j, c] of ties.links) {
    counts.set(`${i}:${j}`, c);
    counts.set(`${j}:${i}`, c);
    if (i !== j) max = Math.max(max, c);
  }
  const size = label + n * cell;
  const short = (s: string) => (s.length > 26 ? `${s.slice(0, 25)}…` : s);
  return (
    <figure class="heatmap" aria-labelledby={`${id}-title`}>
      <svg
        viewBox={`0 0 ${size} ${size}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        class="heatmap-svg"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {layout.order.map((a, row) => (
          <text
            key={`r${a}`}
            x={label - 4}
            y={label + row * cell + cell - 2}
            text-anchor="end"
            class="hm-label"
          >
            {short(ties.agencies[a])}
          </text>
        ))}
        {layout.order.map((a, col) => (
          <text
            key={`c${a}`}
            x={0}
            y={0}
            transform={`translate(${label + col * cell + cell - 2} ${label - 4}) rotate(-90)`}
            class="hm-label"
          >
            {short(ties.agencies[a])}
          </text>
        ))}
        {layout.order.map((a, row) =>
          layout.order.map((b, col) => {
            const c = counts.get(`${a}:${b}`) ?? 0;
            const shade = a === b ? 0 : c / max;
            return (
              <rect
                key={`${a}:${b}`}
                x={label + col * cell}
                y={label + row * cell}
                width={cell - 1}
                height={cell - 1}
                class={a === b ? "hm-self" : c === 0 ? "hm-none" : "hm-cell"}
                fill-opacity={a === b || c === 0 ? undefined : 0.15 + 0.85 * shade}
              >
                <title>{`${ties.agencies[a]} – ${ties.agencies[b]}: ${c}`}</title>
              </rect>
            );
          }),
        )}
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}
