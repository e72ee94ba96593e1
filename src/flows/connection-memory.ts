import type { Protocol } from '../model/types.js';
import { RecentMap, type KeyedStore } from './recent-map.js';

/**
 * A connection's 5-tuple as a key that is the same both ways (its two ends in sorted order), so that one look-up
 * finds a packet of a connection already counted, request or reply; `sourceFirst` tells which way this packet goes.
 * Between two IPv4 addresses with ports in range (nearly every line of a cluster's log) the tuple is four numbers,
 * which a look-up neither builds nor hashes as a string; any other tuple is `text`. One shape for both kinds keeps
 * the look-ups monomorphic.
 */
export interface ConnectionKey {
  /** The first end's address, the second end's address, their ports (16 bits each) and the protocol's number. */
  first: number;
  second: number;
  ports: number;
  protocol: number;
  /** The tuple as text when it is not four numbers (IPv6, a port out of range). */
  text: string | undefined;
  sourceFirst: boolean;
}

const PROTOCOL_NUMBERS: Readonly<Record<Protocol, number>> = { TCP: 1, UDP: 2, SCTP: 3 };

export function connectionKey(
  protocol: Protocol,
  sourceIp: string,
  sourcePort: unknown,
  destinationIp: string,
  destinationPort: number,
): ConnectionKey {
  const source = ipv4Number(sourceIp);
  const destination = source === undefined ? undefined : ipv4Number(destinationIp);
  if (source !== undefined && destination !== undefined && isPortNumber(sourcePort)) {
    const sourceFirst = source < destination || (source === destination && sourcePort <= destinationPort);
    return {
      first: (sourceFirst ? source : destination) | 0,
      second: (sourceFirst ? destination : source) | 0,
      ports: sourceFirst ? (sourcePort << 16) | destinationPort : (destinationPort << 16) | sourcePort,
      protocol: PROTOCOL_NUMBERS[protocol],
      text: undefined,
      sourceFirst,
    };
  }
  const port = String(sourcePort);
  const sourceFirst =
    sourceIp < destinationIp || (sourceIp === destinationIp && port <= String(destinationPort));
  // `join` makes one flat string where a template literal makes a rope that the map must flatten again.
  const text = sourceFirst
    ? [protocol, sourceIp, port, destinationIp, destinationPort].join(' ')
    : [protocol, destinationIp, destinationPort, sourceIp, port].join(' ');
  return { first: 0, second: 0, ports: 0, protocol: 0, text, sourceFirst };
}

function isPortNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 65535;
}

/** A dotted-quad IPv4 address as an unsigned 32-bit number; undefined for anything else (IPv6, leading zeros). */
export function ipv4Number(text: string): number | undefined {
  let value = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x2e /* . */) {
      if (digits === 0 || dots === 3) return undefined;
      value = value * 256 + part;
      part = 0;
      digits = 0;
      dots++;
      continue;
    }
    const digit = code - 0x30;
    if (digit < 0 || digit > 9 || (digits === 1 && part === 0)) return undefined;
    part = part * 10 + digit;
    digits++;
    if (part > 255) return undefined;
  }
  return digits === 0 || dots !== 3 ? undefined : value * 256 + part;
}

/**
 * Connections remembered by 5-tuple, each kind of key in a {@link RecentMap} (the last `capacity` used always
 * remembered, never more than twice that): numeric tuples in generations of flat tables, text ones in Maps. A
 * million-line log looks a connection up on every line; a string key cost a fresh string and its hash each time.
 */
export class ConnectionMemory<V> {
  private readonly byNumbers: RecentMap<V, ConnectionKey>;
  private readonly byText: RecentMap<V>;

  constructor(capacity: number) {
    this.byNumbers = new RecentMap<V, ConnectionKey>(capacity, undefined, () => new TupleTable(capacity));
    this.byText = new RecentMap(capacity);
  }

  get(key: ConnectionKey): V | undefined {
    return key.text === undefined ? this.byNumbers.get(key) : this.byText.get(key.text);
  }

  set(key: ConnectionKey, value: V): void {
    if (key.text === undefined) this.byNumbers.set(key, value);
    else this.byText.set(key.text, value);
  }
}

/** Words per tuple in a table: first address, second address, ports, protocol (never 0: 0 marks a free slot). */
const WORDS = 4;

/**
 * An open-addressing hash table of numeric tuples (linear probing), for a generation of at most `capacity` of them:
 * at most half full.
 */
class TupleTable<V> implements KeyedStore<ConnectionKey, V> {
  private readonly mask: number;
  private readonly keys: Int32Array;
  private readonly values: (V | undefined)[];

  constructor(capacity: number) {
    let slots = 2;
    while (slots < capacity * 2) slots *= 2;
    this.mask = slots - 1;
    this.keys = new Int32Array(slots * WORDS);
    this.values = new Array<V | undefined>(slots).fill(undefined);
  }

  get(key: ConnectionKey): V | undefined {
    const slot = this.slotOf(key);
    return this.keys[slot * WORDS + 3] === 0 ? undefined : this.values[slot];
  }

  set(key: ConnectionKey, value: V): void {
    const slot = this.slotOf(key);
    const at = slot * WORDS;
    if (this.keys[at + 3] === 0) {
      this.keys[at] = key.first;
      this.keys[at + 1] = key.second;
      this.keys[at + 2] = key.ports;
      this.keys[at + 3] = key.protocol;
    }
    this.values[slot] = value;
  }

  /** The slot holding `key`, or the free slot where it would go. */
  private slotOf(key: ConnectionKey): number {
    let hash = Math.imul(key.first, 0x9e3779b1);
    hash = Math.imul(hash ^ key.second, 0x85ebca6b);
    hash = Math.imul(hash ^ key.ports, 0xc2b2ae35);
    hash = Math.imul(hash ^ (hash >>> 15) ^ key.protocol, 0x27d4eb2f);
    let slot = (hash ^ (hash >>> 13)) & this.mask;
    const keys = this.keys;
    for (;;) {
      const at = slot * WORDS;
      const protocol = keys[at + 3];
      if (
        protocol === 0 ||
        (protocol === key.protocol &&
          keys[at] === key.first &&
          keys[at + 1] === key.second &&
          keys[at + 2] === key.ports)
      )
        return slot;
      slot = (slot + 1) & this.mask;
    }
  }
}
