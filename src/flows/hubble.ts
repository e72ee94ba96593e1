import { ownerFromPodName } from './owner.js';
import type { Protocol } from '../model/types.js';
import { extendWindow, identifiedByAddress, parseIsoTime, type FlowEntry } from './aggregate.js';
import type { FlowLineReader, FlowSink } from './sink.js';
import type { FlowEndpoint, FlowVerdict } from './types.js';
import { isObject, isPort, parseJsonLine, shown, splitLabel, type JsonObject } from './values.js';

/**
 * How many recent connections (5-tuples) are remembered to count a connection once although Hubble reports every
 * packet at every observation point. Least recently seen ones are forgotten first, so memory stays bounded on any
 * log while a connection that keeps sending stays remembered.
 */
export const HUBBLE_RECENT_CONNECTIONS = 100_000;

/** How many distinct endpoint descriptions are remembered (pods times label sets; more are read the slow way). */
const HUBBLE_REMEMBERED_ENDPOINTS = 100_000;

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
 * Reads Cilium Hubble flows: `hubble observe -o jsonpb` / exporter lines (`{"flow": {...}, "node_name", "time"}`)
 * and bare flow objects. A connection counts once: replies, L7 and other non-L3/L4 records, ICMP and repeated
 * sightings of a 5-tuple (every packet, every observation point) are ignored; a repeat only extends the window.
 */
export class HubbleReader implements FlowLineReader {
  private readonly recent = new RecentConnections(HUBBLE_RECENT_CONNECTIONS);
  private readonly endpoints = new Map<string, FlowEndpoint>();

  line(text: string, lineNumber: number, terminated: boolean, sink: FlowSink): void {
    if (isObviouslyIgnored(text)) {
      sink.ignore();
      return;
    }
    const parsed = parseJsonLine(text, terminated);
    if ('reason' in parsed) {
      sink.skip(lineNumber, parsed.reason);
      return;
    }
    const problem = this.read(parsed.value, sink);
    if (problem !== undefined) sink.skip(lineNumber, problem);
  }

  /**
   * `hubbleEndpoint`, remembered per distinct description: a log names the same pods a million times, and handing
   * the aggregator the same object lets it key the endpoint once. The IP is left out where labels or a workload
   * identify the endpoint (aggregation drops it there anyway: pod IPs churn).
   */
  private endpoint(value: unknown, ip: string | undefined, side: string): FlowEndpoint | string {
    const key = endpointKey(value);
    let known = key === undefined ? undefined : this.endpoints.get(key);
    if (!known) {
      const endpoint = hubbleEndpoint(value, undefined, side);
      if (typeof endpoint === 'string' || key === undefined) return withAddress(endpoint, ip);
      known = endpoint;
      if (this.endpoints.size < HUBBLE_REMEMBERED_ENDPOINTS) this.endpoints.set(key, known);
    }
    return withAddress(known, ip);
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
    const ms = parseIsoTime(time);
    if (time !== undefined && ms === undefined) return `time ${shown(time)} is not an RFC 3339 timestamp`;
    if (flow.IP !== undefined && !isObject(flow.IP)) return '"IP" is not an object';
    const addresses = flow.IP ?? {};
    const sourceIp = addresses.source;
    const destinationIp = addresses.destination;
    if (sourceIp !== undefined && typeof sourceIp !== 'string') return 'IP.source is not a string';
    if (destinationIp !== undefined && typeof destinationIp !== 'string')
      return 'IP.destination is not a string';

    const sourcePort = String(l4.ports.source_port ?? 0);
    const tuple =
      sourceIp && destinationIp
        ? `${l4.protocol} ${sourceIp} ${sourcePort} ${destinationIp} ${l4.port}`
        : undefined;
    const known = tuple === undefined ? undefined : this.recent.get(tuple);
    if (known) {
      extendWindow(known, ms, ms);
      sink.ignore();
      return undefined;
    }
    // Some observation points (e.g. TO_OVERLAY) do not say whether a packet is a reply: the reverse of a connection
    // already counted is one.
    if (
      tuple !== undefined &&
      this.recent.get(`${l4.protocol} ${destinationIp} ${l4.port} ${sourceIp} ${sourcePort}`)
    ) {
      sink.ignore();
      return undefined;
    }

    const from = this.endpoint(flow.source, sourceIp, 'source');
    if (typeof from === 'string') return from;
    const to = this.endpoint(flow.destination, destinationIp, 'destination');
    if (typeof to === 'string') return to;
    const entry = sink.add({
      from,
      to,
      protocol: l4.protocol,
      port: l4.port,
      ...verdict,
      count: 1,
      firstMs: ms,
      lastMs: ms,
    });
    if (tuple !== undefined) this.recent.set(tuple, entry);
    return undefined;
  }
}

