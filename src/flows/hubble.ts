import { isIP } from 'node:net';
import { ownerFromPodName } from './owner.js';
import { splitUrl, type L7Record } from './l7.js';
import { dnsName } from '../text/dns-name.js';
import type { Protocol } from '../model/types.js';
import {
  addAttributions,
  extendWindow,
  identifiedByAddress,
  IsoTimeParser,
  type FlowEntry,
  type TimedFlow,
} from './aggregate.js';
import type { FlowLineReader, FlowSink } from './sink.js';
import { ConnectionMemory, connectionKey, ipv4Number, type ConnectionKey } from './connection-memory.js';
import { MarkerSearch } from './markers.js';
import { RecentMap } from './recent-map.js';
import { SightingReader, type EndpointBytes } from './hubble-sighting.js';
import type { FlowEndpoint, FlowVerdict, RecordedAttribution, RecordedPolicy } from './types.js';
import { isObject, isPort, parseJsonLine, shown, splitLabel, type JsonObject } from './values.js';

/**
 * How many recent connections (5-tuples) are remembered to count a connection once although Hubble reports every
 * packet at every observation point. Least recently seen ones are forgotten first, so memory stays bounded on any
 * log while a connection that keeps sending stays remembered.
 */
export const HUBBLE_RECENT_CONNECTIONS = 100_000;

/** How many distinct endpoint descriptions are remembered (pods times label sets; more are read the slow way). */
const HUBBLE_REMEMBERED_ENDPOINTS = 100_000;

/**
 * How many bytes of endpoint descriptions are remembered by their bytes (see RememberedDescriptions), in each of two
 * generations: a pod's description is a few hundred bytes, and the least recently seen are forgotten first.
 */
const HUBBLE_REMEMBERED_DESCRIPTION_BYTES = 32 * 1024 * 1024;

/** `flow.proto` `Verdict` numbers, for exports that write enums as numbers. */
const VERDICT_NAMES = [
  'VERDICT_UNKNOWN',
  'FORWARDED',
  'DROPPED',
  'ERROR',
  'AUDIT',
  'REDIRECTED',
  'TRACED',
  'TRANSLATED',
];

/** `flow.proto` `DropReason` values that mean a network policy denied the packet (`POLICY_DENY`: a deny rule). */
const POLICY_DROP_REASONS: ReadonlyMap<number, string> = new Map([
  [133, 'POLICY_DENIED'],
  [181, 'POLICY_DENY'],
]);
const POLICY_DROP_NAMES = new Set(POLICY_DROP_REASONS.values());

/** GetFlowsResponse variants that are not flows (`hubble observe` prints them too). */
const NON_FLOW_RESPONSES = ['node_status', 'lost_events', 'agent_event', 'debug_event'];

const L4_PROTOCOLS: readonly [key: string, protocol: Protocol][] = [
  ['TCP', 'TCP'],
  ['UDP', 'UDP'],
  ['SCTP', 'SCTP'],
];

type VerdictOutcome = { verdict: FlowVerdict; dropReason?: string } | 'not-a-verdict' | undefined;

/**
 * The verdicts that count a connection without needing a drop reason, and what they count as. Shared rather than
 * made per line: most lines pass. A line read off its bytes needs nothing more than its verdict's name for these.
 */
const OUTCOMES_WITHOUT_REASON: ReadonlyMap<string, { verdict: FlowVerdict }> = new Map([
  ['FORWARDED', { verdict: 'allowed' }],
  ['REDIRECTED', { verdict: 'allowed' }],
  ['AUDIT', { verdict: 'audit' }],
]);
/** Verdicts `readVerdict` counts a connection for, by name: those above, and the drops, whose reason decides. */
const COUNTED_VERDICTS = [...OUTCOMES_WITHOUT_REASON.keys(), 'DROPPED', 'ERROR'];

/** An endpoint description as read, and whether its IP identifies it (then each line's IP is added to it). */
interface KnownEndpoint {
  endpoint: FlowEndpoint;
  byAddress: boolean;
}

/**
 * Reads Cilium Hubble flows: `hubble observe -o jsonpb` / exporter lines (`{"flow": {...}, "node_name", "time"}`)
 * and bare flow objects. A connection counts once: replies, non-L3/L4 records, ICMP and repeated sightings of a
 * 5-tuple (every packet, every observation point) are ignored; a repeat only extends the window. L7 records (HTTP
 * requests, DNS questions and answers) are kept apart from connections (`L7Records`).
 */
