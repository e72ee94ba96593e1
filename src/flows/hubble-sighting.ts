import type { Protocol } from '../model/types.js';

/**
 * What a Hubble line says about its connection: the flow's time, verdict, 5-tuple and TCP flags. Every packet of a
 * connection is reported at every observation point: reading these off the bytes of a line costs a fraction of
 * decoding and parsing it.
 */
export interface Sighting {
  time: string;
  /** One of the verdicts the reader was made for. */
  verdict: string;
  protocol: Protocol;
  sourceIp: string;
  /** 0 when absent, as protojson leaves out zero values. */
  sourcePort: number;
  destinationPort: number;
  destinationIp: string;
  /** SYN and ACK both set: the answer half of a handshake. */
  synAck: boolean;
}

/**
 * Where a line's two endpoint descriptions lie, or what they were read as (a log names the same pods over and
 * over).
 */
export interface SightingEndpoints<E> {
  source: EndpointBytes<E>;
  destination: EndpointBytes<E>;
}

/**
 * An endpoint description in a line, past its leading `ID` and `identity`: what it was read as, when these bytes
 * were read before, or where they lie (up to and with the description's closing brace).
 */
export type EndpointBytes<E> = { known: E } | { start: number; end: number };

/**
 * What the bytes at `start`, a description of the endpoint at `address`, were read as before, and how many they are;
 * undefined when they were not.
 */
export type KnownDescriptionAt<E> = (
  address: string,
  bytes: Buffer,
  start: number,
  end: number,
) => { known: E; length: number } | undefined;

const OPENING = Buffer.from('{"flow":{', 'latin1');
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const ZERO = 0x30;

/** Keys the reader looks for, as bytes; any other key's value is stepped over. */
const KEY = {
  time: Buffer.from('time'),
  verdict: Buffer.from('verdict'),
  ip: Buffer.from('IP'),
  l4: Buffer.from('l4'),
  source: Buffer.from('source'),
  destination: Buffer.from('destination'),
  sourcePort: Buffer.from('source_port'),
  destinationPort: Buffer.from('destination_port'),
  flags: Buffer.from('flags'),
  syn: Buffer.from('SYN'),
  ack: Buffer.from('ACK'),
  TCP: Buffer.from('TCP'),
  UDP: Buffer.from('UDP'),
  SCTP: Buffer.from('SCTP'),
} as const;
const ID_MEMBER = Buffer.from('"ID":');
const IDENTITY_MEMBER = Buffer.from('"identity":');
const TRUE = Buffer.from('true');
const FALSE = Buffer.from('false');

/** The members of a flow read so far. */
interface LineSoFar<E> {
  time?: string;
  verdict?: string;
  addresses?: { source: string; destination: string };
  l4?: Omit<Sighting, 'time' | 'verdict' | 'sourceIp' | 'destinationIp'>;
  source?: EndpointBytes<E>;
  destination?: EndpointBytes<E>;
}

/**
 * Reads a {@link Sighting} off the bytes of a line in the layout `hubble observe -o jsonpb` and the exporter write:
 * compact JSON starting with `{"flow":{`. The flow's members are read in order until time, verdict, `IP` and `l4`
 * have been seen, and, when asked ({@link endpoints}), on until `source` and `destination` have (other members are
 * stepped over, strings and nesting respected; an endpoint description read before is recognised by its bytes); the
 * rest of the line is not looked at. Anything unexpected (whitespace, an escape in a value read, a number that is
 * not a plain integer, a second protocol in `l4`, a member missing) gives undefined, and the line is then parsed as
 * usual: this reader never decides anything `JSON.parse` would read differently, for a line that is valid JSON
 * without repeated keys. A line that is not valid JSON past what was read is not noticed, as with the reply markers.
 *
 * One instance serves every line, one line at a time.
 */
export class SightingReader<E> {
  private bytes: Buffer = OPENING;
  private at = 0;
  private end = 0;
  /** What was read of the current line, and whether a member was (a comma comes before the next). */
  private line: LineSoFar<E> = {};
  private memberRead = false;
  /** Each verdict wanted, quoted, as bytes, with its name. */
  private readonly verdicts: readonly { quoted: Buffer; name: string }[];

  /** `verdicts`: the verdict names a sighting may have; a line with any other is left to the full parse. */
  constructor(
    verdicts: Iterable<string>,
    private readonly knownDescriptionAt: KnownDescriptionAt<E>,
  ) {
    this.verdicts = [...verdicts].map((name) => ({ quoted: Buffer.from(`"${name}"`, 'latin1'), name }));
  }

  read(bytes: Buffer, start: number, end: number): Sighting | undefined {
    this.bytes = bytes;
    this.at = start;
    this.end = end;
    this.line = {};
    this.memberRead = false;
    if (!this.skipExpected(OPENING)) return undefined;
    const line = this.line;
    if (!this.readMembers(() => line.time !== undefined && !!line.verdict && !!line.addresses && !!line.l4))
      return undefined;
    const { time, verdict, addresses, l4 } = line;
    if (time === undefined || !verdict || !addresses || !l4) return undefined;
    return { time, verdict, sourceIp: addresses.source, destinationIp: addresses.destination, ...l4 };
  }

