import { sameEntries } from '../collections.js';
import {
  NODE_ENTITIES,
  type ClusterModel,
  type Labels,
  type Service,
  type Workload,
} from '../model/types.js';
import { entityWorkload } from '../policy/entities.js';
import { keptLabels, labelFilterOf } from '../policy/identity.js';
import { cidrToRange, parseAddress, rangeContains, type IpRange } from '../policy/ip.js';
import type { FlowEndpoint } from './types.js';

/** A flow endpoint as the model sees it: one of its workloads, an address outside the cluster, or why neither. */
export type MatchedEndpoint = { workload: Workload } | { ip: string } | { unmatched: string };

export interface FlowMatcher {
  match(endpoint: FlowEndpoint): MatchedEndpoint;
}

export interface FlowMatcherOptions {
  /** The cluster's pod CIDRs: an address inside them is a pod, never the outside world. */
  podCidrs?: string[];
  /** The cluster's Service CIDRs: an address inside them is a Service, never the outside world. */
  serviceCidrs?: string[];
}

/**
 * Maps recorded flow endpoints onto a model's workloads, so flows can be replayed against its policies. It never
 * guesses: an endpoint that fits several workloads equally, or none, is `unmatched` with the reason, and the replay
 * reports it instead of judging it. Indexes are built once per model.
 */
