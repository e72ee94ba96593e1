import type { FileReading, ManifestDocument } from './documents.js';
import { locationAt, makeLocator, sourceNodeAt, type SourceNode } from './positions.js';
import { policyKindOf, policyKindsNamed } from '../kinds/registry.js';
import { unanalysedKind, type UnanalysedKind, type UnanalysedPolicy } from '../kinds/unanalysed.js';
import type { LoadedObject } from './types.js';

/**
 * The kinds the analysis reads besides policies (`kinds/registry.ts`), with the API groups they belong to: a kind of
 * the same name in another group is another resource (a Knative `serving.knative.dev` Service has no pod selector)
 * and is only counted.
 */
const ANALYSED_KINDS: ReadonlyMap<string, readonly string[]> = new Map([
  ['Namespace', ['']],
  ['Pod', ['']],
  ['Service', ['']],
  ['ReplicationController', ['']],
  ['Deployment', ['apps', 'extensions']],
  ['StatefulSet', ['apps']],
  ['DaemonSet', ['apps', 'extensions']],
  ['ReplicaSet', ['apps', 'extensions']],
  ['Job', ['batch']],
  ['CronJob', ['batch']],
]);

/** Only policies and these kinds keep field positions: rules point into policies and services, not into workloads. */
const KINDS_WITH_FIELD_POSITIONS = new Set(['Service']);

/**
 * Whether a document of this kind needs its fields' positions read: the workloads and namespaces the analysis
 * reads keep their start only, whatever their API group. Every other kind keeps them (policies, services and the
 * items of lists need them; the rest are few).
 */
export function needsFieldPositions(kind: unknown): boolean {
  return typeof kind !== 'string' || !ANALYSED_KINDS.has(kind) || KINDS_WITH_FIELD_POSITIONS.has(kind);
}

/** What one file contributes to a LoadResult. */
export interface FileObjects {
  objects: LoadedObject[];
  skippedKinds: Map<string, number>;
  /** Network policies of kinds the engine does not evaluate, each also named in a diagnostic. */
  unanalysed: UnanalysedPolicy[];
  /** The `not-kubernetes` note is given once per file. */
  notKubernetesReported: boolean;
}

interface Candidate {
  value: unknown;
  node: SourceNode;
  /** `kind`/`apiVersion` that items of a typed list (`PodList`) leave out. */
  inherited?: { kind: string | undefined; apiVersion: string };
}

/** Turns one document into the objects the analysis uses, expanding lists and counting other kinds. */
export function collectObjects(document: ManifestDocument, reading: FileReading, into: FileObjects): void {
  collectCandidate({ value: document.value, node: document.root }, reading, into);
}