  /** The endpoint descriptions of the line {@link read} last read a sighting of, read on from where it stopped. */
  endpoints(): SightingEndpoints<E> | undefined {
    const line = this.line;
    if (!this.readMembers(() => !!line.source && !!line.destination)) return undefined;
    const { source, destination } = line;
    return source && destination ? { source, destination } : undefined;
  }

  /**
   * Reads the flow's members, from where the last call stopped, until `done` holds; false when the flow ends first
   * or a member is not as expected.
   */
  private readMembers(done: () => boolean): boolean {
    const line = this.line;
    for (;;) {
      if (done()) return true;
      // A closing brace ends the flow before all were seen: the full parse decides.
      if (this.memberRead && this.next() !== COMMA) return false;
      this.memberRead = true;
      const key = this.key();
      if (key === undefined) return false;
      if (this.is(key, KEY.time)) {
        line.time = this.plainString();
        if (line.time === undefined) return false;
      } else if (this.is(key, KEY.verdict)) {
        line.verdict = this.verdicts.find((known) => this.skipExpected(known.quoted))?.name;
        if (line.verdict === undefined) return false;
      } else if (this.is(key, KEY.ip)) {
        line.addresses = this.addresses();
        if (line.addresses === undefined) return false;
      } else if (this.is(key, KEY.l4)) {
        line.l4 = this.layer4();
        if (line.l4 === undefined) return false;
      } else if (this.is(key, KEY.source)) {
        line.source = this.endpoint(line.addresses?.source);
        if (line.source === undefined) return false;
      } else if (this.is(key, KEY.destination)) {
        line.destination = this.endpoint(line.addresses?.destination);
        if (line.destination === undefined) return false;
      } else if (!this.skipValue()) {
        return false;
      }
    }
  }

  /**
   * An endpoint description: known by its bytes (when `IP` came first and gave its address), or where they lie.
   * Cilium's endpoint and identity numbers (`ID`, `identity`) come first and tell nothing the reading uses, so a
   * description is known by what follows them.
   */
  private endpoint(address: string | undefined): EndpointBytes<E> | undefined {
    const start = this.at;
    if (this.next() !== OPEN_BRACE) return undefined;
    this.skipIntegerMember(ID_MEMBER);
    this.skipIntegerMember(IDENTITY_MEMBER);
    const rest = this.at;
    const found =
      address === undefined ? undefined : this.knownDescriptionAt(address, this.bytes, rest, this.end);
    if (found) {
      this.at = rest + found.length;
      return { known: found.known };
    }
    this.at = start;
    return this.skipNested() ? { start: rest, end: this.at } : undefined;
  }

  /** Steps over `"name":<integer>,` when it comes next. */
  private skipIntegerMember(member: Buffer): void {
    const start = this.at;
    if (this.skipExpected(member) && this.integer() !== undefined && this.next() === COMMA) return;
    this.at = start;
  }

  /** `IP`'s source and destination, both non-empty strings. */
  private addresses(): { source: string; destination: string } | undefined {
    let source: string | undefined;
    let destination: string | undefined;
    const ok = this.members(() => {
      const key = this.key();
      if (key === undefined) return false;
      if (this.is(key, KEY.source)) return (source = this.plainString()) !== undefined;
      if (this.is(key, KEY.destination)) return (destination = this.plainString()) !== undefined;
      return this.skipValue();
    });
    return ok && source && destination ? { source, destination } : undefined;
  }

  /** `l4` holding exactly one of TCP, UDP and SCTP, with its ports and flags. */
  private layer4(): Omit<Sighting, 'time' | 'verdict' | 'sourceIp' | 'destinationIp'> | undefined {
    if (this.next() !== OPEN_BRACE) return undefined;
    const key = this.key();
    if (key === undefined) return undefined;
    const protocol = this.is(key, KEY.TCP)
      ? 'TCP'
      : this.is(key, KEY.UDP)
        ? 'UDP'
        : this.is(key, KEY.SCTP)
          ? 'SCTP'
          : undefined;
    if (protocol === undefined) return undefined;
    let sourcePort = 0;
    let destinationPort: number | undefined;
    let synAck = false;
    const ok = this.members(() => {
      const member = this.key();
      if (member === undefined) return false;
      if (this.is(member, KEY.sourcePort)) {
        const port = this.integer();
        if (port === undefined) return false;
        sourcePort = port;
        return true;
      }
      if (this.is(member, KEY.destinationPort)) {
        destinationPort = this.integer();
        return destinationPort !== undefined && destinationPort >= 1 && destinationPort <= 65535;
      }
      if (this.is(member, KEY.flags)) {
        const flags = this.flags();
        if (flags === undefined) return false;
        synAck = flags;
        return true;
      }
      return this.skipValue();
    });
    if (!ok || destinationPort === undefined || this.next() !== CLOSE_BRACE) return undefined;
    return { protocol, sourcePort, destinationPort, synAck };
  }

