import { describe, expect, it } from "vitest";
import { groupsCsv, roundsCsv } from "../../../engine/export/groupsCsv.js";
import { readRoster } from "../../../engine/roster/index.js";

const roster = readRoster(
  "Navn;E-post;Virksomhet;Runde\r\n" +
    "Kari Ødegård;kari@x.no;UKE;old\r\n" +
    "=Ola+1;ola@x.no;EBY;old\r\n" +
    "Per Ås;per@x.no;UKE;old\r\n",
);
const rounds = [
  {
    id: "1",
    groups: [
      { id: "A", members: ["kari@x.no", "ola@x.no"] },
      { id: "B", members: ["per@x.no"] },
    ],
  },
  {
    id: "2",
    groups: [
      { id: "A", members: ["per@x.no", "ola@x.no"] },
      { id: "B", members: ["kari@x.no"] },
    ],
  },
];

describe("roundsCsv", () => {
  it("writes the round first, one row per person per round, in the roster's dialect", () => {
    expect(roundsCsv({ rounds }, roster, { roundHeader: "Runde" })).toBe(
      "\uFEFFRunde;Group;Navn;E-post;Virksomhet\r\n" +
        "1;A;Kari Ødegård;kari@x.no;UKE\r\n" +
        "1;A;'=Ola+1;ola@x.no;EBY\r\n" +
        "1;B;Per Ås;per@x.no;UKE\r\n" +
        "2;A;Per Ås;per@x.no;UKE\r\n" +
        "2;A;'=Ola+1;ola@x.no;EBY\r\n" +
        "2;B;Kari Ødegård;kari@x.no;UKE\r\n",
    );
  });

  it("is groupsCsv with a Round column: same rows after it, for people without a roster", () => {
    const people = [
      { id: "p1", name: "A", attributes: { Etat: "X" } },
      { id: "p2", name: "B", attributes: { Etat: "Y" } },
    ];
    const one = { id: "r1", groups: [{ id: "1", name: "Blå", members: ["p2", "p1"] }] };
    const csv = roundsCsv({ rounds: [one] }, undefined, { people, bom: false });
    const single = groupsCsv(one, undefined, { people, bom: false });
    const strip = (text: string) =>
      text
        .trimEnd()
        .split("\r\n")
        .map((l) => l.split(",").slice(1).join(","));
    expect(csv.split("\r\n")[0]).toBe("Round,Group,Group name,Id,Name,Etat");
    expect(strip(csv)).toEqual(single.trimEnd().split("\r\n"));
    expect(csv.split("\r\n")[1]).toBe("r1,1,Blå,p2,B,Y");
  });
});
