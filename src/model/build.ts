import { pushTo, sameEntries } from '../collections.js';
import type { Diagnostic, FieldPath, LoadedObject, SourceLocation } from '../manifests/types.js';
import { dnsLabelProblem, dnsSubdomainProblem } from '../manifests/syntax.js';
import { resolveServices } from '../kinds/cilium/services.js';
import { policyKindOf } from '../kinds/registry.js';
import type { PolicyKind } from '../kinds/types.js';
import {
  CILIUM_DEFAULTS,
  CILIUM_UNIMPLEMENTED_KINDS,
  cniEnforcesKind,
  type CiliumSettings,
  type Cni,
} from './cni.js';
import { FieldReader } from './fields.js';
import { namespacesDeclared } from './completeness.js';
import { isInert, podMakerFor } from './operators/index.js';
import {
  PROTOCOLS,
  type ClusterModel,
  type Labels,
  type Namespace,
  type NetworkPolicy,
  type OpaqueResource,
  type Protocol,
  type Service,
  type ServicePort,
  type TieredPolicy,
  type Workload,
} from './types.js';
import { foldOwnedPods, isWorkloadKind, readWorkload, workloadId } from './workloads.js';
import { noun } from '../text/plural.js';

/** The label every namespace carries, set by the API server from the name. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

export interface BuildModelOptions {
  /** Namespace of objects that do not state one, as `kubectl apply` without `-n` would do (default `default`). */
  defaultNamespace?: string;
  /** Labels of namespaces that live outside the repository, so namespaceSelectors can match them. */
  namespaceLabels?: Record<string, Labels>;
  /** The repository holds the whole cluster (config `complete: true`). */
  complete?: boolean;
  /** Workloads that live outside the repository (config `workloads:`), placed at `loc` (the config file). */
  outsideWorkloads?: readonly (Pick<Workload, 'namespace' | 'kind' | 'name' | 'labels' | 'ports'> & {
    loc: SourceLocation;
  })[];
  /** Whose semantics the engine follows where the specs leave them open (default `generic`; `model/cni.ts`). */
  cni?: Cni;
  /** Cilium's agent settings (config `cilium:`), for `cni: cilium`; default Cilium's own. */
  cilium?: CiliumSettings;
}

/**
 * Turns loaded objects into the cluster model the engine and the rules work on: namespaces (declared, referenced
 * or configured), workloads (Pods folded into their controller), Services and NetworkPolicies. Odd fields become
 * diagnostics with file and line; everything else is still modelled.
 */
