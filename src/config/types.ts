import type { LoadLimits, Severity } from '../manifests/types.js';
import type { CiliumSettings, Cni } from '../model/cni.js';
import type { LabelSelector, Protocol } from '../model/types.js';

/** Which new findings fail `check` and `lint`: at or above a severity, or none. */
export type FailOn = 'error' | 'warning' | 'never';

/**
 * A risk the verdict can fail on (`failOnRisks`): a risk of an opened path (`Risk` in `diff/types.ts`), with the
 * internet split by direction (a path opened from it, or towards it).
 */
export type RiskGate =
  | 'internet-ingress'
  | 'internet-egress'
  | 'metadata-endpoint'
  | 'any-namespace'
  | 'cross-namespace'
  | 'node-entity';
export const RISK_GATES: readonly RiskGate[] = [
  'internet-ingress',
  'internet-egress',
  'metadata-endpoint',
  'any-namespace',
  'cross-namespace',
  'node-entity',
];

/** Which tree's suppression annotations a check honours (`suppressionsFrom`). */
export type SuppressionsFrom = 'head' | 'base';

/** What a user may set a rule to in `rules:`: a severity, or `off` to drop the rule entirely. */
export type RuleSetting = Severity | 'off';

/** Where the cluster DNS pods are, so `dns-egress-missing` can ask the engine whether a workload reaches them. */
export interface DnsConfig {
  namespaceSelector: LabelSelector;
  podSelector: LabelSelector;
  /** Ports DNS is served on; UDP ones are required, TCP ones are advised (DNS falls back to TCP for large answers). */
  ports: { protocol: Protocol; port: number }[];
}

/** Cluster facts the manifests do not state; ipBlock rules compare against them. */
export interface ClusterConfig {
  podCidrs: string[];
  serviceCidrs: string[];
}

/**
 * Bounds on what one run reads (`docs/limits.md`): the loader's, then the flow reader's (longest line, largest file
 * read whole, skipped records named in reports).
 */
export interface Limits extends LoadLimits {
  maxLineBytes: number;
  maxDocumentBytes: number;
  maxSkippedSamples: number;
  /** Most distinct connections read from the flow logs. */
  maxDistinctFlows: number;
  /** Most bytes one gzip flow file may decompress to. */
  maxDecompressedBytes: number;
  /** Most opened, closed, new and gone connection changes listed (each kind); the counts cover them all. */
  maxReportedChanges: number;
  /** Seconds the analysis of a check may take; past them it stops and fails, and the report says where. */
  maxRunSeconds: number;
}

/** A workload the repository does not hold (deployed from elsewhere), as `workloads:` declares it. */
export interface OutsideWorkload {
  namespace: string;
  name: string;
  /** Default `Deployment`: what flow logs name the pods by. */
  kind: string;
  labels: Record<string, string>;
  ports: { port: number; protocol: Protocol; name?: string }[];
}

/** The configuration after defaults are applied: every field is present. */
export interface ResolvedConfig {
  /** Overrides of the rules' default severities, by rule id. */
  rules: Record<string, RuleSetting>;
  /** minimatch globs of manifest paths (relative to the root) whose findings are dropped. */
  ignore: string[];
  dns: DnsConfig;
  cluster: ClusterConfig;
  /** Namespace of objects that do not state one (as `kubectl apply` without `-n` would). */
  defaultNamespace: string;
  /** Namespaces that live outside the repository, with their labels, so namespaceSelectors can match them. */
  namespaces: Record<string, { labels: Record<string, string> }>;
  /**
   * The repository holds the whole cluster: every namespace and every pod. Rules that say "matches nothing" then
   * judge every namespace, not only those whose workloads the tree shows (`docs/partial-trees.md`).
   */
  complete: boolean;
  /** Workloads that live outside the repository; declaring some in a namespace says they are all its pods. */
  workloads: OutsideWorkload[];
  failOn: FailOn;
  /** Whether flows that a change would break fail the run on their own. */
  failOnBrokenFlows: boolean;
  /** Risks of newly opened paths that fail the run (none: risks never fail it). */
  failOnRisks: RiskGate[];
  /**
   * Whether input that could not be analysed (a head manifest with an error, a flow file without a record, the
   * config itself) fails the run: what was not read cannot be shown safe (`docs/limits.md`).
   */
  failOnUnreadInput: boolean;
  /**
   * Which tree's `netpol-guard.io/ignore` annotations are honoured: `head` (all of them), or `base` (only those the
   * base already had, so a pull request cannot silence a finding it introduces; the ones it adds are reported).
   */
  suppressionsFrom: SuppressionsFrom;
  limits: Limits;
  /**
   * Whose semantics apply where the specs leave them open (`model/cni.ts`). Undefined when not set: the CNI whose
   * own policy kinds the tree holds, if only one's, else `generic`.
   */
  cni?: Cni;
  /** Cilium's agent settings that change verdicts, read when the CNI is Cilium (`model/cni.ts`, `docs/cilium.md`). */
  cilium: CiliumSettings;
  /** The file the configuration was read from (relative to cwd), when there was one. */
  file?: string;
}
