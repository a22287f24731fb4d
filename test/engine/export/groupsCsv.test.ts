import { describe, expect, it } from "vitest";
import { groupsCsv } from "../../../engine/export/groupsCsv.js";
import { score } from "../../../engine/index.js";
import { readRoster } from "../../../engine/roster/index.js";

const roster = readRoster(
  "Navn;E-post;Virksomhet;Ansiennitet\r\n" +
    "Kari Ødegård;kari@x.no;UKE;12,5\r\n" +
    "=Ola+1;ola@x.no;EBY;3\r\n" +
    "Per Ås;per@x.no;UKE;\r\n" +
    '"Nordmann; Åse";ase@x.no;EBY;-2\r\n',
);
const result = {
  groups: [
    { id: "1", members: ["per@x.no", "ola@x.no"] },
    { id: "2", members: ["kari@x.no", "ase@x.no"] },
  ],
};

describe("groupsCsv", () => {
  it("writes one row per person, by group, with the roster's own cells in its dialect", () => {
    expect(groupsCsv(result, roster)).toBe(
      "\uFEFFGroup;Navn;E-post;Virksomhet;Ansiennitet\r\n" +
        "1;Per Ås;per@x.no;UKE;\r\n" +
        "1;'=Ola+1;ola@x.no;EBY;3\r\n" +
        "2;Kari Ødegård;kari@x.no;UKE;12,5\r\n" +
        '2;"Nordmann; Åse";ase@x.no;EBY;-2\r\n',
    );
  });

  it("writes `,` for a roster that was not `;`-separated, and reads back the same", () => {
    const comma = readRoster("Name,Email,Agency,Tenure\nKari,kari@x.no,UKE,12.5\nOla,ola@x.no,EBY,3\n");
    const csv = groupsCsv({ groups: [{ id: "1", members: ["ola@x.no", "kari@x.no"] }] }, comma);
    expect(csv).toBe(
      "\uFEFFGroup,Name,Email,Agency,Tenure\r\n1,Ola,ola@x.no,EBY,3\r\n1,Kari,kari@x.no,UKE,12.5\r\n",
    );
    const back = readRoster(csv);
    expect(back.people.map((p) => [p.id, p.attributes])).toEqual(
      comma.people.map((p) => [p.id, p.attributes]).reverse(),
    );
  });

  it("adds a group-name column when groups have names, and replaces a roster's own group column", () => {
    const again = readRoster("Group;Navn;E-post\r\n9;Kari;kari@x.no\r\n9;Ola;ola@x.no\r\n");
    const csv = groupsCsv(
      {
        groups: [
          { id: "a", name: "Alfa", members: ["kari@x.no"] },
          { id: "b", members: ["ola@x.no"] },
        ],
      },
      again,
    );
    expect(csv).toBe("\uFEFFGroup;Group name;Navn;E-post\r\na;Alfa;Kari;kari@x.no\r\nb;;Ola;ola@x.no\r\n");
  });

  it("without a roster writes id, name and the attributes; `,` by default, `;` with decimal commas on request", () => {
    const people: { id: string; name: string; attributes: Record<string, string | number | null> }[] = [
      { id: "p1", name: "Kari", attributes: { Etat: "UKE", År: 12.5 } },
      { id: "p2", name: "@Ola", attributes: { Etat: "EBY", År: null, Nivå: "2" } },
    ];
    const grouping = {
      groups: [
        { id: "1", members: ["p2"] },
        { id: "2", members: ["p1"] },
      ],
    };
    expect(groupsCsv(grouping, undefined, { people })).toBe(
      "\uFEFFGroup,Id,Name,Etat,År,Nivå\r\n1,p2,'@Ola,EBY,,2\r\n2,p1,Kari,UKE,12.5,\r\n",
    );
    expect(groupsCsv(grouping, undefined, { people, delimiter: ";", bom: false })).toBe(
      "Group;Id;Name;Etat;År;Nivå\r\n1;p2;'@Ola;EBY;;2\r\n2;p1;Kari;UKE;12,5;\r\n",
    );
    expect(groupsCsv(grouping)).toBe("\uFEFFGroup,Id\r\n1,p2\r\n2,p1\r\n");
  });

  it("takes an engine result as is", () => {
    const problem = { people: roster.people, attributes: roster.attributes, groups: { count: 2 } };
    const scored = score({
      ...problem,
      assignment: { "kari@x.no": "1", "ola@x.no": "2", "per@x.no": "2", "ase@x.no": "1" },
    });
    const rows = groupsCsv(scored, roster).split("\r\n");
    expect(rows.slice(1, 5).map((r) => r.split(";")[0])).toEqual(["1", "1", "2", "2"]);
    expect(rows[1]).toContain("Kari Ødegård");
  });
});