export function buildModel(
  objects: readonly LoadedObject[],
  options: BuildModelOptions = {},
): { model: ClusterModel; diagnostics: Diagnostic[] } {
  const defaultNamespace = options.defaultNamespace ?? 'default';
  const diagnostics: Diagnostic[] = [];
  const declaredNamespaces = new Map<string, Namespace>();
  const workloads = new Map<string, Workload>();
  const ownedPods = new Map<
    string,
    { namespace: string; owner: { kind: string; name: string }; pods: Workload[] }
  >();
  const services = new Map<string, Service>();
  const policies = new Map<string, NetworkPolicy>();
  const customResources: LoadedObject[] = [];
  const unplaced: LoadedObject[] = [];
  const tieredPolicies = new Map<
    string,
    { policy: TieredPolicy; more: readonly TieredPolicy[]; loc: SourceLocation }
  >();

  // The first declaration is kept: a later copy is most likely a leftover, and which one wins must be visible.
  const addUnique = <T extends { loc?: SourceLocation }>(
    map: Map<string, T>,
    key: string,
    item: T,
    reader: FieldReader,
  ) => {
    const first = map.get(key);
    if (!first) map.set(key, item);
    else {
      const where = first.loc ? ` (first at ${first.loc.file}:${first.loc.line})` : '';
      reader.report([], `is declared twice${where}; this copy is ignored`, 'warning', 'duplicate-object');
    }
  };

  // Each kind reads its objects into one of the model's two forms (see `kinds/types.ts`).
  const addPolicy = (
    kind: PolicyKind,
    object: LoadedObject,
    namespace: string | undefined,
    reader: FieldReader,
  ) => {
    if (kind.form === 'network-policy') {
      const policy = readOnce(policiesRead, object, namespace, diagnostics, (own) =>
        kind.read(own, namespace),
      );
      if (policy) addUnique(policies, policy.id, policy, reader);
      return;
    }
    const read = readOnce(tieredRead, object, namespace, diagnostics, (own) => kind.read(own, namespace));
    if (read === undefined) return;
    const [first, ...more] = Array.isArray(read) ? read : [read as TieredPolicy];
    if (!first) return;
    const key = `${first.ref.kind}/${first.ref.namespace ?? ''}/${first.ref.name}`;
    addUnique(tieredPolicies, key, { policy: first, more, loc: object.loc }, reader);
  };

  for (const object of objects) {
    const reader = new FieldReader(object, diagnostics);
    if (object.kind === 'Namespace') {
      if (!validName(reader, ['metadata', 'name'], object.name, dnsLabelProblem)) continue;
      const namespace: Namespace = {
        name: object.name,
        labels: namespaceLabels(object.name, reader.stringMap(['metadata', 'labels'])),
        inferred: false,
        annotations: reader.stringMap(['metadata', 'annotations']),
        loc: object.loc,
      };
      // The same Namespace in two builds of a tree (a bootstrap kustomization and the GitOps one) is one object
      // applied twice: nothing of it is ignored, so nothing is said.
      const first = declaredNamespaces.get(object.name);
      if (
        first &&
        sameEntries(first.labels, namespace.labels) &&
        sameEntries(first.annotations, namespace.annotations)
      )
        continue;
      addUnique(declaredNamespaces, object.name, namespace, reader);
      continue;
    }
    if (object.customResource) {
      customResources.push(object);
      continue;
    }
    const policyKind = policyKindOf(object.apiVersion, object.kind);
    if (policyKind && !policyKind.namespaced) {
      // Cluster-scoped: a metadata.namespace is ignored, as the API server ignores it.
      addPolicy(policyKind, object, undefined, reader);
      continue;
    }
    if (!policyKind && !isWorkloadKind(object.kind) && object.kind !== 'Service') continue;

    const namespace = object.namespace ?? defaultNamespace;
    if (object.namespace === undefined) unplaced.push(object);
    if (policyKind) {
      addPolicy(policyKind, object, namespace, reader);
      continue;
    }
    // Policies validate their own names (see the kinds); a workload or Service the API server would refuse is
    // never analysed, so a hostile name cannot pose as another object.
    if (
      object.namespace !== undefined &&
      !validName(reader, ['metadata', 'namespace'], object.namespace, dnsLabelProblem)
    )
      continue;
    if (
      object.kind !== 'Service' &&
      !validName(reader, ['metadata', 'name'], object.name, dnsSubdomainProblem)
    )
      continue;
    if (object.kind === 'Service') {
      addUnique(services, `${namespace}/${object.name}`, readService(reader, namespace), reader);
    } else {
      const { workload, owner } = readOnce(workloadsRead, object, namespace, diagnostics, (own) =>
        readWorkload(own, namespace),
      );
      if (!owner) {
        addUnique(workloads, workload.id, workload, reader);
        continue;
      }
      const key = workloadId(namespace, owner.kind, owner.name);
      const group = ownedPods.get(key) ?? { namespace, owner, pods: [] };
      group.pods.push(workload);
      ownedPods.set(key, group);
    }
  }

  for (const [id, { namespace, owner, pods }] of ownedPods) {
    const folded = foldOwnedPods(namespace, owner, pods);
    const declared = workloads.get(id);
    if (declared) {
      // The controller's own manifest describes the pods; the Pods add only the addresses they run at. A copy:
      // the declared workload may be shared with the other side of a comparison.
      workloads.set(id, { ...declared, ips: [...new Set([...declared.ips, ...folded.workload.ips])] });
      continue;
    }
    workloads.set(id, folded.workload);
    if (folded.differingLabels.length > 0) {
      const { file, line, column } = folded.workload.loc;
      diagnostics.push({
        severity: 'warning',
        code: 'owner-labels-differ',
        message: `Pods of ${owner.kind} ${owner.name} have different values for label(s) ${folded.differingLabels.join(', ')}; the analysis uses the labels of pod ${pods.map((p) => p.name).sort()[0]}`,
        file,
        line,
        column,
        resource: { kind: owner.kind, namespace, name: owner.name },
      });
    }
  }

  for (const { namespace, kind, name, labels, ports, loc } of options.outsideWorkloads ?? []) {
    const id = workloadId(namespace, kind, name);
    // The repository's own manifest, when there is one, says more than the config.
    if (!workloads.has(id))
      workloads.set(id, { id, namespace, kind, name, labels, ports, ips: [], loc, madeBy: 'the config' });
  }

  if (unplaced.length > 0) diagnostics.push(defaultNamespaceDiagnostic(unplaced, defaultNamespace));

  const opaqueResources = addOperatorMade(customResources, defaultNamespace, {
    workloads,
    declaredNamespaces,
    diagnostics,
  });

  const model: ClusterModel = {
    namespaces: collectNamespaces(declaredNamespaces, options.namespaceLabels ?? {}, [
      ...[...workloads.values()].map((w) => w.namespace),
      ...[...services.values()].map((s) => s.namespace),
      ...[...policies.values()].map((p) => p.namespace),
      ...[...tieredPolicies.values()].flatMap(({ policy }) => policy.ref.namespace ?? []),
    ]),
    workloads: [...workloads.values()],
    services: [...services.values()],
    policies: [...policies.values()],
    tieredPolicies: [...tieredPolicies.values()]
      .flatMap((entry) => [entry.policy, ...entry.more])
      .map((policy) => resolveServices(policy, [...services.values()], diagnostics)),
    cni: options.cni ?? 'generic',
    ...(options.cni === 'cilium' ? { cilium: options.cilium ?? CILIUM_DEFAULTS } : {}),
  };
  for (const { policy, loc } of tieredPolicies.values()) {
    if (cniEnforcesKind(model, policy.ref.kind)) continue;
    diagnostics.push({
      severity: 'warning',
      code: 'not-evaluated',
      message: CILIUM_UNIMPLEMENTED_KINDS.includes(policy.ref.kind)
        ? `Cilium does not implement ${policy.ref.kind} (policy.networking.k8s.io/v1alpha1; it enforces ` +
          'ClusterNetworkPolicy v1alpha2 with enable-k8s-cluster-network-policy instead): under cni: cilium the ' +
          'analysis leaves it out, as the cluster does'
        : `Cilium enforces ${policy.ref.kind} only with enable-k8s-cluster-network-policy (off by default): the ` +
          'analysis leaves it out. Set cilium.clusterNetworkPolicy: true in .netpol-guard.yaml if the cluster enables it',
      file: loc.file,
      line: loc.line,
      column: loc.column,
      resource: { kind: policy.ref.kind, name: policy.ref.name },
    });
  }
  model.knowledge = {
    complete: options.complete ?? false,
    namespacesDeclared: namespacesDeclared(model, new Set(Object.keys(options.namespaceLabels ?? {}))),
    opaqueResources,
  };
  return { model, diagnostics };
}

