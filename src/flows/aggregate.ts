import type { Labels, Protocol } from '../model/types.js';
import type { AggregatedFlow, FlowEndpoint, FlowRecord, FlowVerdict } from './types.js';

/**
 * A flow as a reader produces it: times are epoch milliseconds so that aggregation compares numbers, and ISO text is
 * made once per aggregated flow rather than once per line.
 */
export interface TimedFlow extends Omit<FlowRecord, 'firstSeen' | 'lastSeen'> {
  firstMs?: number;
  lastMs?: number;
}

/** One aggregated flow while reading. */
export interface FlowEntry {
  from: FlowEndpoint;
  to: FlowEndpoint;
  protocol: Protocol;
  port: number;
  verdict: FlowVerdict;
  dropReasons?: Set<string>;
  count: number;
  firstMs?: number;
  lastMs?: number;
  /** Lines (records) that went into this entry. */
  records: number;
}

/**
 * The endpoint reduced to what identifies it for matching, and a key for it. Pod names and pod IPs churn with every
 * rollout, so they are left out: flows of the same workload aggregate into one. The IP is kept only when nothing
 * more stable (labels, workload, a non-world identity) names the endpoint, and for `world`, where the IP is the
 * peer an ipBlock is about.
 */
export function canonicalEndpoint(endpoint: FlowEndpoint): { endpoint: FlowEndpoint; key: string } {
  const identity: FlowEndpoint = {};
  if (endpoint.namespace !== undefined) identity.namespace = endpoint.namespace;
  const labels = endpoint.labels && sortedLabels(endpoint.labels);
  if (labels) identity.labels = labels;
  if (endpoint.workload) {
    identity.workload =
      endpoint.workload.kind === undefined
        ? { name: endpoint.workload.name }
        : { kind: endpoint.workload.kind, name: endpoint.workload.name };
  }
  if (endpoint.reserved !== undefined) identity.reserved = endpoint.reserved;
  if (endpoint.ip !== undefined && identifiedByAddress(endpoint)) identity.ip = endpoint.ip;
  const key = JSON.stringify(identity);
  // Namespace labels describe the namespace, which the name already identifies: carried along, not part of the key.
  const namespaceLabels = endpoint.namespaceLabels && sortedLabels(endpoint.namespaceLabels);
  return { endpoint: namespaceLabels ? { ...identity, namespaceLabels } : identity, key };
}

/** Whether the IP is what identifies an endpoint: no labels, workload or non-world identity names it. */
export function identifiedByAddress(endpoint: FlowEndpoint): boolean {
  const labelled = endpoint.labels !== undefined && Object.keys(endpoint.labels).length > 0;
  return (
    !labelled && !endpoint.workload && (endpoint.reserved === undefined || endpoint.reserved === 'world')
  );
}

/** Labels in key order (so equal sets print and key alike); undefined for an empty set. */
function sortedLabels(labels: Labels): Labels | undefined {
  const entries = Object.entries(labels);
  if (entries.length === 0) return undefined;
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
}

/** Identifies a connection (endpoints, protocol, port) whatever its verdict. */
export function connectionKey(flow: Pick<TimedFlow, 'from' | 'to' | 'protocol' | 'port'>): string {
  return `${canonicalEndpoint(flow.from).key}\u0000${canonicalEndpoint(flow.to).key}\u0000${flow.protocol}\u0000${flow.port}`;
}

/** An endpoint's canonical form, its key and a small number standing for that key within one aggregator. */
interface CanonicalEndpoint {
  endpoint: FlowEndpoint;
  key: string;
  id: number;
}

/**
 * Sums flows into unique (from, to, protocol, port, verdict) with their count and time window while streaming, so
 * memory grows with distinct connections, not with lines.
 */
export class FlowAggregator {
  /** Keyed by endpoint ids (short keys are cheap to hash: a record is looked up here for every line counted). */
  private readonly entries = new Map<string, { entry: FlowEntry; order: string }>();
  /** Readers hand the same endpoint object for the same pod again and again: canonicalised once each. */
  private readonly canonical = new WeakMap<FlowEndpoint, CanonicalEndpoint>();
  private readonly endpointIds = new Map<string, number>();

