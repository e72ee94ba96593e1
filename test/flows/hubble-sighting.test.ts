import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SightingReader, type EndpointBytes, type Sighting } from '../../src/flows/hubble-sighting.js';
import { isObject, type JsonObject as Json } from '../../src/flows/values.js';
import { fixture } from './helpers.js';

const VERDICTS = ['FORWARDED', 'DROPPED'];

/** A sighting, and its endpoint descriptions as the values their bytes parse to (`known` ones as they were known). */
interface ReadLine {
  sighting: Sighting;
  endpoints?: { source: unknown; destination: unknown };
}

/** What `JSON.parse` says a line's sighting and endpoints are, when it has them (the reference the reader is held to). */
function parsedLine(line: string): ReadLine | undefined {
  const value: unknown = JSON.parse(line);
  if (!isObject(value) || !isObject(value.flow)) return undefined;
  const { time, verdict, IP: ip, l4, source, destination } = value.flow;
  if (typeof time !== 'string' || typeof verdict !== 'string' || !VERDICTS.includes(verdict))
    return undefined;
  if (!isObject(ip) || typeof ip.source !== 'string' || typeof ip.destination !== 'string') return undefined;
  if (!ip.source || !ip.destination || !isObject(l4)) return undefined;
  const [protocol, ...others] = Object.keys(l4);
  if (others.length > 0 || (protocol !== 'TCP' && protocol !== 'UDP' && protocol !== 'SCTP'))
    return undefined;
  const ports = l4[protocol];
  if (!isObject(ports)) return undefined;
  const { source_port: sourcePort = 0, destination_port: destinationPort, flags } = ports;
  if (typeof sourcePort !== 'number' || typeof destinationPort !== 'number') return undefined;
  const sighting: Sighting = {
    time,
    verdict,
    protocol,
    sourceIp: ip.source,
    sourcePort,
    destinationPort,
    destinationIp: ip.destination,
    synAck: isObject(flags) && flags.SYN === true && flags.ACK === true,
  };
  if (!isObject(source) || !isObject(destination)) return { sighting };
  return { sighting, endpoints: { source: described(source), destination: described(destination) } };
}

/** What a description is known by: all but a leading `ID`, then a leading `identity` (plain integers, not last). */
function described(description: Json): Json {
  const members = Object.entries(description);
  const plainInteger = (value: unknown) =>
    typeof value === 'number' && /^\d{1,15}$/.test(JSON.stringify(value));
  for (const name of ['ID', 'identity']) {
    if (members.length > 1 && members[0]?.[0] === name && plainInteger(members[0][1])) members.shift();
  }
  return Object.fromEntries(members);
}

/** Reads a line placed inside a larger buffer, as lines of a chunk are; `known` names descriptions read before. */
function readLine(line: string, known: Record<string, string> = {}): ReadLine | undefined {
  const bytes = Buffer.from(`junk\n${line}\nmore`);
  const reader = new SightingReader<string>(VERDICTS, (_address, buffer, start, end) => {
    for (const [text, name] of Object.entries(known)) {
      const expected = Buffer.from(text);
      if (start + expected.length <= end && buffer.subarray(start, start + expected.length).equals(expected))
        return { known: name, length: expected.length };
    }
    return undefined;
  });
  const sighting = reader.read(bytes, 5, 5 + Buffer.byteLength(line));
  if (!sighting) return undefined;
  const endpoints = reader.endpoints();
  if (!endpoints) return { sighting };
  // An unknown description's bytes, from past `ID`/`identity` to its closing brace, must parse to the rest of it.
  const read = (range: EndpointBytes<string>): unknown =>
    'known' in range ? range.known : JSON.parse(`{${bytes.toString('utf8', range.start, range.end)}`);
  return {
    sighting,
    endpoints: { source: read(endpoints.source), destination: read(endpoints.destination) },
  };
}

const jsonpbLine = (flow: Json) => JSON.stringify({ flow, node_name: 'node-1', time: flow.time });

const handshake: Json = {
  time: '2026-11-20T08:00:06.000000000Z',
  uuid: 'b0c1',
  verdict: 'FORWARDED',
  ethernet: { source: 'd2:d9:76:de:f4:90', destination: '6e:3c:ce:d3:9e:a6' },
  IP: { source: '10.8.1.11', destination: '10.8.2.21', ipVersion: 'IPv4' },
  l4: { TCP: { source_port: 40500, destination_port: 5433, flags: { SYN: true } } },
  source: {
    ID: 101,
    identity: 1001,
    namespace: 'shop',
    labels: ['k8s:app=frontend'],
    pod_name: 'frontend-1',
  },
  destination: { identity: 2, labels: ['reserved:world'] },
  Type: 'L3_L4',
};