export class HubbleReader implements FlowLineReader {
  /** Recent connections (5-tuples) and the aggregated flow each was counted in. */
  private readonly recent = new ConnectionMemory<CountedConnection>(HUBBLE_RECENT_CONNECTIONS);
  private readonly endpoints = new KnownEndpoints();
  private readonly times = new IsoTimeParser();
  // Each anchor's first byte is rare in Hubble JSON (`y`, `T`), which keeps the search fast.
  private readonly replyMarkers = new MarkerSearch('y":t', ['"is_reply":true', '"reply":true']);
  /**
   * The flow's `Type`: L7 records are parsed in full, SOCK records ignored, L3_L4 ones may be sightings read off
   * their bytes.
   */
  private readonly typeMarkers = new MarkerSearch('Type"', [
    '"Type":"L7"',
    '"Type":"SOCK"',
    '"Type":"L3_L4"',
  ]);
  /**
   * Policy verdict events that name the policies deciding them (`flow.proto` `*_allowed_by`, `*_denied_by`) are
   * parsed in full, never read off their bytes, to keep what they say.
   */
  private readonly attributionMarkers = new MarkerSearch('d_by"', ['_allowed_by"', '_denied_by"']);
  private readonly descriptions = new RememberedDescriptions<KnownEndpoint>(
    HUBBLE_REMEMBERED_DESCRIPTION_BYTES,
  );
  private readonly sightings = new SightingReader<KnownEndpoint>(
    COUNTED_VERDICTS,
    (address, bytes, start, end) => this.descriptions.find(address, bytes, start, end),
  );
  /**
   * The endpoint descriptions of the line about to be parsed that its bytes did not tell, with the addresses the line
   * gives them (copied: the bytes are only valid during rawLine).
   */
  private unknownDescriptions:
    Partial<Record<'source' | 'destination', { address: string; bytes: Buffer }>> | undefined;

  /**
   * Replies (about half of a real Hubble log) and SOCK records are ignored on their bytes: never decoded nor
   * parsed. L7 records, replies among them (a DNS answer), are left to `line`.
   * Most L3/L4 records are read off their bytes too (see {@link readOnBytes}). Only complete objects (ending with
   * `}`) qualify, so a cut-off line is still parsed and reported. The markers cannot occur inside a JSON string (its
   * quotes would be escaped), and no other field of flow.proto has these names.
   */
  rawLine(bytes: Buffer, start: number, end: number, sink: FlowSink): boolean {
    this.unknownDescriptions = undefined;
    if (end === start || bytes[end - 1] !== CLOSING_BRACE) return false;
    const type = this.typeMarkers.firstIn(bytes, start, end);
    // An L7 record is read in full, replies too: a DNS answer is one.
    if (type === L7_MARKER) return false;
    if ((type >= 0 && type !== L3_L4_MARKER) || this.replyMarkers.foundIn(bytes, start, end)) {
      sink.ignore();
      return true;
    }
    return (
      type === L3_L4_MARKER &&
      !this.attributionMarkers.foundIn(bytes, start, end) &&
      this.readOnBytes(bytes, start, end, sink)
    );
  }

  /**
   * An L3/L4 record read off its bytes does what `read` would do with it: a connection already counted only has its
   * window extended (when it goes the same way); a new one whose two endpoint descriptions were read before, byte for
   * byte, is counted. Anything else (an endpoint described anew, a reply by its flags, a drop, whose reason comes
   * later in the line, a layout the byte reader does not take) is left to `line`, which decides it in full and
   * remembers the descriptions it read by their bytes.
   */
  private readOnBytes(bytes: Buffer, start: number, end: number, sink: FlowSink): boolean {
    const sighting = this.sightings.read(bytes, start, end);
    if (!sighting || sighting.synAck) return false;
    const ms = this.times.parse(sighting.time);
    if (ms === undefined) return false;
    const { protocol, sourceIp, sourcePort, destinationIp, destinationPort } = sighting;
    const connection = connectionKey(protocol, sourceIp, sourcePort, destinationIp, destinationPort);
    // A drop or an audit after the connection was forwarded elsewhere on its path: `read` decides what it counts as.
    if (
      this.recent.get(connection)?.entry.verdict === 'allowed' &&
      VERDICTS_AFTER_FORWARDED.has(sighting.verdict)
    )
      return false;
    if (this.seenAgain(connection, ms, sink)) return true;
    // Only a new connection needs its endpoints: they are read on from where the sighting stopped.
    const endpoints = this.sightings.endpoints();
    if (!endpoints) return false;
    const { source, destination } = endpoints;
    const verdict = OUTCOMES_WITHOUT_REASON.get(sighting.verdict)?.verdict;
    if (verdict && 'known' in source && 'known' in destination) {
      const from = withAddress(source.known, sourceIp);
      const to = withAddress(destination.known, destinationIp);
      const flow = { from, to, protocol, port: destinationPort, verdict, count: 1, firstMs: ms, lastMs: ms };
      this.count(flow, connection, sink);
      return true;
    }
    const copy = (range: EndpointBytes<KnownEndpoint>, address: string) =>
      'known' in range || range.end - range.start > MAX_REMEMBERED_DESCRIPTION_BYTES
        ? undefined
        : { address, bytes: Buffer.from(bytes.subarray(range.start, range.end)) };
    this.unknownDescriptions = {
      source: copy(source, sourceIp),
      destination: copy(destination, destinationIp),
    };
    return false;
  }

