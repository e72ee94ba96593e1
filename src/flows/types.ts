import type { Labels, Protocol } from '../model/types.js';

/** One side of a recorded flow, as the log describes it (never guessed). */
export interface FlowEndpoint {
  namespace?: string;
  /** Pod labels (for Hubble: `k8s:` labels without the prefix and without namespace labels). */
  labels?: Labels;
  /** Namespace labels when the log carries them (Hubble `io.cilium.k8s.namespace.labels.*`). */
  namespaceLabels?: Labels;
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
}