/** Whether an object is a Hubble flow without the GetFlowsResponse wrapper (as some exporters write them). */
export function isBareFlow(value: JsonObject): boolean {
  return 'verdict' in value && ('IP' in value || 'l4' in value || 'source' in value || 'Type' in value);
}

/**
 * A cheap look before `JSON.parse` at the two most common records that are ignored anyway: replies and L7 records
 * (about half of a real Hubble log). Only complete objects qualify, so a cut-off line is still parsed and reported.
 * The markers cannot occur inside a JSON string (its quotes would be escaped), and no other field of flow.proto
 * has these names.
 */
function isObviouslyIgnored(text: string): boolean {
  return text.charCodeAt(text.length - 1) === 0x7d /* } */ && OBVIOUSLY_IGNORED.test(text);
}

// One regular expression scans a line several times faster than one `includes` per marker.
const OBVIOUSLY_IGNORED = /"(?:is_)?reply":true|"Type":"(?:L7|SOCK)"/;

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
  switch (name) {
    case 'FORWARDED':
    case 'REDIRECTED':
      return { verdict: 'allowed' };
    case 'AUDIT':
      return { verdict: 'audit' };
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

/** `drop_reason_desc` (the enum, by name or number) or the older numeric `drop_reason`. */
function readDropReason(flow: JsonObject): string | undefined {
  const reason = flow.drop_reason_desc ?? flow.drop_reason;
  if (typeof reason === 'string' && reason !== '') return reason;
  if (typeof reason === 'number' && reason !== 0) return POLICY_DROP_REASONS.get(reason) ?? String(reason);
  return undefined;
}

/**
 * A Hubble endpoint as the contract describes it: `k8s:` labels without prefix and without the labels Cilium adds
 * (namespace name, policy cluster and service account); namespace labels apart; `reserved:` identities apart.
 */
function hubbleEndpoint(value: unknown, ip: string | undefined, side: string): FlowEndpoint | string {
  const endpoint: FlowEndpoint = {};
  if (ip) endpoint.ip = ip;
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
 * What makes two endpoint descriptions read alike: namespace, labels and first workload, when all are strings.
 * Anything odd gets no key and is read (and reported) on its own.
 */
function endpointKey(value: unknown): string | undefined {
  if (!isObject(value) || !Array.isArray(value.labels)) return undefined;
  const { namespace, labels, workloads } = value;
  if (namespace !== undefined && typeof namespace !== 'string') return undefined;
  if (!labels.every((label) => typeof label === 'string')) return undefined;
  let workload = '';
  if (workloads !== undefined) {
    const first: unknown = Array.isArray(workloads) ? workloads[0] : null;
    if (first !== undefined) {
      if (!isObject(first) || typeof first.name !== 'string') return undefined;
      if (first.kind !== undefined && typeof first.kind !== 'string') return undefined;
      workload = `${first.kind ?? ''}/${first.name}`;
    }
  }
  return `${namespace ?? ''}\u0001${workload}\u0001${labels.join('\u0001')}`;
}

function withAddress(endpoint: FlowEndpoint | string, ip: string | undefined): FlowEndpoint | string {
  if (typeof endpoint === 'string' || !ip || !identifiedByAddress(endpoint)) return endpoint;
  return { ...endpoint, ip };
}

const NAMESPACE_LABEL_PREFIX = 'io.cilium.k8s.namespace.labels.';
const POD_NAMESPACE_LABEL = 'io.kubernetes.pod.namespace';

/**
 * One name for the reserved identities of an endpoint. Anything beside `world` (host, remote-node, kube-apiserver,
 * health, ...) says it is not a pod, so those win and are joined when there are several.
 */
function reservedIdentity(names: string[]): string | undefined {
  if (names.length === 0) return undefined;
  const notWorld = names.filter((name) => name !== 'world');
  return notWorld.length === 0 ? 'world' : [...new Set(notWorld)].sort().join('+');
}

/**
 * A bounded map from 5-tuple to the aggregated flow it was counted in, forgetting the least recently seen first. Two
 * generations instead of an exact LRU: a Map used as an LRU (delete and re-insert on every hit) fills with deleted
 * slots that each eviction must step over, which made a million-line log spend seconds here. A tuple seen in either
 * generation is moved to the young one; when the young one is full, the old one (not seen since) is dropped whole,
 * so the last `capacity` tuples are always remembered and never more than twice that.
 */
class RecentConnections {
  private young = new Map<string, FlowEntry>();
  private old = new Map<string, FlowEntry>();

  constructor(private readonly capacity: number) {}

  get(tuple: string): FlowEntry | undefined {
    const entry = this.young.get(tuple);
    if (entry) return entry;
    const aged = this.old.get(tuple);
    if (aged) this.set(tuple, aged);
    return aged;
  }

  set(tuple: string, entry: FlowEntry): void {
    this.young.set(tuple, entry);
    if (this.young.size >= this.capacity) {
      this.old = this.young;
      this.young = new Map();
    }
  }
}