  /** A flags object of `"NAME":true|false` members: whether SYN and ACK are both true. */
  private flags(): boolean | undefined {
    let syn = false;
    let ack = false;
    const ok = this.members(() => {
      const key = this.key();
      if (key === undefined) return false;
      const value = this.boolean();
      if (value === undefined) return false;
      if (this.is(key, KEY.syn)) syn = value;
      else if (this.is(key, KEY.ack)) ack = value;
      return true;
    });
    return ok ? syn && ack : undefined;
  }

  /** An object `{member, ...}` (possibly empty), each member read by `member`, which returns false to give up. */
  private members(member: () => boolean): boolean {
    if (this.next() !== OPEN_BRACE) return false;
    if (this.bytes[this.at] === CLOSE_BRACE) {
      this.at++;
      return true;
    }
    for (;;) {
      if (!member()) return false;
      const next = this.next();
      if (next === CLOSE_BRACE) return true;
      if (next !== COMMA) return false;
    }
  }

  /** A member's key and its colon: the key's [start, end) in the bytes, or undefined when it has an escape. */
  private key(): number | undefined {
    if (this.next() !== QUOTE) return undefined;
    const start = this.at;
    for (; this.at < this.end; this.at++) {
      const byte = this.bytes[this.at]!;
      if (byte === BACKSLASH) return undefined;
      if (byte === QUOTE) {
        const length = this.at - start;
        this.at++;
        if (this.next() !== COLON) return undefined;
        // The key's start and length in one number, so that no object is made per key.
        return start * 64 + Math.min(length, 63);
      }
    }
    return undefined;
  }

  /** Whether a key from {@link key} is `expected`. */
  private is(key: number, expected: Buffer): boolean {
    return key % 64 === expected.length && this.matchesAt(Math.floor(key / 64), expected);
  }

  /** A string of printable ASCII without escapes, as IPs, times and enum names are; undefined for anything else. */
  private plainString(): string | undefined {
    if (this.next() !== QUOTE) return undefined;
    const start = this.at;
    for (; this.at < this.end; this.at++) {
      const byte = this.bytes[this.at]!;
      if (byte === QUOTE) return this.bytes.toString('latin1', start, this.at++);
      if (byte < 0x20 || byte > 0x7e || byte === BACKSLASH) return undefined;
    }
    return undefined;
  }

  /** A non-negative integer written plainly (no sign, fraction, exponent or leading zero) below 2^53. */
  private integer(): number | undefined {
    const start = this.at;
    let value = 0;
    for (; this.at < this.end; this.at++) {
      const digit = this.bytes[this.at]! - ZERO;
      if (digit < 0 || digit > 9) break;
      value = value * 10 + digit;
    }
    const length = this.at - start;
    // A fraction or exponent after the digits is caught by the caller, which expects `,` or `}` next.
    return length === 0 || length > 15 || (length > 1 && this.bytes[start] === ZERO) ? undefined : value;
  }

  private boolean(): boolean | undefined {
    if (this.skipExpected(TRUE)) return true;
    return this.skipExpected(FALSE) ? false : undefined;
  }

  /** Steps over one value of any kind; false when the line ends first. */
  private skipValue(): boolean {
    const first = this.bytes[this.at];
    if (first === QUOTE) return this.skipString();
    if (first === OPEN_BRACE || first === OPEN_BRACKET) return this.skipNested();
    // A number, true, false or null: up to the next separator.
    for (; this.at < this.end; this.at++) {
      const byte = this.bytes[this.at];
      if (byte === COMMA || byte === CLOSE_BRACE || byte === CLOSE_BRACKET) return true;
    }
    return false;
  }

  private skipString(): boolean {
    for (this.at++; this.at < this.end; this.at++) {
      const byte = this.bytes[this.at];
      if (byte === BACKSLASH) this.at++;
      else if (byte === QUOTE) {
        this.at++;
        return true;
      }
    }
    return false;
  }

  private skipNested(): boolean {
    let depth = 0;
    while (this.at < this.end) {
      const byte = this.bytes[this.at];
      if (byte === QUOTE) {
        if (!this.skipString()) return false;
        continue;
      }
      if (byte === OPEN_BRACE || byte === OPEN_BRACKET) depth++;
      else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) depth--;
      this.at++;
      if (depth === 0) return true;
    }
    return false;
  }

  private next(): number | undefined {
    return this.at < this.end ? this.bytes[this.at++] : undefined;
  }

  /** Steps over `expected` when the bytes hold it next. */
  private skipExpected(expected: Buffer): boolean {
    if (!this.matchesAt(this.at, expected)) return false;
    this.at += expected.length;
    return true;
  }

  private matchesAt(offset: number, expected: Buffer): boolean {
    if (offset + expected.length > this.end) return false;
    for (let index = 0; index < expected.length; index++) {
      if (this.bytes[offset + index] !== expected[index]) return false;
    }
    return true;
  }
}
