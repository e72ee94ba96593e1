import type { ClusterModel, OpaqueResource, Workload } from '../../src/model/types.js';
import { REPRESENTATIVE_KIND } from '../../src/policy/representatives.js';
import { ConnSet } from '../../src/policy/portset.js';
import type { Connection, WorkloadPeer } from '../../src/policy/types.js';
import { toNpGuardList } from './np-guard-format.js';

/**
 * np-guard's exposure analysis assumes that any namespace may hold pods the manifests do not show, and that
 * namespaces may exist that they do not declare (`docs/exposure_analysis.md`). netpol-guard judges that per
 * namespace (`src/model/completeness.ts`); to compare its representative peers with np-guard's, the test states
 * np-guard's assumption as what netpol-guard would conclude from it: every namespace holds a resource that may
 * create pods, and the namespaces are not all declared.
 */
export function openWorld(model: ClusterModel): ClusterModel {
  const opaqueResources = new Map<string, OpaqueResource[]>();
  for (const namespace of model.namespaces.keys()) {
    opaqueResources.set(namespace, [
      {
        apiVersion: 'np-guard/assumption',
        kind: 'AnyPod',
        namespace,
        name: 'unknown',
        loc: { file: '', line: 0, column: 0 },
      },
    ]);
  }
  return { ...model, knowledge: { complete: false, namespacesDeclared: false, opaqueResources } };
}

/**
 * Writes the connectivity of a model with representative peers in the text of `netpol-analyzer list --exposure -o
 * txt` (README of fixtures/conformance/np-guard): the list of real workloads, then each workload's egress and
 * ingress exposure. np-guard's reporting conventions, which are about how exposure is printed and not what is
 * reachable:
 * - the connections with "any pod in any namespace" are `entire-cluster`; another representative is printed only
 *   where it gets ports that entire-cluster does not;
 * - a representative whose selectors are labels only (no expressions, neither of them empty) that a real pod
 *   matches is left out, its connections being that pod's (`removeRedundantRepresentativePeers`);
 * - a workload exposed to such pods (either way) has its external blocks of the list printed with them.
 */
export function toNpGuardExposure(model: ClusterModel, connections: readonly Connection[]): string[] {
  const isRepresentative = (peer: Connection['from']) => 'kind' in peer && peer.kind === REPRESENTATIVE_KIND;
  const real = connections.filter((c) => !isRepresentative(c.from) && !isRepresentative(c.to));
  const list = toNpGuardList(model, real);
  const representatives = model.workloads.filter((w) => w.kind === REPRESENTATIVE_KIND);
  const realWorkloads = model.workloads.filter((w) => w.kind !== REPRESENTATIVE_KIND);
  const hidden = new Set(
    representatives.filter((r) => shadowedByRealPod(r, realWorkloads, model)).map((r) => r.id),
  );

  const byPair = new Map<string, ConnSet>();
  for (const c of connections) {
    const [workload, other, arrow] = isRepresentative(c.to)
      ? [c.from, c.to, '=>']
      : isRepresentative(c.from)
        ? [c.to, c.from, '<=']
        : [undefined, undefined, ''];
    if (!workload || !other || isRepresentative(workload) || !('kind' in workload)) continue;
    const key = `${peerText(workload)}\t${arrow}\t${(other as WorkloadPeer).namespace}/${(other as WorkloadPeer).name}`;
    byPair.set(key, (byPair.get(key) ?? ConnSet.none()).union(ConnSet.of(c.protocol, c.ports)));
  }

  const external = { egress: [] as [string, string, string][], ingress: [] as [string, string, string][] };
  for (const line of list) {
    const match = /^(.*) => (.*) : (.*)$/.exec(line);
    if (!match) continue;
    const [, src, dst, ports] = match as unknown as [string, string, string, string];
    if (dst.endsWith('[External]')) external.egress.push([src, dst, ports]);
    else if (src.endsWith('[External]')) external.ingress.push([dst, src, ports]);
  }
  const egress: [string, string, string][] = [];
  const ingress: [string, string, string][] = [];
  for (const workload of realWorkloads) {
    const name = peerText(workload);
    const exposure = (['=>', '<='] as const).map((arrow) => {
      const exposed: [string, string, string][] = [];
      const cluster = byPair.get(`${name}\t${arrow}\t*/*`) ?? ConnSet.none();
      if (!cluster.isEmpty()) exposed.push([name, 'entire-cluster', String(cluster)]);
      for (const representative of representatives) {
        if (representative.namespace === '*' && representative.name === '*') continue;
        if (hidden.has(representative.id)) continue;
        const ports = byPair.get(`${name}\t${arrow}\t${representative.namespace}/${representative.name}`);
        if (!ports || ports.isEmpty() || ports.equals(cluster)) continue;
        exposed.push([name, representativeText(representative), String(ports)]);
      }
      return exposed;
    });
    // A workload exposed to pods outside the manifests has its external blocks listed with them, both ways.
    if (exposure.every((lines) => lines.length === 0)) continue;
    egress.push(...exposure[0]!, ...external.egress.filter(([w]) => w === name));
    ingress.push(...exposure[1]!, ...external.ingress.filter(([w]) => w === name));
  }
  const block = (lines: [string, string, string][], arrow: string) => {
    const width = Math.max(0, ...lines.map(([w]) => w.length));
    return lines
      .sort(([a, b], [c, d]) => (a < c ? -1 : a > c ? 1 : b < d ? -1 : b > d ? 1 : 0))
      .map(([w, peer, ports]) => `${w.padEnd(width)} \t${arrow} \t${peer} : ${ports}`);
  };
  const out = [...list];
  if (list.length > 0) out.push('');
  out.push('Exposure Analysis Result:');
  if (egress.length > 0) out.push('Egress Exposure:', ...block(egress, '=>'));
  if (egress.length > 0 && ingress.length > 0) out.push('');
  if (ingress.length > 0) out.push('Ingress Exposure:', ...block(ingress, '<='));
  return out;
}

