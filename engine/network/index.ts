/**
 * The has-met network: meeting history, the graph of who has met whom, its measures and a
 * short report. No I/O; the history CSV reader is `readHistoryCsv` in `engine/roster/history.ts`.
 */
export {
  addRounds,
  buildMeetingGraph,
  emptyMeetingGraph,
  guessNetworkKeys,
  type MeetingEdge,
  type MeetingGraph,
  type MeetingGraphAttributes,
  meetingGraphsBeforeAfter,
  type NetworkKeys,
  type PersonNode,
} from "./graph.js";
export {
  checkHistory,
  type History,
  type HistoryInput,
  type HistoryRound,
  HistoryRoundSchema,
  HistorySchema,
} from "./history.js";
export { comparisonMarkdown, type NetworkMarkdownOptions, networkMarkdown } from "./markdown.js";
export {
  type AgencyChange,
  type AgencyReach,
  compareNetworks,
  measureNetwork,
  type NetworkComparison,
  type NetworkMeasures,
  type OverallMeasures,
  type PersonReach,
} from "./measures.js";
