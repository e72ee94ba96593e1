import {
  DEFAULT_MAX_DECOMPRESSED_BYTES,
  DEFAULT_MAX_DISTINCT_FLOWS,
  DEFAULT_MAX_DOCUMENT_BYTES,
  DEFAULT_MAX_LINE_BYTES,
  DEFAULT_MAX_SKIPPED_SAMPLES,
} from '../flows/read.js';
import { DEFAULT_LOAD_LIMITS } from '../manifests/load.js';

/** Connection changes listed per kind: far more than a person reads, few enough for any report to be written. */
export const DEFAULT_MAX_REPORTED_CHANGES = 10_000;
/** The run deadline: far past what the largest real trees take (a minute), well inside a CI job's timeout. */
export const DEFAULT_MAX_RUN_SECONDS = 20 * 60;
/** A day: the most `maxRunSeconds` may be (a timer cannot wait longer than 2^31 ms). */
export const MAX_RUN_SECONDS = 24 * 60 * 60;
import { CILIUM_DEFAULTS } from '../model/cni.js';
import type { ResolvedConfig } from './types.js';

/** The file looked for in the working directory when no `--config` is given. */
export const DEFAULT_CONFIG_FILE = '.netpol-guard.yaml';

/**
 * The configuration when the repository has none: every rule at its default severity, the usual CoreDNS/kube-dns
 * labels, and no cluster CIDRs (rules that need them stay quiet rather than guess).
 */
export const DEFAULT_CONFIG: Readonly<ResolvedConfig> = Object.freeze<ResolvedConfig>({
  rules: {},
  ignore: [],
  dns: {
    namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
    podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
    ports: [
      { protocol: 'UDP', port: 53 },
      { protocol: 'TCP', port: 53 },
    ],
  },
  cluster: { podCidrs: [], serviceCidrs: [] },
  defaultNamespace: 'default',
  namespaces: {},
  complete: false,
  workloads: [],
  failOn: 'error',
  failOnBrokenFlows: true,
  failOnRisks: ['internet-ingress', 'metadata-endpoint'],
  failOnUnreadInput: true,
  suppressionsFrom: 'head',
  cilium: { ...CILIUM_DEFAULTS, policyCIDRMatchMode: [], identityLabels: [] },
  limits: {
    ...DEFAULT_LOAD_LIMITS,
    maxLineBytes: DEFAULT_MAX_LINE_BYTES,
    maxDocumentBytes: DEFAULT_MAX_DOCUMENT_BYTES,
    maxSkippedSamples: DEFAULT_MAX_SKIPPED_SAMPLES,
    maxDistinctFlows: DEFAULT_MAX_DISTINCT_FLOWS,
    maxDecompressedBytes: DEFAULT_MAX_DECOMPRESSED_BYTES,
    maxReportedChanges: DEFAULT_MAX_REPORTED_CHANGES,
    maxRunSeconds: DEFAULT_MAX_RUN_SECONDS,
  },
});