  /**
   * Whether the connection was counted already: then a packet the same way extends its window, and one the other way
   * is a reply (some observation points, e.g. TO_OVERLAY, do not say so).
   */
  private seenAgain(
    connection: ConnectionKey,
    ms: number | undefined,
    sink: FlowSink,
    attribution?: readonly RecordedAttribution[],
  ): boolean {
    const known = this.recent.get(connection);
    if (!known) return false;
    if (known.sourceFirst === connection.sourceFirst) {
      extendWindow(known.entry, ms, ms);
      // The other end's policy verdict event comes as a repeat of the connection: what it names is kept too.
      if (attribution) addAttributions(known.entry, attribution);
    }
    sink.ignore();
    return true;
  }

  private count(flow: TimedFlow, connection: ConnectionKey | undefined, sink: FlowSink): void {
    const entry = sink.add(flow);
    if (connection !== undefined) this.recent.set(connection, { entry, sourceFirst: connection.sourceFirst });
  }

  line(text: string, lineNumber: number, terminated: boolean, sink: FlowSink): void {
    const parsed = parseJsonLine(text, terminated);
    if ('reason' in parsed) {
      sink.skip(lineNumber, parsed.reason);
      return;
    }
    const problem = this.read(parsed.value, sink);
    if (problem !== undefined) sink.skip(lineNumber, problem);
  }

  /** What an endpoint description of a line reads as; remembered by its bytes when rawLine kept them. */
  private endpoint(value: unknown, side: 'source' | 'destination'): KnownEndpoint | string {
    const known = this.endpoints.read(value, side);
    const unknown = this.unknownDescriptions?.[side];
    if (typeof known !== 'string' && unknown)
      this.descriptions.remember(unknown.address, unknown.bytes, known);
    return known;
  }

  /** Adds or ignores one parsed line; returns why it is not a flow when it is not. */
  private read(value: unknown, sink: FlowSink): string | undefined {
    if (!isObject(value)) return 'not a JSON object';
    let flow: JsonObject;
    if ('flow' in value) {
      if (!isObject(value.flow)) return '"flow" is not an object';
      flow = value.flow;
    } else if (NON_FLOW_RESPONSES.some((key) => key in value)) {
      sink.ignore();
      return undefined;
    } else if (isBareFlow(value)) {
      flow = value;
    } else {
      return 'not a Hubble flow (no "flow" or "verdict")';
    }

    if (flow.Type === 'L7' || flow.Type === L7_FLOW_TYPE)
      return this.readL7(flow, flow.time ?? value.time, sink);
    if (flow.Type !== undefined && flow.Type !== 'L3_L4' && flow.Type !== 1) {
      sink.ignore();
      return undefined;
    }
    if (flow.l4 !== undefined && !isObject(flow.l4)) return '"l4" is not an object';
    const l4 = flow.l4 && findL4(flow.l4);
    if (typeof l4 === 'string') return l4;
    if (!l4 || isReply(flow, l4.ports)) {
      sink.ignore();
      return undefined;
    }
    const verdict = readVerdict(flow);
    if (verdict === undefined) return `unknown verdict ${shown(flow.verdict)}`;
    if (verdict === 'not-a-verdict') {
      sink.ignore();
      return undefined;
    }
    const time = flow.time ?? value.time;
    const ms = this.times.parse(time);
    if (time !== undefined && ms === undefined) return `time ${shown(time)} is not an RFC 3339 timestamp`;
    if (flow.IP !== undefined && !isObject(flow.IP)) return '"IP" is not an object';
    const addresses = flow.IP ?? {};
    const sourceIp = addresses.source;
    const destinationIp = addresses.destination;
    if (sourceIp !== undefined && typeof sourceIp !== 'string') return 'IP.source is not a string';
    if (destinationIp !== undefined && typeof destinationIp !== 'string')
      return 'IP.destination is not a string';
    const attribution = readAttribution(flow);
    if (typeof attribution === 'string') return attribution;

    let connection: ConnectionKey | undefined;
    let carried: FlowEntry['attributions'];
    if (sourceIp && destinationIp) {
      connection = connectionKey(l4.protocol, sourceIp, l4.ports.source_port ?? 0, destinationIp, l4.port);
      const known = this.recent.get(connection);
      if (
        known &&
        known.sourceFirst === connection.sourceFirst &&
        overrides(verdict.verdict, known.entry.verdict)
      ) {
        // Forwarded at one observation point (the source's egress), then denied or audited at a later one (the
        // destination's ingress): the connection did not pass, so it counts under the later verdict.
        sink.withdraw(known.entry);
        if (known.entry.records === 0) carried = known.entry.attributions;
      } else if (this.seenAgain(connection, ms, sink, attribution)) return undefined;
    }

    const from = this.endpoint(flow.source, 'source');
    if (typeof from === 'string') return from;
    const to = this.endpoint(flow.destination, 'destination');
    if (typeof to === 'string') return to;
    const flowRead: TimedFlow = {
      from: withAddress(from, sourceIp),
      to: withAddress(to, destinationIp),
      protocol: l4.protocol,
      port: l4.port,
      verdict: verdict.verdict,
      count: 1,
      firstMs: ms,
      lastMs: ms,
    };
    if (verdict.dropReason !== undefined) flowRead.dropReason = verdict.dropReason;
    if (attribution || carried) flowRead.attribution = [...(carried?.values() ?? []), ...(attribution ?? [])];
    this.count(flowRead, connection, sink);
    return undefined;
  }

