/**
 * JSON text (problems, configs, request bodies) parsed with an issue that says where it
 * breaks, by line and column, and what was expected there, without quoting the text (it may
 * be a participant's name).
 */
import { ProblemInputError } from "../errors.js";
import type { JsonSyntax } from "../locale/codes.js";
import { decodeRosterBytes } from "../roster/decode.js";

/** Bytes of a JSON file (UTF-8 with or without a byte-order mark, or Windows-1252). */
export function parseJson(bytes: Uint8Array, file?: string): unknown {
  return parseJsonText(decodeRosterBytes(bytes).text, file);
}

export function parseJsonText(text: string, file?: string): unknown {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    const at = syntaxErrorOffset(body);
    const { line, column } = lineColumn(body, at.offset);
    throw new ProblemInputError([
      {
        code: "json_syntax",
        facts: { reason: at.expected },
        path: [],
        ...(file !== undefined ? { file } : {}),
        line,
        column,
      },
    ]);
  }
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

class Stop {
  constructor(
    readonly offset: number,
    readonly expected: JsonSyntax,
  ) {}
}

/** Where JSON.parse gave up, found by a small scanner of the JSON grammar. */
export function syntaxErrorOffset(text: string): { offset: number; expected: JsonSyntax } {
  let i = 0;
  const ws = () => {
    while (i < text.length && " \t\r\n".includes(text[i])) i++;
  };
  const fail = (expected: JsonSyntax): never => {
    throw new Stop(i, i >= text.length ? "end" : expected);
  };
  const literal = (word: string) => {
    for (const c of word) {
      if (text[i] !== c) fail("value");
      i++;
    }
  };
  const string = () => {
    i++;
    for (;;) {
      if (i >= text.length) fail("unclosedString");
      const c = text[i];
      if (c === '"') {
        i++;
        return;
      }
      if (c < " ") fail("controlInString");
      if (c === "\\") {
        i++;
        const e = text[i];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail("badEscape");
          i += 5;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
        else fail("badEscape");
      } else i++;
    }
  };
  const number = () => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) fail("value");
    i += m ? m[0].length : 0;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail("propertyName");
        string();
        ws();
        if (text[i] !== ":") fail("colon");
        i++;
        value();
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") {
          i++;
          return;
        }
        fail("objectEnd");
      }
    }
    if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") {
          i++;
          return;
        }
        fail("arrayEnd");
      }
    }
    if (c === '"') string();
    else if (c === "t") literal("true");
    else if (c === "f") literal("false");
    else if (c === "n") literal("null");
    else if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) number();
    else fail("value");
  };
  try {
    value();
    ws();
    if (i < text.length) fail("trailing");
    return { offset: text.length, expected: "end" };
  } catch (error) {
    if (error instanceof Stop) return { offset: error.offset, expected: error.expected };
    throw error;
  }
}
