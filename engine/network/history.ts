/**
 * Meeting history: earlier groupings (last year's reflection groups, the previous gatherings),
 * one entry per round, each a map from group id to the people in that group.
 *
 * The schema is the contract (it becomes the problem's `history` field); `checkHistory` holds
 * the cross-field rules that need the roster: every person known, nobody twice in one round.
 */
import { z } from "zod";
import { type InputIssue, issue, type PathPart } from "../errors.js";
import { id } from "../problem/fields.js";
import { entries, keyedRecord } from "../problem/records.js";

/** Most earlier rounds a history may hold. */
export const MAX_HISTORY_ROUNDS = 1000;

export const HistoryRoundSchema = z.strictObject({
  round: id.describe("Label of the round, e.g. a gathering's name or number"),
  groups: keyedRecord(z.array(id), id).describe("group id -> ids of the people in that group"),
});

export const HistorySchema = z.strictObject({
  rounds: z
    .array(HistoryRoundSchema)
    .max(MAX_HISTORY_ROUNDS)
    .default([])
    .describe("Earlier rounds, oldest first"),
});

export type HistoryRound = z.output<typeof HistoryRoundSchema>;
export type History = z.output<typeof HistorySchema>;
export type HistoryInput = z.input<typeof HistorySchema>;

/**
 * Issues that make a history unusable with these people: an unknown person, or a person
 * placed twice in one round (in one group or two). Paths start at `roundsPath`, the path of
 * the rounds array (default `["history", "rounds"]`); person ids are never echoed (they may be e-mails).
 */
export function checkHistory(
  history: History,
  personIds: { has(id: string): boolean },
  roundsPath: PathPart[] = ["history", "rounds"],
): InputIssue[] {
  const issues: InputIssue[] = [];
  history.rounds.forEach((round, r) => {
    const seen = new Map<string, string>();
    for (const [group, members] of entries(round.groups)) {
      members.forEach((person, i) => {
        if (issues.length >= 200) return;
        const at = [...roundsPath, r, "groups", group, i];
        if (!personIds.has(person)) {
          issues.push(issue("unknown_person", {}, at));
          return;
        }
        if (seen.has(person)) {
          issues.push(issue("listed_twice", {}, at));
          return;
        }
        seen.set(person, group);
      });
    }
  });
  return issues;
}