describe('SightingReader', () => {
  it('reads time, 5-tuple, flags and endpoints off a line as hubble observe -o jsonpb writes it', () => {
    expect(readLine(jsonpbLine(handshake))).toEqual({
      sighting: {
        time: '2026-11-20T08:00:06.000000000Z',
        verdict: 'FORWARDED',
        protocol: 'TCP',
        sourceIp: '10.8.1.11',
        sourcePort: 40500,
        destinationPort: 5433,
        destinationIp: '10.8.2.21',
        synAck: false,
      },
      endpoints: {
        source: { namespace: 'shop', labels: ['k8s:app=frontend'], pod_name: 'frontend-1' },
        destination: { labels: ['reserved:world'] },
      },
    });
    const synAck = { ...handshake, l4: { UDP: { destination_port: 53, flags: { ACK: true, SYN: true } } } };
    expect(readLine(jsonpbLine(synAck))?.sighting).toMatchObject({
      protocol: 'UDP',
      sourcePort: 0,
      synAck: true,
    });
  });

  it('knows a description read before by its bytes, whatever its ID and identity', () => {
    const frontend = '"namespace":"shop","labels":["k8s:app=frontend"],"pod_name":"frontend-1"}';
    const moved = { ...handshake, source: { ...(handshake.source as Json), ID: 7, identity: 70 } };
    expect(readLine(jsonpbLine(moved), { [frontend]: 'frontend' })?.endpoints).toEqual({
      source: 'frontend',
      destination: { labels: ['reserved:world'] },
    });
    // Other bytes (another pod name) are another description.
    const other = { ...handshake, source: { ...(handshake.source as Json), pod_name: 'frontend-2' } };
    expect(readLine(jsonpbLine(other), { [frontend]: 'frontend' })?.endpoints).toMatchObject({
      source: { pod_name: 'frontend-2' },
    });
  });

  it('steps over strings and nested values whole, whatever they hold', () => {
    const fake =
      '","IP":{"source":"6.6.6.6","destination":"7.7.7.7"},"l4":{"UDP":{"destination_port":1}},"x":"';
    const flow = {
      time: handshake.time,
      uuid: fake,
      ethernet: { note: `}]${fake}`, list: [{ '"l4"': fake }, '\\'] },
      verdict: 'DROPPED',
      IP: { ipVersion: fake, source: '10.8.1.11', destination: '10.8.2.21' },
      l4: { SCTP: { flags: { note: true }, source_port: 7, destination_port: 9 } },
      source: { ID: 'x', labels: [fake] },
      destination: { identity: 1e21, ID: 3, namespace: fake },
    };
    const line = jsonpbLine(flow);
    expect(readLine(line)).toEqual(parsedLine(line));
    expect(readLine(line)?.sighting).toMatchObject({
      sourceIp: '10.8.1.11',
      protocol: 'SCTP',
      destinationPort: 9,
    });
  });

  it('leaves to the full parse what it cannot read for certain', () => {
    const variants: Json[] = [
      { ...handshake, verdict: 'TRACED' },
      { ...handshake, verdict: 2 },
      { ...handshake, time: undefined },
      { ...handshake, IP: { source: '10.8.1.11' } },
      { ...handshake, IP: { source: '10.8.1\\u002e11', destination: '10.8.2.21' } },
      { ...handshake, l4: { ICMPv4: { type: 8 } } },
      { ...handshake, l4: { TCP: { destination_port: 5433 }, UDP: { destination_port: 53 } } },
      { ...handshake, l4: { TCP: { destination_port: 5433.5 } } },
      { ...handshake, l4: { TCP: { destination_port: 0 } } },
      { ...handshake, l4: { TCP: { destination_port: 70000 } } },
      { ...handshake, l4: { TCP: { source_port: 1, destination_port: 5433, flags: { SYN: 1 } } } },
    ];
    for (const flow of variants) expect(readLine(jsonpbLine(flow)), JSON.stringify(flow)).toBeUndefined();
    // The sighting without its endpoints: enough to tell a connection counted already, not to count a new one.
    for (const flow of [
      { ...handshake, source: undefined },
      { ...handshake, destination: ['k8s:app=frontend'] },
    ]) {
      expect(readLine(jsonpbLine(flow))).toEqual({ sighting: readLine(jsonpbLine(handshake))?.sighting });
    }
    // Not the jsonpb layout: a bare flow, whitespace, a cut-off line.
    expect(readLine(JSON.stringify(handshake))).toBeUndefined();
    expect(readLine(JSON.stringify({ flow: handshake }, null, 1))).toBeUndefined();
    expect(readLine(jsonpbLine(handshake).slice(0, 300))).toBeUndefined();
  });

  it('agrees with JSON.parse on every line of real Hubble exports', () => {
    let read = 0;
    for (const name of ['basic-sample-400-tcp-flows.json', 'basic-sample-400-udp-flows.json']) {
      for (const line of readFileSync(fixture(`hubble/${name}`), 'utf8').split('\n')) {
        if (line === '') continue;
        const sighting = readLine(line);
        expect(sighting).toEqual(parsedLine(line));
        if (sighting) read++;
      }
    }
    // Most of these lines are sightings the reader must recognise, not leave to the full parse.
    expect(read).toBeGreaterThan(500);
  });

  it('never reads a sighting JSON.parse would read differently (generated flows)', () => {
    const text = fc.oneof(fc.string(), fc.constantFrom('10.0.0.1', 'fd00::1', '', 'a"b', 'a\\b', 'é', '}{'));
    const address = fc.oneof({ weight: 4, arbitrary: fc.ipV4() }, { weight: 1, arbitrary: text });
    const number = fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: -1, max: 70_000 }) },
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(0, 1e21, 65535),
    );
    const value = fc.oneof(text, number, fc.boolean(), fc.constant(null), fc.jsonValue({ maxDepth: 2 }));
    const flags = fc.oneof(
      { weight: 4, arbitrary: fc.dictionary(fc.constantFrom('SYN', 'ACK', 'FIN', 'RST'), fc.boolean()) },
      fc.dictionary(fc.constantFrom('SYN', 'ACK', 'FIN', 'RST'), value),
      value,
    );
    const ports = fc.oneof(
      {
        weight: 4,
        arbitrary: fc.record(
          { source_port: number, destination_port: number, flags },
          { requiredKeys: ['destination_port'] },
        ),
      },
      {
        weight: 1,
        arbitrary: fc.record(
          { source_port: number, destination_port: number, flags, extra: value },
          { requiredKeys: [] },
        ),
      },
    );
    const protocol = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('TCP', 'UDP', 'SCTP') },
      fc.constantFrom('ICMPv4', 'x'),
    );
    const l4 = fc.oneof(
      { weight: 4, arbitrary: fc.tuple(protocol, ports).map(([name, item]) => ({ [name]: item })) },
      { weight: 1, arbitrary: fc.dictionary(protocol, fc.oneof(ports, value), { minKeys: 1, maxKeys: 2 }) },
    );
    const endpoint = fc.oneof(
      {
        weight: 4,
        arbitrary: fc.record(
          {
            ID: number,
            identity: fc.oneof(number, text),
            namespace: text,
            labels: fc.array(text),
            extra: value,
          },
          { requiredKeys: [] },
        ),
      },
      value,
    );
    const flow = fc
      .record(
        {
          time: fc.oneof({ weight: 4, arbitrary: fc.constant('2026-11-20T08:00:06.5Z') }, text, number),
          uuid: text,
          verdict: fc.oneof(
            { weight: 12, arbitrary: fc.constantFrom('FORWARDED', 'DROPPED') },
            fc.constantFrom('AUDIT', 'FORWARDED\\'),
            text,
            number,
          ),
          ethernet: fc.dictionary(fc.oneof(fc.constantFrom('source', 'destination'), text), value),
          IP: fc.oneof(
            { weight: 4, arbitrary: fc.record({ source: address, destination: address, ipVersion: value }) },
            { weight: 1, arbitrary: fc.record({ source: text, destination: text }, { requiredKeys: [] }) },
            { weight: 1, arbitrary: value },
          ),
          l4: fc.oneof({ weight: 4, arbitrary: l4 }, { weight: 1, arbitrary: value }),
          source: endpoint,
          destination: endpoint,
          Type: fc.constantFrom('L3_L4', 'L7'),
        },
        // Their absence is covered above; here, what they hold.
        { requiredKeys: ['time', 'verdict', 'IP', 'l4', 'source', 'destination'] },
      )
      .chain((members) =>
        fc.shuffledSubarray(Object.entries(members), { minLength: Object.keys(members).length }),
      )
      .map((entries) => Object.fromEntries(entries));
    let read = 0;
    fc.assert(
      fc.property(flow, (members) => {
        const line = jsonpbLine(members);
        const sighting = readLine(line);
        if (sighting === undefined) return;
        read++;
        expect(sighting).toEqual(parsedLine(line));
      }),
      { numRuns: 3000 },
    );
    // The generator must reach the lines the reader reads, or the property would hold for nothing.
    expect(read).toBeGreaterThan(100);
  });
});