function collectCandidate(candidate: Candidate, reading: FileReading, into: FileObjects): void {
  const { node } = candidate;
  const offset = node.start ?? 0;
  // `---` with nothing after it: an empty document, as kubectl skips it.
  if (candidate.value === null || candidate.value === undefined) return;
  const written = plainObject(candidate.value);
  if (written === undefined) {
    noteNotKubernetes(describeShape(candidate.value), offset, reading, into);
    return;
  }
  const value = withInheritedType(written, candidate.inherited);
  const { kind, apiVersion } = value;
  if (typeof kind !== 'string' || kind === '' || typeof apiVersion !== 'string' || apiVersion === '') {
    noteNotKubernetes('a mapping without kind and apiVersion', offset, reading, into);
    return;
  }
  if (kind.endsWith('List') && Array.isArray(value['items'])) {
    const itemNodes = sourceNodeAt(node, ['items'])?.items;
    const itemKind = kind === 'List' ? undefined : kind.slice(0, -'List'.length);
    value['items'].forEach((item, index) => {
      const itemNode = itemNodes?.[index];
      collectCandidate(
        { value: item, node: itemNode ?? node, inherited: { kind: itemKind, apiVersion } },
        reading,
        into,
      );
    });
    return;
  }
  const groups = ANALYSED_KINDS.get(kind);
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  const policyKind = policyKindOf(apiVersion, kind);
  if (policyKind) {
    const object = loadedObject(value, kind, apiVersion, node, reading, true);
    if (object === undefined) return;
    const problems = policyKind.validate?.(object) ?? [];
    if (problems.length > 0) {
      for (const problem of problems) reading.diagnostics.push(problem);
      return;
    }
    into.objects.push(object);
    return;
  }
  const unanalysed = unanalysedKind(apiVersion, kind);
  if (unanalysed) {
    count(into.skippedKinds, `${kind} (${apiVersion})`);
    noteUnanalysed(value, kind, apiVersion, unanalysed, offset, reading, into);
    return;
  }
  const sameName = policyKindsNamed(kind);
  if (sameName.length > 0) {
    count(into.skippedKinds, `${kind} (${apiVersion})`);
    const read = sameName.map((candidate) => candidate.apiVersion).join(', ');
    const why = sameName.flatMap((candidate) => candidate.otherVersions ?? []);
    reading.diagnostics.push({
      severity: 'warning',
      code: 'unsupported-api-version',
      message:
        `${kind} with apiVersion ${JSON.stringify(apiVersion)} is not analysed: only ${read} ${plural(kind)} ` +
        `are${why.length > 0 ? ` (${why.join('; ')})` : ''}`,
      ...locationAt(reading.file, reading.lineCounter, offset),
    });
    return;
  }
  if (groups === undefined || !groups.includes(group)) {
    // A custom resource may make pods: the model decides (a known operator's, or its namespace is not fully known).
    // Kubernetes project APIs (`*.k8s.io`: CRDs, Gateway API, AdminNetworkPolicy) make none.
    if (isCustomGroup(group)) {
      const object = customResource(value, kind, apiVersion, node, reading);
      if (object) {
        into.objects.push(object);
        return;
      }
    }
  }
  if (groups === undefined) {
    count(into.skippedKinds, kind);
    return;
  }
  if (!groups.includes(group)) {
    count(into.skippedKinds, `${kind} (${apiVersion})`);
    return;
  }
  const object = loadedObject(value, kind, apiVersion, node, reading);
  if (object !== undefined) into.objects.push(object);
}

/** `NetworkPolicies`, `Services`. */
function plural(kind: string): string {
  return kind.endsWith('y') ? `${kind.slice(0, -1)}ies` : `${kind}s`;
}

/** Names a network policy the engine does not evaluate, where it is and which namespaces it may change. */
function noteUnanalysed(
  value: Record<string, unknown>,
  kind: string,
  apiVersion: string,
  about: UnanalysedKind,
  offset: number,
  reading: FileReading,
  into: FileObjects,
): void {
  const metadata = plainObject(value['metadata']);
  const name = typeof metadata?.['name'] === 'string' ? metadata['name'] : '(unnamed)';
  const written = metadata?.['namespace'];
  const namespace =
    !about.clusterScoped && typeof written === 'string' && written !== '' ? written : undefined;
  const at = locationAt(reading.file, reading.lineCounter, offset);
  into.unanalysed.push({
    apiVersion,
    kind,
    name,
    namespace,
    clusterScoped: about.clusterScoped,
    informational: about.informational === true,
    file: at.file,
    line: at.line,
  });
  const affects = about.clusterScoped
    ? 'it is cluster-scoped, so it may change traffic of pods in any namespace'
    : `it may change traffic of pods in namespace ${namespace ?? '(the one it is applied to: metadata.namespace is not set)'}`;
  reading.diagnostics.push({
    severity: about.informational ? 'info' : 'warning',
    code: 'policy-kind-not-analysed',
    message: about.informational
      ? `${about.product} ${kind} ${JSON.stringify(name)} (${apiVersion}) is an L7 authorization policy, which ` +
        `netpol-guard does not evaluate: connections it allows may still be refused at the proxy (${affects.replace('change traffic of', 'refuse requests to')})`
      : `${about.product} ${kind} ${JSON.stringify(name)} (${apiVersion}) is a network policy of a kind netpol-guard ` +
        `does not evaluate: reachability, explain and lint ignore it, and ${affects}`,
    ...at,
    resource: { kind, ...(namespace ? { namespace } : {}), name },
  });
}

