import type { Labels, Protocol } from '../model/types.js';
import type { AggregatedFlow, FlowEndpoint, FlowRecord, FlowVerdict, RecordedAttribution } from './types.js';
import { compareText } from '../text/compare.js';
import { isPort } from './values.js';

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
  /** Distinct attributions of its records, by {@link attributionKey}, at most `MAX_ATTRIBUTIONS_PER_FLOW`. */
  attributions?: Map<string, RecordedAttribution>;
  count: number;
  firstMs?: number;
  lastMs?: number;
  /** Lines (records) that went into this entry. */
  records: number;
}

/**
 * Distinct attributions kept per aggregated flow: a connection is decided by a policy or two per direction, and the
 * records of one flow (every pod of two workloads) name the same ones; a log naming more must not grow memory.
 */
export const MAX_ATTRIBUTIONS_PER_FLOW = 4;

/** What identifies an attribution among those of one flow. */
function attributionKey(attribution: RecordedAttribution): string {
  return JSON.stringify([
    attribution.direction,
    attribution.action,
    attribution.match ?? '',
    attribution.policies.map((p) => [p.kind ?? '', p.namespace ?? '', p.name]),
  ]);
}

/** Adds attributions to an entry's, up to {@link MAX_ATTRIBUTIONS_PER_FLOW} distinct ones. */
export function addAttributions(entry: FlowEntry, attributions: Iterable<RecordedAttribution>): void {
  for (const attribution of attributions) {
    const kept = (entry.attributions ??= new Map());
    if (kept.size >= MAX_ATTRIBUTIONS_PER_FLOW) return;
    const key = attributionKey(attribution);
    if (!kept.has(key)) kept.set(key, attribution);
  }
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
  if (endpoint.serviceAccount !== undefined) identity.serviceAccount = endpoint.serviceAccount;
  if (endpoint.reserved !== undefined) identity.reserved = endpoint.reserved;
  if (endpoint.ip !== undefined && identifiedByAddress(endpoint)) identity.ip = endpoint.ip;
  const key = JSON.stringify(identity);
  // Namespace labels describe the namespace, which the name already identifies: carried along, not part of the key.
  const namespaceLabels = endpoint.namespaceLabels && sortedLabels(endpoint.namespaceLabels);
  return { endpoint: namespaceLabels ? { ...identity, namespaceLabels } : identity, key };
}

/**
 * Whether the IP is what identifies an endpoint: no labels or workload name it, and no identity but the world's
 * (alone, or beside kube-apiserver for an API server outside the cluster, which address rules match by it).
 */
export function identifiedByAddress(endpoint: FlowEndpoint): boolean {
  const labelled = endpoint.labels !== undefined && Object.keys(endpoint.labels).length > 0;
  return (
    !labelled &&
    !endpoint.workload &&
    (endpoint.reserved === undefined || endpoint.reserved.split('+').includes('world'))
  );
}

/** Labels in key order (so equal sets print and key alike); undefined for an empty set. */
function sortedLabels(labels: Labels): Labels | undefined {
  const entries = Object.entries(labels);
  if (entries.length === 0) return undefined;
  entries.sort(([a], [b]) => compareText(a, b));
  return Object.fromEntries(entries);
}

/** Identifies a connection (endpoints, protocol, port) whatever its verdict. */
export function connectionKey(flow: Pick<TimedFlow, 'from' | 'to' | 'protocol' | 'port'>): string {
  return `${canonicalEndpoint(flow.from).key}\u0000${canonicalEndpoint(flow.to).key}\u0000${flow.protocol}\u0000${flow.port}`;
}

/** An endpoint's canonical form, its key and a small number standing for that key within one aggregator. */
export interface CanonicalEndpoint {
  endpoint: FlowEndpoint;
  key: string;
  id: number;
}

/**
 * Sums flows into unique (from, to, protocol, port, verdict) with their count and time window while streaming, so
 * memory grows with distinct connections, not with lines.
 */
