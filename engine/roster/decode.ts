/**
 * Bytes to text for rosters exported from Excel: UTF-8 with or without a byte-order mark,
 * UTF-16 with a byte-order mark ("Unicode text"), or else Windows-1252 ("CSV (semikolondelt)"
 * on a Norwegian Windows).
 */

export type RosterEncoding = "utf-8" | "windows-1252" | "utf-16le" | "utf-16be";

export interface DecodedRoster {
  text: string;
  encoding: RosterEncoding;
}

/**
 * Windows-1252 bytes 0x80..0x9F (the WHATWG index). Node 20's TextDecoder("windows-1252")
 * decodes this range as Latin-1 C1 controls, so it is mapped here; unassigned bytes keep
 * their C1 code point, as the WHATWG decoder does.
 */
const CP1252_HIGH: readonly number[] = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
  0x008d, 0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122,
  0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

/** Strip a byte-order mark, then strict UTF-8; if that fails, Windows-1252. */
export function decodeRosterBytes(bytes: Uint8Array): DecodedRoster {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {
      text: new TextDecoder("utf-16le", { ignoreBOM: true }).decode(bytes.subarray(2)),
      encoding: "utf-16le",
    };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return {
      text: new TextDecoder("utf-16be", { ignoreBOM: true }).decode(bytes.subarray(2)),
      encoding: "utf-16be",
    };
  }
  const body =
    bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
      ? bytes.subarray(3)
      : bytes;
  try {
    return {
      text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body),
      encoding: "utf-8",
    };
  } catch {
    return { text: decodeWindows1252(body), encoding: "windows-1252" };
  }
}

export function decodeWindows1252(bytes: Uint8Array): string {
  const text = new TextDecoder("windows-1252").decode(bytes);
  return text.replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80]));
}

/**
 * Text to Windows-1252 bytes, or undefined when a character has no byte there. For tests and
 * for front ends that must hand a file back in the encoding it came in.
 */
export function encodeWindows1252(text: string): Uint8Array | undefined {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) {
      out[i] = code;
      continue;
    }
    const high = CP1252_HIGH.indexOf(code);
    // The five unassigned bytes decode to C1 controls; only map back what was mapped forward.
    if (high < 0 || (code >= 0x80 && code <= 0x9f)) return undefined;
    out[i] = 0x80 + high;
  }
  return out;
}