export function createFlowMatcher(model: ClusterModel, options: FlowMatcherOptions = {}): FlowMatcher {
  const byNamespace = new Map<string, Workload[]>();
  const byIp = new Map<string, Workload[]>();
  for (const workload of model.workloads) {
    push(byNamespace, workload.namespace, workload);
    for (const ip of workload.ips) {
      const key = addressKey(ip);
      if (key !== undefined) push(byIp, key, workload);
    }
  }
  const serviceByIp = new Map<string, Service>();
  for (const service of model.services) {
    for (const ip of service.clusterIPs) {
      const key = addressKey(ip);
      if (key !== undefined && !serviceByIp.has(key)) serviceByIp.set(key, service);
    }
  }
  const podRanges = parseRanges(options.podCidrs);
  const serviceRanges = parseRanges(options.serviceCidrs);
  // Under Cilium a recorded endpoint's labels are its identity's (Hubble's), which hold only the labels Cilium's
  // label filter keeps: a pod's are compared as the filter leaves them (`policy/identity.ts`).
  const filter = labelFilterOf(model);
  const identities = new Map<Workload, Labels>();
  const identityOf = (workload: Workload): Labels => {
    if (!filter) return workload.labels;
    let labels = identities.get(workload);
    if (!labels) identities.set(workload, (labels = keptLabels(workload.labels, filter)));
    return labels;
  };

  function matchPod(namespace: string, endpoint: FlowEndpoint): MatchedEndpoint {
    const inNamespace = byNamespace.get(namespace) ?? [];
    const { labels, workload: named } = endpoint;
    // A workload without labels would be a subset of every pod: only its name or IP can identify its pods.
    let candidates = labels
      ? inNamespace.filter((w) => Object.keys(identityOf(w)).length > 0 && isSubset(identityOf(w), labels))
      : inNamespace;
    if (named) {
      const byName = candidates.filter(
        (w) => w.name === named.name && (!named.kind || w.kind === named.kind),
      );
      if (byName.length > 0) candidates = byName;
      else if (!labels) return { unmatched: `no workload ${workloadName(named)} in namespace ${namespace}` };
    }
    if (candidates.length === 0) {
      return {
        unmatched: `no workload in namespace ${namespace} has a subset of the labels ${formatLabels(labels)}`,
      };
    }
    if (candidates.length === 1) return { workload: candidates[0] as Workload };
    const longest = Math.max(...candidates.map((w) => Object.keys(identityOf(w)).length));
    const best = candidates.filter((w) => Object.keys(identityOf(w)).length === longest);
    if (best.length === 1) return { workload: best[0] as Workload };
    return { unmatched: `ambiguous: ${best.map(workloadName).sort().join(', ')}` };
  }

  function matchService(service: Service): MatchedEndpoint {
    const name = `Service ${service.namespace}/${service.name}`;
    const selector = service.selector;
    if (!selector || Object.keys(selector).length === 0) return { unmatched: `${name} has no selector` };
    const selected = (byNamespace.get(service.namespace) ?? []).filter((w) => isSubset(selector, w.labels));
    const [first] = selected;
    if (!first) return { unmatched: `${name} selects no workload` };
    // Workloads with the same labels are one peer for every policy, so any of them stands for all.
    if (selected.every((w) => sameEntries(w.labels, first.labels))) return { workload: first };
    return { unmatched: `ambiguous: ${name} selects ${selected.map(workloadName).sort().join(', ')}` };
  }

  function matchIp(ip: string): MatchedEndpoint {
    const address = addressToRangeKey(ip);
    if (!address) return { unmatched: `${ip} is not an IP address` };
    const service = serviceByIp.get(address.key);
    if (service) return matchService(service);
    const workloads = byIp.get(address.key) ?? [];
    if (workloads.length === 1) return { workload: workloads[0] as Workload };
    if (workloads.length > 1)
      return { unmatched: `ambiguous: ${ip} is stated by ${workloads.map(workloadName).join(', ')}` };
    if (podRanges.some((range) => rangeContains(range, address.range))) {
      return { unmatched: `${ip} is in the pod CIDRs but no workload states it` };
    }
    if (serviceRanges.some((range) => rangeContains(range, address.range))) {
      return { unmatched: `${ip} is in the Service CIDRs but no Service has it as ClusterIP` };
    }
    return { ip };
  }

  // Cilium's node-side identities are entity peers (`policy/entities.ts`), the model's own where it has them.
  const entities = new Map(model.workloads.flatMap((w) => (w.entities ? [[w.id, w]] : [])));
  function matchEntity(reserved: string, ip: string | undefined): MatchedEndpoint {
    const names = reserved.split('+');
    // Calico's host endpoints are hosts too, but entities are Cilium's peers: its policies have none.
    const named = model.cni === 'calico' ? [] : NODE_ENTITIES.filter((entity) => names.includes(entity));
    if (named.length === 0) return { unmatched: `reserved:${reserved} is not a pod` };
    // Hubble says world beside kube-apiserver for an API server outside the cluster, reached at its address.
    const workload = entityWorkload(named, names.includes('world') && ip ? { ip } : undefined);
    const known = entities.get(workload.id);
    if (known) return { workload: known };
    entities.set(workload.id, workload);
    return { workload };
  }

  return {
    match(endpoint) {
      const { reserved, namespace, ip } = endpoint;
      if (reserved === 'world')
        return ip ? matchIp(ip) : { unmatched: 'reserved:world without an IP address' };
      if (reserved !== undefined) return matchEntity(reserved, ip);
      if (endpoint.labels || endpoint.workload) {
        if (namespace === undefined) return { unmatched: 'pod without a namespace' };
        return matchPod(namespace, endpoint);
      }
      if (ip) return matchIp(ip);
      if (namespace !== undefined)
        return { unmatched: `only the namespace ${namespace} is known (no labels, workload or IP)` };
      return { unmatched: 'no namespace, labels or IP' };
    },
  };
}

/** Whether every label of `subset` is in `labels` with the same value. */
function isSubset(subset: Labels, labels: Labels): boolean {
  return Object.entries(subset).every(([key, value]) => Object.hasOwn(labels, key) && labels[key] === value);
}

function workloadName(workload: { kind?: string; name: string }): string {
  return workload.kind ? `${workload.kind}/${workload.name}` : workload.name;
}

function formatLabels(labels: Labels | undefined): string {
  const entries = Object.entries(labels ?? {});
  return entries.length === 0 ? '(none)' : entries.map(([key, value]) => `${key}=${value}`).join(',');
}

/** Addresses compared by value, so `fd00::a` and `fd00:0::a` are one. */
function addressToRangeKey(ip: string): { key: string; range: IpRange } | undefined {
  const address = parseAddress(ip);
  if (!address) return undefined;
  return {
    key: `${address.family}/${address.value}`,
    range: { family: address.family, start: address.value, end: address.value },
  };
}

function addressKey(ip: string): string | undefined {
  return addressToRangeKey(ip)?.key;
}

function parseRanges(cidrs: readonly string[] | undefined): IpRange[] {
  return (cidrs ?? []).flatMap((cidr) => cidrToRange(cidr) ?? []);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