/**
 * Adds the workloads and namespaces that well-known operators make from the custom resources (src/model/operators),
 * unless the tree states them itself (a cluster dump holds the StatefulSet too). Returns, by namespace, the custom
 * resources that may make pods the model cannot see; one diagnostic lists them.
 */
function addOperatorMade(
  resources: readonly LoadedObject[],
  defaultNamespace: string,
  into: {
    workloads: Map<string, Workload>;
    declaredNamespaces: Map<string, Namespace>;
    diagnostics: Diagnostic[];
  },
): Map<string, OpaqueResource[]> {
  const opaque = new Map<string, OpaqueResource[]>();
  for (const object of resources) {
    const group = object.apiVersion.includes('/')
      ? object.apiVersion.slice(0, object.apiVersion.indexOf('/'))
      : '';
    const maker = podMakerFor(group, object.kind);
    let namespace = object.namespace ?? defaultNamespace;
    if (!maker) {
      if (!isInert(group, object.kind)) pushTo(opaque, namespace, opaqueResource(object, namespace));
      continue;
    }
    const reader = new FieldReader(object, into.diagnostics);
    const made = maker.namespace?.(reader);
    if (made) {
      namespace = made.name;
      if (!into.declaredNamespaces.has(made.name)) {
        into.declaredNamespaces.set(made.name, {
          name: made.name,
          labels: namespaceLabels(made.name, made.labels),
          inferred: false,
          loc: object.loc,
        });
      }
    }
    const workloads = maker.workloads(reader);
    if (!workloads) {
      pushTo(opaque, namespace, opaqueResource(object, namespace));
      continue;
    }
    for (const { kind, name, labels, ports, serviceAccount } of workloads) {
      const id = workloadId(namespace, kind, name);
      if (into.workloads.has(id)) continue;
      const madeBy = `${object.kind} ${object.name}`;
      into.workloads.set(id, {
        id,
        namespace,
        kind,
        name,
        labels,
        ports,
        ...(serviceAccount !== undefined ? { serviceAccount } : {}),
        ips: [],
        loc: object.loc,
        madeBy,
      });
    }
  }
  if (opaque.size > 0) into.diagnostics.push(opaqueDiagnostic(opaque));
  return opaque;
}