  /**
   * An L7 record (`Type: L7`): an HTTP request or a DNS question the proxy saw, or the addresses a DNS answer gave.
   * HTTP responses, samples and Kafka records are ignored. A request's endpoints are its connection's (the client
   * as source); a DNS answer's source is the DNS server, and what it says is about the name, whoever asked.
   */
  private readL7(flow: JsonObject, time: unknown, sink: FlowSink): string | undefined {
    const l7 = flow.l7;
    if (l7 === undefined) {
      sink.ignore();
      return undefined;
    }
    if (!isObject(l7)) return '"l7" is not an object';
    const type = typeof l7.type === 'number' ? L7_TYPE_NAMES[l7.type] : l7.type;
    const ms = this.times.parse(time);
    if (time !== undefined && ms === undefined) return `time ${shown(time)} is not an RFC 3339 timestamp`;
    const at = ms === undefined ? {} : { ms };
    if (l7.dns !== undefined && type === 'RESPONSE') {
      if (!isObject(l7.dns)) return '"l7.dns" is not an object';
      const { query, ips, rcode } = l7.dns;
      if (query !== undefined && typeof query !== 'string') return 'l7.dns.query is not a string';
      const addresses = stringList(ips);
      if (!addresses || !addresses.every((address) => isIP(address) !== 0))
        return 'l7.dns.ips is not a list of addresses';
      // An answer with an error code (NXDOMAIN is 3) gives no address.
      if (!query || addresses.length === 0 || (rcode !== undefined && rcode !== 0)) {
        sink.ignore();
        return undefined;
      }
      sink.addL7({ kind: 'dns-answer', name: dnsName(query), addresses, ...at });
      return undefined;
    }
    if (type !== 'REQUEST' || (l7.http === undefined && l7.dns === undefined)) {
      sink.ignore();
      return undefined;
    }
    if (flow.l4 !== undefined && !isObject(flow.l4)) return '"l4" is not an object';
    const l4 = flow.l4 && findL4(flow.l4);
    if (typeof l4 === 'string') return l4;
    const verdict = l7Verdict(flow);
    if (verdict === undefined) return `unknown verdict ${shown(flow.verdict)}`;
    if (!l4 || verdict === 'not-a-verdict') {
      sink.ignore();
      return undefined;
    }
    if (flow.IP !== undefined && !isObject(flow.IP)) return '"IP" is not an object';
    const { source: sourceIp, destination: destinationIp } = flow.IP ?? {};
    if (sourceIp !== undefined && typeof sourceIp !== 'string') return 'IP.source is not a string';
    if (destinationIp !== undefined && typeof destinationIp !== 'string')
      return 'IP.destination is not a string';
    const from = this.endpoint(flow.source, 'source');
    if (typeof from === 'string') return from;
    const to = this.endpoint(flow.destination, 'destination');
    if (typeof to === 'string') return to;
    const connection =
      sourceIp && destinationIp
        ? connectionKey(l4.protocol, sourceIp, l4.ports.source_port ?? 0, destinationIp, l4.port)
        : undefined;
    const known = connection && this.recent.get(connection);
    // The request went over a connection counted from its L3/L4 records (the policy verdict, the trace to the
    // proxy, which come first): it takes that connection's ends, which the datapath knew. The proxy may describe a
    // pod of another node by its address alone (`reserved:world`, as in the hubble-otel bookinfo sample).
    const over = known && known.sourceFirst === connection.sourceFirst ? known.entry : undefined;
    // The request says the connection was in use then.
    if (over) extendWindow(over, ms, ms);
    const request = {
      from: over?.from ?? withAddress(from, sourceIp),
      to: over?.to ?? withAddress(to, destinationIp),
      protocol: l4.protocol,
      port: l4.port,
      verdict: verdict.verdict,
      ...at,
    };
    // A request no L3/L4 record was seen for (a log of `hubble observe --type l7`, or one that began after the
    // connection opened) is the first sighting of its connection, which passed L3/L4: the proxy saw the request.
    const opens = known
      ? undefined
      : {
          from: request.from,
          to: request.to,
          protocol: l4.protocol,
          port: l4.port,
          verdict: 'allowed' as const,
          count: 1,
          firstMs: ms,
          lastMs: ms,
        };
    const add = (record: L7Record) => {
      const entry = sink.addL7(record, opens);
      if (entry && connection) this.recent.set(connection, { entry, sourceFirst: connection.sourceFirst });
    };
    if (l7.http !== undefined) {
      if (!isObject(l7.http)) return '"l7.http" is not an object';
      const { method, url } = l7.http;
      if (typeof method !== 'string' || method === '') return 'l7.http.method is not a method';
      if (typeof url !== 'string') return 'l7.http.url is not a string';
      add({ kind: 'http', ...request, method, ...splitUrl(url) });
      return undefined;
    }
    if (!isObject(l7.dns)) return '"l7.dns" is not an object';
    const query = l7.dns.query;
    if (typeof query !== 'string' || query === '') return 'l7.dns.query is not a name';
    add({ kind: 'dns-lookup', ...request, query: dnsName(query) });
    return undefined;
  }
}

