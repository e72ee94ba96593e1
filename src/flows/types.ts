import type { Labels, Protocol } from '../model/types.js';

/** One side of a recorded flow, as the log describes it (never guessed). */
export interface FlowEndpoint {
  namespace?: string;
  /** Pod labels (for Hubble: `k8s:` labels without the prefix and without namespace labels). */
  labels?: Labels;
  /** Namespace labels when the log carries them (Hubble `io.cilium.k8s.namespace.labels.*`). */
  namespaceLabels?: Labels;
  /** The pod's service account when the log carries it (Hubble `io.cilium.k8s.policy.serviceaccount`). */
  serviceAccount?: string;
  /**
   * Owning workload when the log names it (Hubble `workloads`, native `workload`). Calico's `*_name_aggr` is a pod
   * name prefix (`coredns-576cbf47c7-*`), not a workload, so it is not used.
   */
  workload?: { kind?: string; name: string };
  /** Pod name. Aggregated flows leave it out: pod names churn with every rollout. */
  pod?: string;
  ip?: string;
  /** Non-pod identity such as `world`, `host`, `kube-apiserver` (Hubble `reserved:*`). */
  reserved?: string;
}

/** Cilium/Calico verdicts reduced to what the replay needs. */
export type FlowVerdict = 'allowed' | 'denied' | 'dropped-other' | 'audit';

export type FlowFormat = 'hubble' | 'calico' | 'native';

/** A policy the cluster names in a flow's attribution (Hubble `flow.proto` `Policy`: name, namespace, kind). */
export interface RecordedPolicy {
  /** As Cilium derives it (`io.cilium.k8s.policy.derived-from`): `CiliumNetworkPolicy`, `NetworkPolicy`, ... */
  kind?: string;
  /** Empty for a cluster-scoped policy (a CiliumClusterwideNetworkPolicy). */
  namespace?: string;
  name: string;
}

/**
 * What the cluster said decided one direction of a flow: the policies that allowed it (`ingress_allowed_by`,
 * `egress_allowed_by`) or those whose deny rules dropped it (`ingress_denied_by`, `egress_denied_by`).
 */
export interface RecordedAttribution {
  direction: 'ingress' | 'egress';
  action: 'allow' | 'deny';
  /** In the order the record gives them, at most `MAX_RECORDED_POLICIES`. */
  policies: RecordedPolicy[];
  /** Hubble `policy_match_type` by name (`L3-L4`, `L4-Only`, `all`, ...), when the record gives one. */
  match?: string;
}

/** One connection attempt as read from a log line, before aggregation. */
export interface FlowRecord {
  from: FlowEndpoint;
  to: FlowEndpoint;
  protocol: Protocol;
  port: number;
  verdict: FlowVerdict;
  /** Drop reason when the log gives one (e.g. `POLICY_DENIED`). */
  dropReason?: string;
  /**
   * The policies the cluster says decided the flow (Hubble policy verdict events); an aggregated flow keeps the first
   * `MAX_ATTRIBUTIONS_PER_FLOW` distinct ones of its records.
   */
  attribution?: RecordedAttribution[];
  /** How many connections this record stands for (native `count`, Calico `num_flows`), default 1. */
  count: number;
  /** ISO-8601 timestamps. */
  firstSeen?: string;
  lastSeen?: string;
}

/** Unique (from, to, protocol, port, verdict) with its count and time window. */
export interface AggregatedFlow extends FlowRecord {
  firstSeen?: string;
  lastSeen?: string;
}

export interface FlowReadStats {
  /** Records counted into flows (a native or Calico record may stand for several connections: see `count`). */
  records: number;
  /** Lines that were not flows of the format (corrupt, not JSON, wrong types). */
  skipped: number;
  /** Lines that were valid but not counted: replies, non-L4 records, duplicates of an observation point. */
  ignored: number;
  /** First few skipped lines as `file:line: reason`; line 0 is about the whole file (unreadable, too large). */
  skippedSamples: { file: string; line: number; reason: string }[];
  /** Records of connections left out because `maxDistinctFlows` distinct ones were already held. */
  cut?: number;
  /**
   * L7 records (Hubble `Type: L7`) read into {@link L7Records} only; absent when there were none. One that was the
   * first record of its connection counted the connection too, and is among `records` instead.
   */
  l7?: number;
  /** L7 records left out because a bound of {@link L7Records} was reached, by bound; absent when none was. */
  l7Cut?: L7Cut;
}

/**
 * What an L7 proxy (Cilium's Envoy or DNS proxy) recorded, aggregated like connections: memory grows with distinct
 * requests and names, never with lines. Each list is in a stable order and bounded (docs/limits.md).
 */
export interface L7Records {
  http: L7HttpRequest[];
  dnsLookups: DnsLookup[];
  dnsAnswers: DnsAnswer[];
}

/** The end points of a request the proxy saw: the connection it went over (from the client to the server). */
interface L7Connection {
  from: FlowEndpoint;
  to: FlowEndpoint;
  protocol: Protocol;
  /** The server's port. */
  port: number;
  /**
   * `allowed`: the proxy passed it (FORWARDED); `denied`: the proxy refused it (DROPPED: an L7 rule did not allow
   * it, e.g. HTTP 403 or DNS REFUSED); `dropped-other`: an error; `audit` as for connections.
   */
  verdict: FlowVerdict;
  /** Requests it stands for. */
  count: number;
  firstSeen?: string;
  lastSeen?: string;
}

/** HTTP requests (`l7.http` of `REQUEST` records) alike in connection, method, host and path. */
export interface L7HttpRequest extends L7Connection {
  /** As recorded (`GET`, `POST`, ...). */
  method: string;
  /** The URL's host (with its port when it names one), as the request gave it; absent when the URL has none. */
  host?: string;
  /** The URL's path without query string or fragment (`/reviews/0`); `/` when empty. */
  path: string;
  /** How many of the requests carried a query string (Envoy's `:path`, which Cilium's `path` rule matches, has it). */
  withQuery?: number;
}

/** DNS questions (`l7.dns` of `REQUEST` records) alike in connection and name. */
export interface DnsLookup extends L7Connection {
  /** Lower case, without the trailing dot (`api.github.com`). */
  query: string;
}

/**
 * The addresses DNS answers (`l7.dns` of `RESPONSE` records with `ips`) gave for one name, whoever asked: what
 * Cilium's DNS proxy learns and a `toFQDNs` selector then allows.
 */
export interface DnsAnswer {
  /** The question's name, lower case, without the trailing dot. */
  name: string;
  /** Distinct, in text order, the first `L7_BOUNDS.addressesPerName` seen. */
  addresses: string[];
  /** Answers read for the name. */
  count: number;
  firstSeen?: string;
  lastSeen?: string;
}

/** L7 records left out at a bound, by bound (each absent when none was). */
export interface L7Cut {
  /** Requests of further distinct HTTP requests, past `L7_BOUNDS.httpRequests`. */
  http?: number;
  /** Questions of further distinct lookups, past `L7_BOUNDS.dnsLookups`. */
  dnsLookups?: number;
  /** Answers for further names, past `L7_BOUNDS.dnsNames`. */
  dnsNames?: number;
  /** Addresses of a name past `L7_BOUNDS.addressesPerName`. */
  dnsAddresses?: number;
  /** Records whose method, host, path or name is longer than its bound. */
  tooLong?: number;
}
