/**
 * The name, label and address syntax rules of the Kubernetes API server (apimachinery's `validation`
 * package), as plain predicates. Each returns a sentence saying what is wrong, or undefined when the value
 * is valid, so callers can put the sentence after a field path.
 */

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const IANA_SERVICE_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/** A namespace name (RFC 1123 label). */
export function dnsLabelProblem(value: string): string | undefined {
  if (value.length > 63) return 'must be no more than 63 characters';
  if (!DNS_LABEL.test(value)) {
    return 'must consist of lower case alphanumeric characters or "-", and start and end with an alphanumeric character';
  }
  return undefined;
}

/** An object name such as a NetworkPolicy's (RFC 1123 subdomain). */
export function dnsSubdomainProblem(value: string): string | undefined {
  if (value.length > 253) return 'must be no more than 253 characters';
  if (!DNS_SUBDOMAIN.test(value)) {
    return 'must consist of lower case alphanumeric characters, "-" or ".", and start and end with an alphanumeric character';
  }
  return undefined;
}

/** A label or annotation key: an optional DNS-subdomain prefix and "/", then a name of up to 63 characters. */
export function labelKeyProblem(key: string): string | undefined {
  const slash = key.indexOf('/');
  const prefix = slash === -1 ? undefined : key.slice(0, slash);
  const name = slash === -1 ? key : key.slice(slash + 1);
  if (prefix !== undefined) {
    if (prefix.length === 0) return 'has an empty prefix before "/"';
    const prefixProblem = dnsSubdomainProblem(prefix);
    if (prefixProblem !== undefined) return `has a prefix that ${prefixProblem}`;
  }
  if (name.length === 0) return 'must have a name (the part after any "/")';
  if (name.length > 63) return 'must have a name of no more than 63 characters';
  if (!QUALIFIED_NAME_PART.test(name)) {
    return 'must be alphanumeric characters, "-", "_" or ".", starting and ending with an alphanumeric character';
  }
  return undefined;
}

/** A label value: empty, or up to 63 characters of the qualified-name alphabet. */
export function labelValueProblem(value: string): string | undefined {
  if (value.length === 0) return undefined;
  if (value.length > 63) return 'must be no more than 63 characters';
  if (!QUALIFIED_NAME_PART.test(value)) {
    return 'must be empty or alphanumeric characters, "-", "_" or ".", starting and ending with an alphanumeric character';
  }
  return undefined;
}

/** A named port: an IANA service name (RFC 6335). */
export function ianaServiceNameProblem(value: string): string | undefined {
  if (value.length === 0 || value.length > 15) return 'must be 1 to 15 characters long';
  if (!IANA_SERVICE_NAME.test(value)) {
    return 'must be lower case alphanumeric characters or "-", starting and ending with an alphanumeric character';
  }
  if (value.includes('--')) return 'must not contain consecutive "-"';
  if (!/[a-z]/.test(value))
    return 'must contain at least one letter (a port number is written without quotes)';
  return undefined;
}

/** A parsed CIDR: the address bytes (4 or 16) and the prefix length. */
export interface Cidr {
  family: 4 | 6;
  bytes: readonly number[];
  prefix: number;
}

/** Parses `address/prefix` as Go's `net.ParseCIDR` does (no leading zeros in IPv4 octets, no zones). */
export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash === -1) return undefined;
  const prefixText = text.slice(slash + 1);
  if (!/^[0-9]{1,3}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  const address = text.slice(0, slash);
  const ipv4 = parseIpv4(address);
  if (ipv4 !== undefined) return prefix <= 32 ? { family: 4, bytes: ipv4, prefix } : undefined;
  const ipv6 = parseIpv6(address);
  if (ipv6 !== undefined) return prefix <= 128 ? { family: 6, bytes: ipv6, prefix } : undefined;
  return undefined;
}

/** True when every address of `inner` is in `outer` (same family, longer or equal prefix, same leading bits). */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  if (outer.family !== inner.family || inner.prefix < outer.prefix) return false;
  for (let bit = 0; bit < outer.prefix; bit++) {
    const byte = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if (((outer.bytes[byte] ?? 0) & mask) !== ((inner.bytes[byte] ?? 0) & mask)) return false;
  }
  return true;
}

function parseIpv4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes: number[] = [];
  for (const part of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part)) return undefined;
    const value = Number(part);
    if (value > 255) return undefined;
    bytes.push(value);
  }
  return bytes;
}

function parseIpv6(text: string): number[] | undefined {
  let head = text;
  let tailIpv4: number[] = [];
  const lastColon = text.lastIndexOf(':');
  if (lastColon !== -1 && text.indexOf('.', lastColon) !== -1) {
    const embedded = parseIpv4(text.slice(lastColon + 1));
    if (embedded === undefined) return undefined;
    tailIpv4 = embedded;
    const beforeEmbedded = text.slice(0, lastColon + 1);
    // "::1.2.3.4" keeps its "::"; "64:ff9b::1:1.2.3.4" drops the colon that only separated the IPv4 part.
    head = beforeEmbedded.endsWith('::') ? beforeEmbedded : beforeEmbedded.slice(0, -1);
  }
  const groupsNeeded = (16 - tailIpv4.length) / 2;
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const parseGroups = (part: string): number[] | undefined => {
    if (part === '') return [];
    const groups: number[] = [];
    for (const group of part.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
      groups.push(parseInt(group, 16));
    }
    return groups;
  };
  const left = parseGroups(halves[0] ?? '');
  const right = halves.length === 2 ? parseGroups(halves[1] ?? '') : [];
  if (left === undefined || right === undefined) return undefined;
  const missing = groupsNeeded - left.length - right.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const groups = [...left, ...new Array<number>(missing).fill(0), ...right];
  return [...groups.flatMap((group) => [group >> 8, group & 0xff]), ...tailIpv4];
}