/** `flow.proto` `FlowType` L7, for exports that write enums as numbers. */
const L7_FLOW_TYPE = 2;

/** `flow.proto` `L7FlowType` by number, for exports that write enums as numbers. */
const L7_TYPE_NAMES = ['UNKNOWN_L7_TYPE', 'REQUEST', 'RESPONSE', 'SAMPLE'];

/**
 * What a proxy's verdict on a request says (Cilium's access log: forwarded, denied, error). A request reached the
 * proxy, so its connection passed L3/L4: a drop here is the L7 policy refusing the request, whatever the reason.
 */
function l7Verdict(flow: JsonObject): VerdictOutcome {
  const name = typeof flow.verdict === 'number' ? VERDICT_NAMES[flow.verdict] : flow.verdict;
  if (name === 'DROPPED') return { verdict: 'denied' };
  return readVerdict(flow);
}

/** A list of strings, or undefined when `value` is not one. */
function stringList(value: unknown): string[] | undefined {
  if (value === undefined) return [];
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined;
}

/** Whether an object is a Hubble flow without the GetFlowsResponse wrapper (as some exporters write them). */
export function isBareFlow(value: JsonObject): boolean {
  return 'verdict' in value && ('IP' in value || 'l4' in value || 'source' in value || 'Type' in value);
}

const CLOSING_BRACE = 0x7d;
/** Indexes of `"Type":"L7"` and `"Type":"L3_L4"` in the reader's type markers. */
const L7_MARKER = 0;
const L3_L4_MARKER = 2;

/** Verdicts (by name) that may say a forwarded connection did not pass after all: a drop or audit further along. */
const VERDICTS_AFTER_FORWARDED = new Set(['DROPPED', 'AUDIT']);

/**
 * Whether a later record of a connection counted as allowed says what it counts as: denied by policy, or audited
 * (the policy in force would deny it). A packet forwarded at the source and dropped or audited at the destination did
 * not pass; a drop for another reason, or one more forward, changes nothing.
 */
function overrides(later: FlowVerdict, counted: FlowVerdict): boolean {
  return counted === 'allowed' && (later === 'denied' || later === 'audit');
}

/** An endpoint read, with the line's IP where the IP is what identifies it. */
function withAddress(known: KnownEndpoint, ip: string | undefined): FlowEndpoint {
  return ip && known.byAddress ? { ...known.endpoint, ip } : known.endpoint;
}

/** A connection counted, and which of its two ends sorts first in its key (see {@link ConnectionKey}). */
interface CountedConnection {
  entry: FlowEntry;
  sourceFirst: boolean;
}

/** The L4 protocol and destination port of a flow; undefined for ICMP and other non-port protocols. */
function findL4(
  l4: JsonObject,
): { protocol: Protocol; port: number; ports: JsonObject } | string | undefined {
  for (const [key, protocol] of L4_PROTOCOLS) {
    const ports = l4[key];
    if (ports === undefined) continue;
    if (!isObject(ports)) return `l4.${key} is not an object`;
    if (!isPort(ports.destination_port))
      return `l4.${key}.destination_port ${shown(ports.destination_port)} is not a port`;
    return { protocol, port: ports.destination_port, ports };
  }
  return undefined;
}

/**
 * Replies are the answer half of a connection already counted from its request. `is_reply` (a BoolValue, absent when
 * unknown) and the older `reply` say so; a SYN+ACK is a reply whatever the flags above say.
 */
function isReply(flow: JsonObject, ports: JsonObject): boolean {
  if (flow.is_reply === true || flow.reply === true) return true;
  const flags = ports.flags;
  return isObject(flags) && flags.SYN === true && flags.ACK === true;
}

