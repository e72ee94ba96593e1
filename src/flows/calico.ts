import type { Protocol } from '../model/types.js';
import { connectionKey, FlowAggregator, type TimedFlow } from './aggregate.js';
import type { FlowLineReader, FlowSink } from './sink.js';
import type { FlowEndpoint, FlowVerdict } from './types.js';
import { isObject, isPort, parseJsonLine, shown, splitLabel, type JsonObject } from './values.js';

const PROTOCOLS: Readonly<Record<string, Protocol>> = {
  tcp: 'TCP',
  udp: 'UDP',
  sctp: 'SCTP',
  '6': 'TCP',
  '17': 'UDP',
  '132': 'SCTP',
};

const ACTIONS: Readonly<Record<string, FlowVerdict>> = { allow: 'allowed', deny: 'denied' };

/** Calico endpoint types: `wep` workload (pod), `hep` host, `ns` network set, `net` network (`pub`/`pvt`). */
const ENDPOINT_TYPES = new Set(['wep', 'hep', 'ns', 'net']);

/**
 * Reads Calico Enterprise/Cloud flow logs (one JSON object per line). Both ends of a connection between two pods
 * report it (`reporter` `src` and `dst`), so it is counted once: the destination's report wins, because it alone
 * sees an ingress denial; the source's report is kept when it denied (the packet never reached the destination) or
 * when the destination did not report that connection at all (a peer outside Calico). The source's allowed reports
 * are therefore held back until every file was read: call `finish`.
 */
export class CalicoReader implements FlowLineReader {
  private readonly sourceAllowed = new FlowAggregator();
  private readonly destinationReported = new Set<string>();

  line(text: string, lineNumber: number, terminated: boolean, sink: FlowSink): void {
    const parsed = parseJsonLine(text, terminated);
    if ('reason' in parsed) {
      sink.skip(lineNumber, parsed.reason);
      return;
    }
    const record = readRecord(parsed.value);
    if (typeof record === 'string') {
      sink.skip(lineNumber, record);
    } else if (record === undefined) {
      sink.ignore();
    } else if (record.reporter === 'dst') {
      this.destinationReported.add(connectionKey(record.flow));
      sink.add(record.flow);
    } else if (record.flow.verdict !== 'allowed') {
      sink.add(record.flow);
    } else {
      sink.hold();
      this.sourceAllowed.add(record.flow);
    }
  }

  /** Settles the source-reported allowed flows once every file was read. */
  finish(sink: FlowSink): void {
    for (const entry of this.sourceAllowed.values()) {
      if (this.destinationReported.has(connectionKey(entry))) sink.ignore(entry.records);
      else sink.merge(entry);
    }
  }
}

/** A flow and its reporter; undefined for a valid record without ports (ICMP and the like); a reason otherwise. */
function readRecord(value: unknown): { flow: TimedFlow; reporter: 'src' | 'dst' } | string | undefined {
  if (!isObject(value)) return 'not a JSON object';
  if (typeof value.action !== 'string') return 'not a Calico flow log (no "action")';
  const verdict = ACTIONS[value.action];
  if (!verdict) return `unknown action ${shown(value.action)}`;
  const reporter = value.reporter;
  if (reporter !== 'src' && reporter !== 'dst') return `unknown reporter ${shown(reporter)}`;
  if (typeof value.proto !== 'string' && typeof value.proto !== 'number')
    return `proto ${shown(value.proto)} is not a protocol`;
  const protocol = PROTOCOLS[String(value.proto).toLowerCase()];
  if (!protocol) return undefined;
  if (!isPort(value.dest_port)) return `dest_port ${shown(value.dest_port)} is not a port`;
  const count = value.num_flows ?? 1;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0)
    return `num_flows ${shown(count)} is not a count`;
  const firstMs = unixSeconds(value.start_time);
  const lastMs = unixSeconds(value.end_time);
  if (firstMs === null) return `start_time ${shown(value.start_time)} is not Unix seconds`;
  if (lastMs === null) return `end_time ${shown(value.end_time)} is not Unix seconds`;
  const from = calicoEndpoint(value, 'source');
  if (typeof from === 'string') return from;
  const to = calicoEndpoint(value, 'dest');
  if (typeof to === 'string') return to;
  return { flow: { from, to, protocol, port: value.dest_port, verdict, count, firstMs, lastMs }, reporter };
}

/** Milliseconds of a Unix-seconds time; undefined when absent, null when not a time. */
function unixSeconds(value: unknown): number | undefined | null {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value * 1000 : null;
}

/**
 * One side of a Calico record. Only `wep` endpoints are pods: they keep namespace and labels. The aggregated pod name
 * (`coredns-576cbf47c7-*`) is a name prefix, not a workload, so it is not used. Hosts are `reserved: host`; network
 * sets and networks are outside the cluster, `reserved: world`, with their IP when the log kept it.
 */
function calicoEndpoint(record: JsonObject, side: 'source' | 'dest'): FlowEndpoint | string {
  const type = record[`${side}_type`];
  if (typeof type !== 'string' || !ENDPOINT_TYPES.has(type))
    return `${side}_type ${shown(type)} is not wep, hep, ns or net`;
  const endpoint: FlowEndpoint = {};
  const ip = record[`${side}_ip`];
  if (ip !== undefined && ip !== null) {
    if (typeof ip !== 'string') return `${side}_ip ${shown(ip)} is not a string`;
    endpoint.ip = ip;
  }
  if (type === 'hep') return { ...endpoint, reserved: 'host' };
  if (type !== 'wep') return { ...endpoint, reserved: 'world' };
  const namespace = record[`${side}_namespace`];
  if (typeof namespace !== 'string') return `${side}_namespace ${shown(namespace)} is not a string`;
  if (namespace !== '-' && namespace !== '') endpoint.namespace = namespace;
  const labels = readLabels(record[`${side}_labels`]);
  if (labels === undefined) return `${side}_labels is not {"labels": ["key=value", ...]}`;
  if (labels.length > 0) endpoint.labels = Object.fromEntries(labels);
  return endpoint;
}

/** `{"labels": ["k=v", ...]}`; null, absent or `-` when aggregation dropped them. Undefined when malformed. */
function readLabels(value: unknown): [string, string][] | undefined {
  if (value === undefined || value === null || value === '-') return [];
  if (!isObject(value)) return undefined;
  if (value.labels === undefined || value.labels === null) return [];
  if (!Array.isArray(value.labels)) return undefined;
  const labels: [string, string][] = [];
  for (const label of value.labels as unknown[]) {
    if (typeof label !== 'string') return undefined;
    labels.push(splitLabel(label));
  }
  return labels;
}