/** Builds the LoadedObject, or reports why its metadata makes it unusable (then returns undefined). */
function loadedObject(
  value: Record<string, unknown>,
  kind: string,
  apiVersion: string,
  node: SourceNode,
  reading: FileReading,
  withFieldPositions = KINDS_WITH_FIELD_POSITIONS.has(kind),
): LoadedObject | undefined {
  const offset = node.start ?? 0;
  const loc = locationAt(reading.file, reading.lineCounter, offset);
  const metadata = plainObject(value['metadata']);
  const name = metadata?.['name'];
  const namespace = metadata?.['namespace'];
  for (const field of ['name', 'namespace'] as const) {
    const text = metadata?.[field];
    if (typeof text === 'string' && text.includes('{{')) {
      reading.templateOffsets.push(sourceNodeAt(node, ['metadata', field])?.start ?? offset);
      return undefined;
    }
  }
  const invalid = (message: string) => {
    reading.diagnostics.push({
      severity: 'error',
      code: 'invalid-metadata',
      message: `${kind}: ${message}`,
      ...loc,
    });
    return undefined;
  };
  if (typeof name !== 'string' || name === '') {
    return invalid(
      name === undefined || name === null
        ? 'metadata.name is missing, so the object cannot be analysed (a generateName is only resolved by the API server)'
        : `metadata.name must be a string, not ${describeShape(name)}; the object is not analysed`,
    );
  }
  if (namespace !== undefined && namespace !== null && typeof namespace !== 'string') {
    return invalid(
      `metadata.namespace of ${JSON.stringify(name)} must be a string; the object is not analysed`,
    );
  }
  const written = withFieldPositions
    ? { root: node, file: reading.file, lineCounter: reading.lineCounter }
    : undefined;
  return {
    apiVersion,
    kind,
    name,
    namespace: typeof namespace === 'string' && namespace !== '' ? namespace : undefined,
    value,
    loc,
    locate: makeLocator(loc, written),
  };
}

/**
 * A custom resource for the model, or undefined (then it is only counted) when its name or namespace is not plain
 * text (no name, as a `kustomization.yaml` has; a template): such an object never stops the run.
 */
function customResource(
  value: Record<string, unknown>,
  kind: string,
  apiVersion: string,
  node: SourceNode,
  reading: FileReading,
): LoadedObject | undefined {
  const metadata = plainObject(value['metadata']);
  const name = metadata?.['name'];
  const namespace = metadata?.['namespace'] ?? undefined;
  const plain = (text: unknown) => typeof text === 'string' && text !== '' && !text.includes('{{');
  if (!plain(name) || (namespace !== undefined && !plain(namespace))) return undefined;
  const loc = locationAt(reading.file, reading.lineCounter, node.start ?? 0);
  return {
    apiVersion,
    kind,
    name: name as string,
    namespace: namespace as string | undefined,
    value,
    loc,
    locate: makeLocator(loc, undefined),
    customResource: true,
  };
}

function isCustomGroup(group: string): boolean {
  return group.includes('.') && !group.endsWith('.k8s.io') && !group.endsWith('.x-k8s.io');
}

function withInheritedType(
  value: Record<string, unknown>,
  inherited: Candidate['inherited'],
): Record<string, unknown> {
  if (inherited === undefined || (value['kind'] !== undefined && value['apiVersion'] !== undefined))
    return value;
  return { apiVersion: inherited.apiVersion, kind: inherited.kind, ...value };
}

export const NOT_KUBERNETES = 'not-kubernetes';

function noteNotKubernetes(shape: string, offset: number, reading: FileReading, into: FileObjects): void {
  if (into.notKubernetesReported) return;
  into.notKubernetesReported = true;
  reading.diagnostics.push({
    severity: 'info',
    code: NOT_KUBERNETES,
    message:
      `not a Kubernetes manifest (${shape}, as in a docker-compose or Helm values file); ` +
      'such documents in this file are skipped',
    ...locationAt(reading.file, reading.lineCounter, offset),
  });
}

function plainObject(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function describeShape(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return `a ${typeof value}`;
}

function count(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}