export class FlowAggregator {
  /** Records of new connections refused once `maxDistinct` are held: memory stays bounded, the loss is counted. */
  cut = 0;
  /** Every entry, with the ids of its two endpoints (which order the result). */
  private readonly entries: { entry: FlowEntry; from: number; to: number }[] = [];
  /**
   * The entries of each source endpoint (by id), by `destinationKey`: a record is looked up here for every line
   * counted, and a number is the cheapest key to hash and compare.
   */
  private readonly bySource: Map<number | string, FlowEntry>[] = [];
  /** Readers hand the same endpoint object for the same pod again and again: canonicalised once each. */
  private readonly canonical = new WeakMap<FlowEndpoint, CanonicalEndpoint>();
  private readonly endpointIds = new Map<string, number>();
  /** Each endpoint's key, by id. */
  private readonly endpointKeys: string[] = [];

  constructor(private readonly maxDistinct = Number.POSITIVE_INFINITY) {}

  /** Adds one record and returns the entry it went into (a reader may extend that entry's window later). */
  add(flow: TimedFlow): FlowEntry {
    const from = this.canonicalOf(flow.from);
    const to = this.canonicalOf(flow.to);
    const fromSource = (this.bySource[from.id] ??= new Map());
    const key = destinationKey(to.id, flow);
    let entry = fromSource.get(key);
    if (!entry && this.entries.length >= this.maxDistinct) {
      this.cut++;
      // Readers may extend the entry they get: this one is kept by nobody.
      return { ...flow, from: from.endpoint, to: to.endpoint, count: 0, records: 0 };
    }
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
      fromSource.set(key, entry);
      this.entries.push({ entry, from: from.id, to: to.id });
    }
    entry.count += flow.count;
    entry.records++;
    if (flow.dropReason !== undefined) (entry.dropReasons ??= new Set()).add(flow.dropReason);
    if (flow.attribution) addAttributions(entry, flow.attribution);
    extendWindow(entry, flow.firstMs, flow.lastMs);
    return entry;
  }

  /**
   * The endpoint's canonical form, key and id (see {@link canonicalEndpoint}); the same object for the same endpoint
   * object, so that whatever else is read of an endpoint (its L7 records) shares it.
   */
  canonicalOf(endpoint: FlowEndpoint): CanonicalEndpoint {
    let canonical = this.canonical.get(endpoint);
    if (!canonical) {
      const { endpoint: identity, key } = canonicalEndpoint(endpoint);
      let id = this.endpointIds.get(key);
      if (id === undefined) {
        id = this.endpointKeys.length;
        this.endpointIds.set(key, id);
        this.endpointKeys.push(key);
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
    if (other.attributions) addAttributions(entry, other.attributions.values());
  }

  *values(): IterableIterator<FlowEntry> {
    for (const { entry } of this.entries) yield entry;
  }

  /**
   * The aggregated flows in a stable order (by source and destination key, protocol, port as text, verdict) and the
   * window they span. The endpoints' keys are ranked once, so that sorting compares numbers where comparing keys
   * (long JSON texts sharing long prefixes) made the sort a tenth of a large read.
   */
  result(): { flows: AggregatedFlow[]; window?: { firstSeen: string; lastSeen: string } } {
    let first: number | undefined;
    let last: number | undefined;
    for (const { entry } of this.entries) {
      if (entry.records === 0) continue;
      if (entry.firstMs !== undefined && (first === undefined || entry.firstMs < first))
        first = entry.firstMs;
      if (entry.lastMs !== undefined && (last === undefined || entry.lastMs > last)) last = entry.lastMs;
    }
    // An entry whose only records were withdrawn (counted again under another verdict) stands for nothing.
    const kept = this.entries.filter(({ entry }) => entry.records > 0);
    const rank = new Int32Array(this.endpointKeys.length);
    this.endpointKeys
      .map((key, id) => ({ key, id }))
      .sort((a, b) => compareText(a.key, b.key))
      .forEach(({ id }, position) => (rank[id] = position));
    const ordered = kept.sort(
      (a, b) =>
        rank[a.from]! - rank[b.from]! ||
        rank[a.to]! - rank[b.to]! ||
        compareText(a.entry.protocol, b.entry.protocol) ||
        compareText(String(a.entry.port), String(b.entry.port)) ||
        compareText(a.entry.verdict, b.entry.verdict),
    );
    const flows = ordered.map(({ entry }) => toAggregatedFlow(entry));
    if (first === undefined || last === undefined) return { flows };
    return { flows, window: { firstSeen: isoTime(first), lastSeen: isoTime(last) } };
  }
}

const PROTOCOL_CODES: Readonly<Record<Protocol, number>> = { TCP: 0, UDP: 1, SCTP: 2 };
const VERDICT_CODES: Readonly<Record<FlowVerdict, number>> = {
  allowed: 0,
  denied: 1,
  'dropped-other': 2,
  audit: 3,
};

/**
 * Identifies (destination, protocol, port, verdict) among one source's flows: a number packing the four when the
 * port is a port, as every reader makes sure (exact below 2^53, which needs fewer than 2^33 endpoints); text
 * otherwise, which no number equals.
 */
function destinationKey(toId: number, flow: TimedFlow): number | string {
  const code = PROTOCOL_CODES[flow.protocol] * 4 + VERDICT_CODES[flow.verdict];
  if (isPort(flow.port)) return (toId * 65536 + flow.port) * 16 + code;
  return `${toId} ${flow.port} ${code}`;
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
  // In key order, so that the same records read in another order give the same flow.
  if (entry.attributions && entry.attributions.size > 0)
    flow.attribution = [...entry.attributions]
      .sort(([a], [b]) => compareText(a, b))
      .map(([, attribution]) => attribution);
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

/** Length of `YYYY-MM-DDTHH:MM`. */
const MINUTE_LENGTH = 16;

/**
 * {@link parseIsoTime} for the timestamps of one log, which come in order: the lines of one minute share their first
 * 16 characters, so that minute's epoch milliseconds are worked out once and each line's seconds and fraction
 * (`:SS[.fff...]Z`, the form Hubble writes) added to them. Any other form is parsed in full, with the same result.
 */
export class IsoTimeParser {
  private minute = '';
  private minuteMs = 0;

  parse(value: unknown): number | undefined {
    if (typeof value === 'string' && this.minute !== '' && value.startsWith(this.minute)) {
      const offset = offsetInMinute(value);
      if (offset !== undefined) return this.minuteMs + offset;
    }
    const ms = parseIsoTime(value);
    if (ms !== undefined) this.remember(value as string);
    return ms;
  }

  private remember(value: string): void {
    const minute = value.slice(0, MINUTE_LENGTH);
    // Hour 24 is only valid as 24:00:00, so seconds cannot be added to it.
    const minuteMs = minute.slice(11, 13) === '24' ? NaN : Date.parse(`${minute}:00Z`);
    if (Number.isNaN(minuteMs)) return;
    this.minute = minute;
    this.minuteMs = minuteMs;
  }
}

/**
 * Milliseconds after the minute of `:SS[.fraction]Z` at the end of a timestamp (seconds 00-59, a fraction of up to 9
 * digits cut to milliseconds as `Date.parse` does); undefined for any other ending.
 */
function offsetInMinute(value: string): number | undefined {
  const last = value.length - 1;
  if (value.charCodeAt(MINUTE_LENGTH) !== 0x3a /* : */ || value.charCodeAt(last) !== 0x5a /* Z */)
    return undefined;
  const tens = digitAt(value, MINUTE_LENGTH + 1);
  const units = digitAt(value, MINUTE_LENGTH + 2);
  if (tens === undefined || tens > 5 || units === undefined) return undefined;
  let ms = (tens * 10 + units) * 1000;
  const fraction = MINUTE_LENGTH + 3;
  if (fraction === last) return ms;
  // Date.parse reads more than 9 digits of a fraction its own way: those are left to it.
  const digits = last - fraction - 1;
  if (value.charCodeAt(fraction) !== 0x2e /* . */ || digits < 1 || digits > 9) return undefined;
  for (let index = fraction + 1, scale = 100; index < last; index++, scale /= 10) {
    const digit = digitAt(value, index);
    if (digit === undefined) return undefined;
    if (scale >= 1) ms += digit * scale;
  }
  return ms;
}

function digitAt(text: string, index: number): number | undefined {
  const digit = text.charCodeAt(index) - 0x30;
  return digit >= 0 && digit <= 9 ? digit : undefined;
}