function readVerdict(flow: JsonObject): VerdictOutcome {
  const name = typeof flow.verdict === 'number' ? VERDICT_NAMES[flow.verdict] : flow.verdict;
  const withoutReason = typeof name === 'string' ? OUTCOMES_WITHOUT_REASON.get(name) : undefined;
  if (withoutReason) return withoutReason;
  switch (name) {
    case 'DROPPED':
    case 'ERROR': {
      const dropReason = readDropReason(flow);
      const denied = name === 'DROPPED' && dropReason !== undefined && POLICY_DROP_NAMES.has(dropReason);
      const verdict: FlowVerdict = denied ? 'denied' : 'dropped-other';
      return dropReason === undefined ? { verdict } : { verdict, dropReason };
    }
    // A trace or a socket translation says nothing about whether the connection passed.
    case 'TRACED':
    case 'TRANSLATED':
      return 'not-a-verdict';
    default:
      return undefined;
  }
}

/** The attribution lists of `flow.proto` (Cilium 1.17 and later, with policy correlation), what each says. */
const ATTRIBUTION_FIELDS = [
  ['ingress_allowed_by', 'ingress', 'allow'],
  ['egress_allowed_by', 'egress', 'allow'],
  ['ingress_denied_by', 'ingress', 'deny'],
  ['egress_denied_by', 'egress', 'deny'],
] as const;

/** Policies kept of one attribution list: a connection is decided by a few; a log naming more is cut. */
export const MAX_RECORDED_POLICIES = 8;

/** Longest policy name, namespace or kind kept: a Kubernetes name has at most 253 characters. */
const MAX_POLICY_NAME = 253;

/** `policy_match_type` values (`MatchType` in cilium/cilium `pkg/monitor/api/types.go`), by name as Hubble prints them. */
const POLICY_MATCH_TYPES = ['none', 'L3-Only', 'L3-L4', 'L4-Only', 'all', 'L3-Proto', 'Proto-Only'];

/**
 * The policies a policy verdict event names as allowing or denying each direction (`Policy {name, namespace, labels,
 * revision, kind}`); undefined when it names none, or why the lists are not lists of policies. A policy without a
 * name (Hubble's printer leaves those out too) or with a name no Kubernetes object can have is left out.
 */
function readAttribution(flow: JsonObject): RecordedAttribution[] | string | undefined {
  let attributions: RecordedAttribution[] | undefined;
  for (const [field, direction, action] of ATTRIBUTION_FIELDS) {
    const value = flow[field];
    if (value === undefined) continue;
    if (!Array.isArray(value)) return `${field} is not a list`;
    const policies: RecordedPolicy[] = [];
    for (const item of value as unknown[]) {
      // protojson leaves out empty strings: each of the three may be missing.
      if (
        !isObject(item) ||
        [item.name, item.namespace, item.kind].some((text) => text !== undefined && typeof text !== 'string')
      )
        return `${field} has an item that is not {name, namespace, kind}`;
      const { name = '', namespace, kind } = item as { name?: string; namespace?: string; kind?: string };
      if (name === '' || [name, namespace ?? '', kind ?? ''].some((text) => text.length > MAX_POLICY_NAME))
        continue;
      if (policies.length === MAX_RECORDED_POLICIES) break;
      policies.push({ ...(kind ? { kind } : {}), ...(namespace ? { namespace } : {}), name });
    }
    if (policies.length === 0) continue;
    const match = action === 'allow' ? policyMatchType(flow.policy_match_type) : undefined;
    (attributions ??= []).push({ direction, action, policies, ...(match ? { match } : {}) });
  }
  return attributions;
}

/** `policy_match_type` by name; undefined when absent, 0 (none) or unknown. */
function policyMatchType(value: unknown): string | undefined {
  return typeof value === 'number' && value > 0 ? POLICY_MATCH_TYPES[value] : undefined;
}

/** `drop_reason_desc` (the enum, by name or number) or the older numeric `drop_reason`. */
function readDropReason(flow: JsonObject): string | undefined {
  const reason = flow.drop_reason_desc ?? flow.drop_reason;
  if (typeof reason === 'string' && reason !== '') return reason;
  if (typeof reason === 'number' && reason !== 0) return POLICY_DROP_REASONS.get(reason) ?? String(reason);
  return undefined;
}

/**
 * A Hubble endpoint as the contract describes it: `k8s:` labels without prefix and without the labels Cilium adds
 * (namespace name, policy cluster and service account); namespace labels, the service account and `reserved:`
 * identities apart.
 */
