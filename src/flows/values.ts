/** Small checks shared by the readers: every value from a log is `unknown` until one of these says otherwise. */

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses one line of JSON, or says why it is not JSON (a cut-off last line is the usual case in a live log). */
export function parseJsonLine(text: string, terminated: boolean): { value: unknown } | { reason: string } {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return { reason: terminated ? 'not JSON' : 'truncated last line (not complete JSON)' };
  }
}

/** A TCP/UDP/SCTP port number (1-65535). */
export function isPort(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535;
}

/** Splits `key=value` (a label as logs print it); a label without `=` has an empty value. */
export function splitLabel(text: string): [string, string] {
  const equals = text.indexOf('=');
  return equals < 0 ? [text, ''] : [text.slice(0, equals), text.slice(equals + 1)];
}

/** A value for a reason text: short, and quoted as JSON so odd characters stay visible. */
export function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