/**
 * One note for every object without a namespace: a repository of namespace-less manifests (applied with `-n` or a
 * kustomization's `namespace:`) holds dozens, and one line per object buries everything else.
 */
function defaultNamespaceDiagnostic(unplaced: readonly LoadedObject[], namespace: string): Diagnostic {
  const first = unplaced[0]!;
  const names = unplaced.slice(0, 3).map(({ kind, name }) => `${kind} ${name}`);
  const more = unplaced.length > names.length ? ` and ${unplaced.length - names.length} more` : '';
  const count = unplaced.length;
  return {
    severity: 'info',
    code: 'default-namespace',
    message:
      `${count} ${noun(count, 'object has', 'objects have')} no metadata.namespace (${names.join(', ')}${more}); ` +
      `${noun(count, 'it is', 'they are')} analysed in namespace "${namespace}", where \`kubectl apply\` ` +
      `without \`-n\` creates ${noun(count, 'it', 'them')} (config \`defaultNamespace\` names another)`,
    file: first.loc.file,
    line: first.loc.line,
    column: first.loc.column,
  };
}

function opaqueResource(object: LoadedObject, namespace: string): OpaqueResource {
  const { apiVersion, kind, name, loc } = object;
  return { apiVersion, kind, name, namespace, loc };
}

/** One note for all the custom resources whose pods are unknown, naming a few. */
function opaqueDiagnostic(opaque: ReadonlyMap<string, readonly OpaqueResource[]>): Diagnostic {
  const first = [...opaque.values()][0]![0]!;
  // A repository of several clusters declares one resource in each: name it once.
  const all = [
    ...new Set(
      [...opaque.values()].flat().map(({ kind, namespace, name }) => `${kind} ${namespace}/${name}`),
    ),
  ];
  const names = all.slice(0, 5);
  const more = all.length > names.length ? ` and ${all.length - names.length} more` : '';
  const namespaces = [...opaque.keys()].sort();
  const shownNamespaces = namespaces.slice(0, 5).join(', ') + (namespaces.length > 5 ? ', ...' : '');
  return {
    severity: 'info',
    code: 'unknown-pods',
    message:
      `${all.length} ${noun(all.length, 'custom resource')} may create pods this tree does not show ` +
      `(${names.join(', ')}${more}), so the pods of ${noun(namespaces.length, 'namespace')} ` +
      `${shownNamespaces} are not fully known and no rule says a selector there matches nothing. Declare such ` +
      'pods under `workloads:` in .netpol-guard.yaml (docs/partial-trees.md)',
    file: first.loc.file,
    line: first.loc.line,
    column: first.loc.column,
  };
}

/**
 * Whether a name passes the API server's check; when not, an error at its line says the object is not analysed
 * (the check fails closed on it, as on any input it could not read).
 */
function validName(
  reader: FieldReader,
  path: FieldPath,
  name: string,
  problemOf: (name: string) => string | undefined,
): boolean {
  const problem = problemOf(name);
  if (problem === undefined) return true;
  reader.report(
    path,
    // The diagnostic starts with the object's name already; a namespace is quoted.
    `${path.join('.')}${path.at(-1) === 'namespace' ? ` ${JSON.stringify(name)}` : ''} ${problem}; ` +
      'the API server would reject this object, so it is not analysed',
    'error',
    'invalid-name',
  );
  return false;
}

/**
 * What a loaded object gives the model (a NetworkPolicy, a workload), read once per object and namespace: the two
 * sides of a comparison share the objects of every file the change leaves alone (see `ParseCache`), so they share
 * what is read from them, and with it each compiled policy and everything worked out about a policy or a pod.
 * Model objects are never changed once read. The reading's diagnostics are given to each side.
 */
