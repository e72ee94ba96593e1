import type { FieldPath } from '../manifests/types.js';
import type { FieldReader } from './fields.js';
import { PROTOCOLS, type ContainerPort, type Labels, type Protocol, type Workload } from './types.js';

/** Where each workload kind keeps its pod template. A Pod is its own template. */
const POD_TEMPLATE_PATHS: Readonly<Record<string, FieldPath>> = {
  Pod: [],
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

export function isWorkloadKind(kind: string): boolean {
  return Object.prototype.hasOwnProperty.call(POD_TEMPLATE_PATHS, kind);
}

/** A Pod read from a manifest, before Pods of one controller are folded together. */
export interface PodOrTemplate {
  workload: Workload;
  /**
   * Set for a Pod or ReplicaSet with a controller ownerReference: the workload it belongs to (`kind`/`name`), the
   * Deployment for a Deployment's ReplicaSet.
   */
  owner?: { kind: string; name: string };
}

/** Reads one workload object (Pod or controller) into a Workload of the given namespace. */
export function readWorkload(reader: FieldReader, namespace: string): PodOrTemplate {
  const { object } = reader;
  const template = POD_TEMPLATE_PATHS[object.kind] ?? [];
  const workload: Workload = {
    id: workloadId(namespace, object.kind, object.name),
    namespace,
    kind: object.kind,
    name: object.name,
    ...readPodTemplate(reader, template),
    ips: object.kind === 'Pod' ? readPodIps(reader) : [],
    loc: object.loc,
    ...(reader.get([...template, 'spec', 'hostNetwork']) === true ? { hostNetwork: true as const } : {}),
  };
  // A cluster dump holds the Pods and ReplicaSets a Deployment made: they fold into it (one group of pods).
  const owned =
    object.kind === 'Pod' || object.kind === 'ReplicaSet' ? readControllerOwner(reader) : undefined;
  const owner = owned && deploymentOfReplicaSet(owned, workload.labels);
  return owner ? { workload, owner } : { workload };
}

/**
 * The labels, container ports and service account of the pod template at `path` (`[]` for a Pod, which is its own
 * template). The service account is the one the API server gives the pods: `serviceAccountName`, else the deprecated
 * `serviceAccount` (pkg/apis/core/v1/conversion.go copies it over), else `default` (the ServiceAccount admission
 * plugin).
 */
export function readPodTemplate(
  reader: FieldReader,
  path: FieldPath,
): Pick<Workload, 'labels' | 'ports' | 'serviceAccount'> {
  return {
    labels: reader.stringMap([...path, 'metadata', 'labels']),
    ports: readContainerPorts(reader, [...path, 'spec', 'containers']),
    serviceAccount:
      reader.string([...path, 'spec', 'serviceAccountName']) ||
      reader.string([...path, 'spec', 'serviceAccount']) ||
      'default',
  };
}

export function workloadId(namespace: string, kind: string, name: string): string {
  return `${namespace}/${kind}/${name}`;
}

/** Container ports of `containers` only: init containers finish before the pod serves, so nothing connects to them. */
function readContainerPorts(reader: FieldReader, containersPath: FieldPath): ContainerPort[] {
  const ports: ContainerPort[] = [];
  (reader.array(containersPath) ?? []).forEach((_, c) => {
    const portsPath = [...containersPath, c, 'ports'];
    (reader.array(portsPath) ?? []).forEach((__, p) => {
      const path = [...portsPath, p];
      const port = reader.port([...path, 'containerPort']);
      const name = reader.string([...path, 'name']);
      const protocol = reader.string([...path, 'protocol']) ?? 'TCP';
      if (!PROTOCOLS.includes(protocol as Protocol)) {
        reader.report(
          [...path, 'protocol'],
          `protocol must be one of ${PROTOCOLS.join(', ')}; this port is left out`,
        );
        return;
      }
      if (port === undefined) return;
      ports.push({ ...(name !== undefined ? { name } : {}), port, protocol: protocol as Protocol });
    });
  });
  return ports;
}

function readPodIps(reader: FieldReader): string[] {
  const ips = new Set<string>();
  const podIp = reader.string(['status', 'podIP']);
  if (podIp) ips.add(podIp);
  (reader.array(['status', 'podIPs']) ?? []).forEach((_, i) => {
    const ip = reader.string(['status', 'podIPs', i, 'ip']);
    if (ip) ips.add(ip);
  });
  return [...ips];
}

/**
 * The Deployment behind a ReplicaSet owner, when the pod template hash says it made it: a Deployment names its
 * ReplicaSets `<name>-<pod-template-hash>` and puts the hash on their pods (as `ownerFromPodName` reads flow logs).
 * Other owners are kept as they are.
 */
function deploymentOfReplicaSet(
  owner: { kind: string; name: string },
  labels: Labels,
): { kind: string; name: string } {
  const hash = labels['pod-template-hash'];
  if (owner.kind !== 'ReplicaSet' || !hash || !owner.name.endsWith(`-${hash}`)) return owner;
  return { kind: 'Deployment', name: owner.name.slice(0, -hash.length - 1) };
}

function readControllerOwner(reader: FieldReader): { kind: string; name: string } | undefined {
  const references = reader.array(['metadata', 'ownerReferences']) ?? [];
  for (let i = 0; i < references.length; i++) {
    if (reader.get(['metadata', 'ownerReferences', i, 'controller']) !== true) continue;
    const name = reader.string(['metadata', 'ownerReferences', i, 'name']);
    if (!name) continue;
    // An owner reference without a kind still groups the pods; they stay Pods under the owner's name.
    return { kind: reader.string(['metadata', 'ownerReferences', i, 'kind']) || 'Pod', name };
  }
  return undefined;
}

/**
 * Folds the Pods of one controller into one workload (the controller's pods are one group to the analysis).
 * Pods are taken in name order so the result never depends on manifest order: the first one gives the labels,
 * ports and IPs of all are kept. Returns the label keys whose values differ between the pods, if any, since the
 * analysis then stands for the first pod only.
 */
export function foldOwnedPods(
  namespace: string,
  owner: { kind: string; name: string },
  pods: readonly Workload[],
): { workload: Workload; differingLabels: string[] } {
  const sorted = [...pods].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const first = sorted[0]!;
  const ports = new Map<string, ContainerPort>();
  for (const port of sorted.flatMap((pod) => pod.ports))
    ports.set(`${port.name ?? ''}/${port.port}/${port.protocol}`, port);
  return {
    workload: {
      id: workloadId(namespace, owner.kind, owner.name),
      namespace,
      kind: owner.kind,
      name: owner.name,
      labels: first.labels,
      ports: [...ports.values()],
      ...(first.serviceAccount !== undefined ? { serviceAccount: first.serviceAccount } : {}),
      ips: [...new Set(sorted.flatMap((pod) => pod.ips))],
      loc: first.loc,
    },
    differingLabels: differingKeys(sorted.map((pod) => pod.labels)),
  };
}

/** Labels that differ between the pods of one controller by design: each revision's pods carry their own hash. */
const REVISION_LABELS = new Set(['pod-template-hash', 'controller-revision-hash']);

function differingKeys(labelSets: readonly Labels[]): string[] {
  const keys = new Set(labelSets.flatMap((labels) => Object.keys(labels)));
  for (const key of REVISION_LABELS) keys.delete(key);
  const first = labelSets[0] ?? {};
  return [...keys].filter((key) => labelSets.some((labels) => labels[key] !== first[key])).sort();
}