function hubbleEndpoint(value: unknown, side: string): FlowEndpoint | string {
  const endpoint: FlowEndpoint = {};
  if (value === undefined) return endpoint;
  if (!isObject(value)) return `${side} is not an object`;
  if (value.namespace !== undefined && typeof value.namespace !== 'string')
    return `${side}.namespace is not a string`;
  // Endpoints on other nodes may come without `namespace`; their pod-namespace label still names it.
  let namespace = value.namespace || undefined;
  if (value.labels !== undefined) {
    if (!Array.isArray(value.labels)) return `${side}.labels is not a list`;
    const labels: [string, string][] = [];
    const namespaceLabels: [string, string][] = [];
    const reserved: string[] = [];
    for (const label of value.labels as unknown[]) {
      if (typeof label !== 'string') return `${side}.labels has a non-string item ${shown(label)}`;
      if (label.startsWith('reserved:')) {
        reserved.push(label.slice('reserved:'.length).replace(/^world-ipv[46]$/, 'world'));
      } else if (label.startsWith('k8s:')) {
        const [key, labelValue] = splitLabel(label.slice('k8s:'.length));
        if (key.startsWith(NAMESPACE_LABEL_PREFIX)) {
          namespaceLabels.push([key.slice(NAMESPACE_LABEL_PREFIX.length), labelValue]);
        } else if (key === POD_NAMESPACE_LABEL) {
          namespace ??= labelValue || undefined;
        } else if (key === SERVICE_ACCOUNT_LABEL) {
          if (labelValue) endpoint.serviceAccount = labelValue;
        } else if (!key.startsWith('io.cilium.k8s.policy.')) {
          labels.push([key, labelValue]);
        }
      }
      // Other sources (`cidr:`, `fqdn:`, `container:`, ...) restate the IP or the runtime: nothing to match on.
    }
    if (labels.length > 0) endpoint.labels = Object.fromEntries(labels);
    if (namespaceLabels.length > 0) endpoint.namespaceLabels = Object.fromEntries(namespaceLabels);
    const identity = reservedIdentity(reserved);
    if (identity !== undefined) endpoint.reserved = identity;
  }
  if (namespace !== undefined) endpoint.namespace = namespace;
  if (value.workloads !== undefined) {
    if (!Array.isArray(value.workloads)) return `${side}.workloads is not a list`;
    const first: unknown = value.workloads[0];
    if (first !== undefined) {
      if (
        !isObject(first) ||
        typeof first.name !== 'string' ||
        (first.kind !== undefined && typeof first.kind !== 'string')
      ) {
        return `${side}.workloads[0] is not {name, kind}`;
      }
      endpoint.workload = first.kind ? { kind: first.kind, name: first.name } : { name: first.name };
    }
  }
  if (!endpoint.workload && typeof value.pod_name === 'string' && endpoint.labels) {
    const owner = ownerFromPodName(value.pod_name, endpoint.labels);
    if (owner) endpoint.workload = owner;
  }
  return endpoint;
}

/**
 * Endpoint descriptions already read: a log names the same pods a million times, and handing the aggregator the same
 * object lets it key the endpoint once. Remembered per distinct description (namespace, labels, first workload);
 * the IP is left out, as aggregation drops it where labels or a workload identify the endpoint (pod IPs churn).
 * Each pod's description is remembered too: comparing a line's description with it (a few strings) costs less than
 * building and hashing the description's key, which a million lines would do twice each.
 */
class KnownEndpoints {
  private readonly byDescription = new Map<string, KnownEndpoint>();
  private readonly byPod = new RecentMap<PodDescription>(HUBBLE_REMEMBERED_ENDPOINTS);

  /** `hubbleEndpoint` of a description, or why it is not one. */
  read(value: unknown, side: string): KnownEndpoint | string {
    const pod = isObject(value) && typeof value.pod_name === 'string' ? value.pod_name : undefined;
    const remembered = pod === undefined ? undefined : this.byPod.get(pod);
    if (remembered && describesAlike(value as JsonObject, remembered)) return remembered.known;

    const key = endpointKey(value);
    let known = key === undefined ? undefined : this.byDescription.get(key);
    if (!known) {
      const endpoint = hubbleEndpoint(value, side);
      if (typeof endpoint === 'string') return endpoint;
      known = { endpoint, byAddress: identifiedByAddress(endpoint) };
      if (key === undefined || this.byDescription.size >= HUBBLE_REMEMBERED_ENDPOINTS) return known;
      this.byDescription.set(key, known);
    }
    // A key was made, so the description's fields have the types `describesAlike` compares.
    if (pod !== undefined) this.byPod.set(pod, podDescription(value as JsonObject, known));
    return known;
  }
}

/** The fields of a pod's description that its key is made of, and what the description read as. */
interface PodDescription {
  namespace: unknown;
  labels: readonly unknown[];
  /** The first workload's kind and name; undefined when there is none. */
  workload: { kind: unknown; name: unknown } | undefined;
  known: KnownEndpoint;
}

