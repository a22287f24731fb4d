/**
 * Meeting history: earlier groupings (last year's reflection groups, the previous gatherings),
 * one entry per round, each a map from group id to the people in that group.
 *
 * The schema is the contract (it becomes the problem's `history` field); `checkHistory` holds
 * the cross-field rules that need the roster: every person known, nobody twice in one round.
 */
import { z } from "zod";
import type { InputIssue } from "../errors.js";

const id = z.string().min(1, "must be a non-empty string");

export const HistoryRoundSchema = z.strictObject({
  round: id.describe("Label of the round, e.g. a gathering's name or number"),
  groups: z.record(id, z.array(id)).describe("group id -> ids of the people in that group"),
});

export const HistorySchema = z.strictObject({
  rounds: z.array(HistoryRoundSchema).default([]).describe("Earlier rounds, oldest first"),
});

export type HistoryRound = z.output<typeof HistoryRoundSchema>;
export type History = z.output<typeof HistorySchema>;
export type HistoryInput = z.input<typeof HistorySchema>;

/**
 * Issues that make a history unusable with these people: an unknown person, or a person
 * placed twice in one round (in one group or two). Paths start at `path` (default
 * `["history"]`); person ids are never echoed (they may be e-mails).
 */
export function checkHistory(
  history: History,
  personIds: { has(id: string): boolean },
  path: (string | number)[] = ["history"],
): InputIssue[] {
  const issues: InputIssue[] = [];
  history.rounds.forEach((round, r) => {
    const seen = new Map<string, string>();
    for (const [group, members] of Object.entries(round.groups)) {
      members.forEach((person, i) => {
        const at = [...path, "rounds", r, "groups", group, i];
        if (!personIds.has(person)) {
          issues.push({ path: at, message: "matches no person in the roster" });
          return;
        }
        const first = seen.get(person);
        if (first !== undefined) {
          issues.push({
            path: at,
            message:
              first === group
                ? "the person is listed twice in this group"
                : `the person is already in group ${JSON.stringify(first)} in this round`,
          });
          return;
        }
        seen.set(person, group);
      });
    }
  });
  return issues;
}