  /** Adds one record and returns the entry it went into (a reader may extend that entry's window later). */
  add(flow: TimedFlow): FlowEntry {
    const from = this.canonicalOf(flow.from);
    const to = this.canonicalOf(flow.to);
    const key = `${from.id} ${to.id} ${flow.protocol} ${flow.port} ${flow.verdict}`;
    let entry = this.entries.get(key)?.entry;
    if (!entry) {
      entry = {
        from: from.endpoint,
        to: to.endpoint,
        protocol: flow.protocol,
        port: flow.port,
        verdict: flow.verdict,
        count: 0,
        records: 0,
      };
      const order = `${from.key}\u0000${to.key}\u0000${flow.protocol}\u0000${flow.port}\u0000${flow.verdict}`;
      this.entries.set(key, { entry, order });
    }
    entry.count += flow.count;
    entry.records++;
    if (flow.dropReason !== undefined) (entry.dropReasons ??= new Set()).add(flow.dropReason);
    extendWindow(entry, flow.firstMs, flow.lastMs);
    return entry;
  }

  private canonicalOf(endpoint: FlowEndpoint): CanonicalEndpoint {
    let canonical = this.canonical.get(endpoint);
    if (!canonical) {
      const { endpoint: identity, key } = canonicalEndpoint(endpoint);
      let id = this.endpointIds.get(key);
      if (id === undefined) {
        id = this.endpointIds.size;
        this.endpointIds.set(key, id);
      }
      canonical = { endpoint: identity, key, id };
      this.canonical.set(endpoint, canonical);
    }
    return canonical;
  }

  /** Adds an entry of another aggregator (for readers that settle some records only at the end). */
  merge(other: FlowEntry): void {
    const entry = this.add(other);
    entry.records += other.records - 1;
    for (const reason of other.dropReasons ?? []) (entry.dropReasons ??= new Set()).add(reason);
  }

  *values(): IterableIterator<FlowEntry> {
    for (const { entry } of this.entries.values()) yield entry;
  }

  /** The aggregated flows in a stable order (by endpoint, protocol, port, verdict) and the window they span. */
  result(): { flows: AggregatedFlow[]; window?: { firstSeen: string; lastSeen: string } } {
    let first: number | undefined;
    let last: number | undefined;
    const ordered: [string, AggregatedFlow][] = [];
    for (const { entry, order } of this.entries.values()) {
      if (entry.firstMs !== undefined && (first === undefined || entry.firstMs < first))
        first = entry.firstMs;
      if (entry.lastMs !== undefined && (last === undefined || entry.lastMs > last)) last = entry.lastMs;
      ordered.push([order, toAggregatedFlow(entry)]);
    }
    ordered.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const flows = ordered.map(([, flow]) => flow);
    if (first === undefined || last === undefined) return { flows };
    return { flows, window: { firstSeen: isoTime(first), lastSeen: isoTime(last) } };
  }
}

/** Widens an entry's window to include `[firstMs, lastMs]` (either may be missing). */
export function extendWindow(
  entry: FlowEntry,
  firstMs: number | undefined,
  lastMs: number | undefined,
): void {
  const start = firstMs ?? lastMs;
  const end = lastMs ?? firstMs;
  if (start !== undefined && (entry.firstMs === undefined || start < entry.firstMs)) entry.firstMs = start;
  if (end !== undefined && (entry.lastMs === undefined || end > entry.lastMs)) entry.lastMs = end;
}

function toAggregatedFlow(entry: FlowEntry): AggregatedFlow {
  const flow: AggregatedFlow = {
    from: entry.from,
    to: entry.to,
    protocol: entry.protocol,
    port: entry.port,
    verdict: entry.verdict,
    count: entry.count,
  };
  // Different records of one flow may give different reasons (e.g. POLICY_DENIED and POLICY_DENY): keep them all.
  if (entry.dropReasons) flow.dropReason = [...entry.dropReasons].sort().join(', ');
  if (entry.firstMs !== undefined) flow.firstSeen = isoTime(entry.firstMs);
  if (entry.lastMs !== undefined) flow.lastSeen = isoTime(entry.lastMs);
  return flow;
}

function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * Epoch milliseconds of an RFC 3339 / ISO-8601 date-time with a time zone (as Hubble, exporters and people write
 * them); undefined for anything else, including the loose forms `Date.parse` would also accept.
 */
export function parseIsoTime(value: unknown): number | undefined {
  if (typeof value !== 'string' || !ISO_DATE_TIME.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;
