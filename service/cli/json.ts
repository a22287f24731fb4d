/**
 * JSON files (problems, configs) read with a message that says where they break, by line
 * and column, without quoting the text there (it may be a participant's name).
 */
import { decodeRosterBytes } from "../../engine/roster/index.js";
import { InputFailure } from "./errors.js";

export function parseJson(bytes: Uint8Array, file: string): unknown {
  const { text } = decodeRosterBytes(bytes);
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    const at = syntaxErrorOffset(body);
    const { line, column } = lineColumn(body, at.offset);
    throw new InputFailure([`${file}: line ${line}, column ${column}: not valid JSON (${at.expected})`]);
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
    readonly expected: string,
  ) {}
}

/** Where JSON.parse gave up, found by a small scanner of the JSON grammar. */
export function syntaxErrorOffset(text: string): { offset: number; expected: string } {
  let i = 0;
  const ws = () => {
    while (i < text.length && " \t\r\n".includes(text[i])) i++;
  };
  const fail = (expected: string): never => {
    throw new Stop(i, i >= text.length ? `${expected}, found the end of the file` : expected);
  };
  const literal = (word: string) => {
    for (const c of word) {
      if (text[i] !== c) fail("expected a value");
      i++;
    }
  };
  const string = () => {
    i++;
    for (;;) {
      if (i >= text.length) fail("a string is not closed");
      const c = text[i];
      if (c === '"') {
        i++;
        return;
      }
      if (c < " ") fail("a line break or control character inside a string");
      if (c === "\\") {
        i++;
        const e = text[i];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail("a bad \\u escape in a string");
          i += 5;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
        else fail("a bad escape in a string");
      } else i++;
    }
  };
  const number = () => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) fail("expected a value");
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
        if (text[i] !== '"') fail("expected a property name in double quotes");
        string();
        ws();
        if (text[i] !== ":") fail("expected : after a property name");
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
        fail("expected , or }");
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
        fail("expected , or ]");
      }
    }
    if (c === '"') string();
    else if (c === "t") literal("true");
    else if (c === "f") literal("false");
    else if (c === "n") literal("null");
    else if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) number();
    else fail("expected a value");
  };
  try {
    value();
    ws();
    if (i < text.length) fail("unexpected text after the end of the JSON");
    return { offset: text.length, expected: "unexpected end" };
  } catch (error) {
    if (error instanceof Stop) return { offset: error.offset, expected: error.expected };
    throw error;
  }
}