function readOnce<T>(
  cache: WeakMap<LoadedObject, Reading<T>>,
  object: LoadedObject,
  namespace: string | undefined,
  diagnostics: Diagnostic[],
  read: (reader: FieldReader) => T,
): T {
  let reading = cache.get(object);
  if (reading === undefined || reading.namespace !== namespace) {
    const own: Diagnostic[] = [];
    reading = { namespace, value: read(new FieldReader(object, own)), diagnostics: own };
    cache.set(object, reading);
  }
  for (const diagnostic of reading.diagnostics) diagnostics.push(diagnostic);
  return reading.value;
}

interface Reading<T> {
  namespace: string | undefined;
  value: T;
  diagnostics: readonly Diagnostic[];
}

const policiesRead = new WeakMap<LoadedObject, Reading<NetworkPolicy | undefined>>();
const tieredRead = new WeakMap<LoadedObject, Reading<TieredPolicy | readonly TieredPolicy[] | undefined>>();
const workloadsRead = new WeakMap<LoadedObject, Reading<ReturnType<typeof readWorkload>>>();

function namespaceLabels(name: string, declared: Labels): Labels {
  return { ...declared, [NAMESPACE_NAME_LABEL]: name };
}

/** A namespace's labels; one the model does not know carries only its name label, as the API server sets it. */
export function namespaceLabelsOf(model: ClusterModel, namespace: string): Labels {
  return model.namespaces.get(namespace)?.labels ?? { [NAMESPACE_NAME_LABEL]: namespace };
}

/**
 * Declared namespaces, then namespaces that only configuration names, then those only objects refer to (which carry
 * just the name label). Configured labels add to declared ones; a manifest's own value wins on a conflict.
 */
function collectNamespaces(
  declared: ReadonlyMap<string, Namespace>,
  configured: Readonly<Record<string, Labels>>,
  referenced: readonly string[],
): Map<string, Namespace> {
  const namespaces = new Map<string, Namespace>();
  // Every object names its namespace: sorting the distinct names, not the thousands of references, is enough.
  for (const name of [...new Set([...declared.keys(), ...Object.keys(configured), ...referenced])].sort()) {
    const own = declared.get(name);
    const labels = namespaceLabels(name, { ...configured[name], ...own?.labels });
    namespaces.set(name, own ? { ...own, labels } : { name, labels, inferred: true });
  }
  return namespaces;
}

function readService(reader: FieldReader, namespace: string): Service {
  const selector =
    reader.get(['spec', 'selector']) === undefined ? undefined : reader.stringMap(['spec', 'selector']);
  const clusterIPs = new Set<string>();
  for (const ip of [reader.string(['spec', 'clusterIP']), ...(reader.array(['spec', 'clusterIPs']) ?? [])]) {
    if (typeof ip === 'string' && ip !== '' && ip !== 'None') clusterIPs.add(ip);
  }
  const ports: ServicePort[] = [];
  (reader.array(['spec', 'ports']) ?? []).forEach((_, i) => {
    const path = ['spec', 'ports', i];
    const port = reader.port([...path, 'port']);
    const protocol = reader.string([...path, 'protocol']) ?? 'TCP';
    const name = reader.string([...path, 'name']);
    const rawTarget = reader.get([...path, 'targetPort']);
    if (port === undefined) return;
    if (!PROTOCOLS.includes(protocol as Protocol)) {
      reader.report(
        [...path, 'protocol'],
        `protocol must be one of ${PROTOCOLS.join(', ')}; this port is left out`,
      );
      return;
    }
    let targetPort: number | string = port;
    if (typeof rawTarget === 'number' || typeof rawTarget === 'string') targetPort = rawTarget;
    else if (rawTarget !== undefined)
      reader.report([...path, 'targetPort'], 'targetPort must be a number or a port name');
    ports.push({ ...(name !== undefined ? { name } : {}), port, targetPort, protocol: protocol as Protocol });
  });
  const labels = reader.stringMap(['metadata', 'labels']);
  return {
    namespace,
    name: reader.object.name,
    ...(selector ? { selector } : {}),
    ...(Object.keys(labels).length > 0 ? { labels } : {}),
    clusterIPs: [...clusterIPs],
    ports,
    loc: reader.object.loc,
  };
}