function podDescription(value: JsonObject, known: KnownEndpoint): PodDescription {
  const first = firstWorkload(value.workloads);
  return {
    namespace: value.namespace,
    labels: value.labels as unknown[],
    workload: isObject(first) ? { kind: first.kind, name: first.name } : undefined,
    known,
  };
}

/**
 * Whether a description has the same namespace, labels and first workload as one already read (so the same key):
 * compared field by field, as the same pod described again has equal strings everywhere.
 */
function describesAlike(value: JsonObject, pod: PodDescription): boolean {
  if (value.namespace !== pod.namespace) return false;
  const labels = value.labels;
  if (!Array.isArray(labels) || labels.length !== pod.labels.length) return false;
  for (let index = 0; index < labels.length; index++) {
    if (labels[index] !== pod.labels[index]) return false;
  }
  const first = firstWorkload(value.workloads);
  if (pod.workload === undefined) return first === undefined;
  return isObject(first) && first.name === pod.workload.name && first.kind === pod.workload.kind;
}

/** The first item of `workloads`: undefined when absent or empty, null when `workloads` is not a list. */
function firstWorkload(workloads: unknown): unknown {
  if (workloads === undefined) return undefined;
  return Array.isArray(workloads) ? (workloads[0] as unknown) : null;
}

/**
 * What makes two endpoint descriptions read alike: namespace, labels and first workload, when all are strings.
 * Anything odd gets no key and is read (and reported) on its own.
 */
function endpointKey(value: unknown): string | undefined {
  if (!isObject(value) || !Array.isArray(value.labels)) return undefined;
  const { namespace, labels, workloads } = value;
  if (namespace !== undefined && typeof namespace !== 'string') return undefined;
  if (!labels.every((label) => typeof label === 'string')) return undefined;
  let workload = '';
  const first = firstWorkload(workloads);
  if (first !== undefined) {
    if (!isObject(first) || typeof first.name !== 'string') return undefined;
    if (first.kind !== undefined && typeof first.kind !== 'string') return undefined;
    workload = `${first.kind ?? ''}/${first.name}`;
  }
  return `${namespace ?? ''}\u0001${workload}\u0001${labels.join('\u0001')}`;
}

const NAMESPACE_LABEL_PREFIX = 'io.cilium.k8s.namespace.labels.';
const SERVICE_ACCOUNT_LABEL = 'io.cilium.k8s.policy.serviceaccount';
const POD_NAMESPACE_LABEL = 'io.kubernetes.pod.namespace';

/**
 * One name for the reserved identities of an endpoint, joined when there are several: `host+kube-apiserver` is the
 * API server on the local node, `kube-apiserver+world` one outside the cluster.
 */
function reservedIdentity(names: string[]): string | undefined {
  if (names.length === 0) return undefined;
  return [...new Set(names)].sort().join('+');
}

/**
 * The longest description remembered by its bytes: a pod's is a few hundred bytes, and a log line (up to 1 MiB)
 * must not make the memory hold thousands of its kind.
 */
const MAX_REMEMBERED_DESCRIPTION_BYTES = 4096;

/** Descriptions kept per address (a pod's address given to another pod later): more are read the slow way. */
const DESCRIPTIONS_PER_ADDRESS = 4;

/** An address as a map key: an IPv4 one as its 32-bit number (a small integer to V8), any other as written. */
function addressKey(address: string): string | number {
  const number = ipv4Number(address);
  return number === undefined ? address : number | 0;
}

/**
 * Endpoint descriptions remembered by their exact bytes, so that a line naming a pod described before is read
 * without decoding its description: found by the address the line gives the endpoint, then compared whole. The
 * bytes of a JSON value fix what it parses to, so equal bytes are the same description; the address only narrows
 * the search.
 */
class RememberedDescriptions<T> {
  /**
   * By address (an IPv4 one as its number, which a look-up neither hashes as text nor compares); weighed in bytes,
   * so that what is kept stays within twice `capacity` bytes whatever the log.
   */
  private readonly byAddress: RecentMap<{ bytes: Buffer; known: T }[], string | number>;

  constructor(capacity: number) {
    this.byAddress = new RecentMap(capacity, (group) =>
      group.reduce((sum, { bytes }) => sum + bytes.length, 0),
    );
  }

  remember(address: string, bytes: Buffer, known: T): void {
    const key = addressKey(address);
    const group = this.byAddress.get(key) ?? [];
    if (group.length >= DESCRIPTIONS_PER_ADDRESS) return;
    group.push({ bytes, known });
    this.byAddress.set(key, group);
  }

  find(address: string, bytes: Buffer, start: number, end: number): { known: T; length: number } | undefined {
    for (const { bytes: remembered, known } of this.byAddress.get(addressKey(address)) ?? []) {
      const length = remembered.length;
      if (start + length <= end && bytes.compare(remembered, 0, length, start, start + length) === 0)
        return { known, length };
    }
    return undefined;
  }
}
