/**
 * A 32-bit seed from a list of parts (FNV-1a over their text), so every generated instance or
 * roster gets its own stream from a readable name ("RanReal", 480, "ds", 3) and two names
 * never share one by accident of numbering.
 */
export function hashSeed(...parts: readonly (string | number)[]): number {
  let h = 0x811c9dc5;
  const text = parts.join("\u0000");
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
