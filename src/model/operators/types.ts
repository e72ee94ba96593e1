import type { FieldReader } from '../fields.js';
import type { ContainerPort, Labels } from '../types.js';

/** The pods an operator runs for one custom resource, as one workload (its StatefulSet or Deployment). */
export interface MadeWorkload {
  /** The controller the operator creates (`StatefulSet`), by which flow logs name the pods. */
  kind: string;
  name: string;
  labels: Labels;
  ports: ContainerPort[];
  /** The pods' service account, where the resource states their pod template (`Workload.serviceAccount`). */
  serviceAccount?: string;
}

/**
 * A well-known custom resource that creates pods (or namespaces), and how its operator derives them. One file per
 * resource; `source` names the operator code the names, labels and ports are taken from.
 */
export interface PodMaker {
  /** API group (`monitoring.coreos.com`); the resource is matched by group and kind, any version. */
  group: string;
  kind: string;
  source: string;
  /**
   * The workloads the operator runs for the resource. `undefined` when the resource alone does not tell (its
   * namespace is then not fully known).
   */
  workloads(resource: FieldReader): MadeWorkload[] | undefined;
  /** A namespace the operator creates for the resource, with its labels (Kubeflow's `Profile`). */
  namespace?(resource: FieldReader): { name: string; labels: Labels };
}