function peerText(workload: { namespace: string; name: string; kind: string }): string {
  return `${workload.namespace}/${workload.name}[${workload.kind}]`;
}

interface ParsedSelector {
  labels: Record<string, string>;
  expressions: { key: string; operator: string; values: string[] }[];
}

/** A selector back from `selectorText` (`app=a,role notin (x,y),tier,!debug`). */
function parseSelector(text: string): ParsedSelector {
  const selector: ParsedSelector = { labels: {}, expressions: [] };
  if (text === '' || text === '*') return selector;
  for (const part of text.match(/[^,(]+(\([^)]*\))?/g) ?? []) {
    const expression = /^(\S+) (in|notin) \((.*)\)$/.exec(part);
    if (expression) {
      const [, key, operator, values] = expression as unknown as [string, string, string, string];
      selector.expressions.push({
        key,
        operator: operator === 'in' ? 'In' : 'NotIn',
        values: values.split(','),
      });
    } else if (part.startsWith('!')) {
      selector.expressions.push({ key: part.slice(1), operator: 'DoesNotExist', values: [] });
    } else if (part.includes('=')) {
      const at = part.indexOf('=');
      selector.labels[part.slice(0, at)] = part.slice(at + 1);
    } else selector.expressions.push({ key: part, operator: 'Exists', values: [] });
  }
  return selector;
}

/** np-guard's `writeLabelSelectorAsString`: labels as a Kubernetes selector, then Go-printed requirements, sorted. */
function npGuardSelector({ labels, expressions }: ParsedSelector): string {
  const parts = Object.keys(labels)
    .sort()
    .map((key) => `${key}=${labels[key]}`);
  const requirements = expressions
    .map(({ key, operator, values }) => `{Key:${key},Operator:${operator},Values:[${values.join(' ')}],}`)
    .sort();
  return [...parts, ...requirements].join(',');
}

function isEmpty(selector: ParsedSelector): boolean {
  return Object.keys(selector.labels).length === 0 && selector.expressions.length === 0;
}

function namespaceSelectorOf(representative: Workload): ParsedSelector | undefined {
  const { namespace } = representative;
  if (namespace === '*') return { labels: {}, expressions: [] };
  if (namespace.startsWith('*{')) return parseSelector(namespace.slice(2, -1));
  return undefined;
}

/** `[namespace with {env=prod}]/[pod with {app=db}]`, `hello-world/[all pods]`, `[all namespaces]/[...]`. */
function representativeText(representative: Workload): string {
  const namespaceSelector = namespaceSelectorOf(representative);
  const namespace = !namespaceSelector
    ? representative.namespace
    : isEmpty(namespaceSelector)
      ? '[all namespaces]'
      : `[namespace with {${npGuardSelector(namespaceSelector)}}]`;
  const pods = parseSelector(representative.name);
  return `${namespace}/${isEmpty(pods) ? '[all pods]' : `[pod with {${npGuardSelector(pods)}}]`}`;
}

/** np-guard drops a representative of labels-only selectors that a real pod (and its namespace) matches. */
function shadowedByRealPod(
  representative: Workload,
  workloads: readonly Workload[],
  model: ClusterModel,
): boolean {
  const pods = parseSelector(representative.name);
  const namespaceSelector = namespaceSelectorOf(representative);
  if (isEmpty(pods) || pods.expressions.length > 0) return false;
  if (namespaceSelector && (isEmpty(namespaceSelector) || namespaceSelector.expressions.length > 0))
    return false;
  const matches = (selector: Record<string, string>, labels: Record<string, string>) =>
    Object.entries(selector).every(([key, value]) => labels[key] === value);
  return workloads.some(
    (workload) =>
      matches(pods.labels, workload.labels) &&
      (namespaceSelector
        ? matches(namespaceSelector.labels, model.namespaces.get(workload.namespace)?.labels ?? {})
        : workload.namespace === representative.namespace),
  );
}
