import { RISK_GATES } from './types.js';
import { CNIS } from '../model/cni.js';
import { MAX_RUN_SECONDS } from './defaults.js';

/** JSON Schema of `.netpol-guard.yaml`, checked with ajv; semantic checks (rule ids, CIDRs) come after it. */

const labelMap = { type: 'object', additionalProperties: { type: 'string' } } as const;

const labelSelector = {
  type: 'object',
  additionalProperties: false,
  properties: {
    matchLabels: labelMap,
    matchExpressions: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['key', 'operator'],
        properties: {
          key: { type: 'string', minLength: 1 },
          operator: { enum: ['In', 'NotIn', 'Exists', 'DoesNotExist'] },
          values: { type: 'array', items: { type: 'string' } },
        },
      },
    },
  },
} as const;

const stringList = { type: 'array', items: { type: 'string' } } as const;
const count = { type: 'integer', minimum: 1 } as const;

export const CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    rules: { type: 'object', additionalProperties: { enum: ['off', 'info', 'warning', 'error'] } },
    ignore: stringList,
    dns: {
      type: 'object',
      additionalProperties: false,
      properties: {
        namespaceSelector: labelSelector,
        podSelector: labelSelector,
        ports: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['port'],
            properties: {
              protocol: { enum: ['TCP', 'UDP', 'SCTP'] },
              port: { type: 'integer', minimum: 1, maximum: 65535 },
            },
          },
        },
      },
    },
    cluster: {
      type: 'object',
      additionalProperties: false,
      properties: { podCidrs: stringList, serviceCidrs: stringList },
    },
    defaultNamespace: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$' },
    namespaces: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: { labels: labelMap },
      },
    },
    complete: { type: 'boolean' },
    workloads: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['namespace', 'name'],
        properties: {
          namespace: { type: 'string', minLength: 1 },
          name: { type: 'string', minLength: 1 },
          kind: { type: 'string', minLength: 1 },
          labels: labelMap,
          ports: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['port'],
              properties: {
                port: { type: 'integer', minimum: 1, maximum: 65535 },
                protocol: { enum: ['TCP', 'UDP', 'SCTP'] },
                name: { type: 'string', minLength: 1 },
              },
            },
          },
        },
      },
    },
    failOn: { enum: ['error', 'warning', 'never'] },
    failOnBrokenFlows: { type: 'boolean' },
    failOnRisks: { type: 'array', uniqueItems: true, items: { enum: RISK_GATES } },
    failOnUnreadInput: { type: 'boolean' },
    suppressionsFrom: { enum: ['head', 'base'] },
    cni: { enum: CNIS },
    cilium: {
      type: 'object',
      additionalProperties: false,
      properties: {
        policyEnforcementMode: { enum: ['default', 'always', 'never'] },
        // Helm takes a list; the agent flag a string ("" or "nodes").
        policyCIDRMatchMode: {
          anyOf: [{ enum: ['', 'nodes'] }, { type: 'array', uniqueItems: true, items: { enum: ['nodes'] } }],
        },
        policyAuditMode: { type: 'boolean' },
        // Cilium's own check of cluster-name: lower-case letters, digits and dashes, at most 32.
        clusterName: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]{0,30}[a-z0-9])?$' },
        clusterNetworkPolicy: { type: 'boolean' },
        // Helm's `labels` is one string of space-separated expressions; a list is taken too.
        identityLabels: {
          anyOf: [
            { type: 'string', maxLength: 4096 },
            { type: 'array', maxItems: 64, items: { type: 'string', minLength: 1, maxLength: 4096 } },
          ],
        },
      },
    },
    limits: {
      type: 'object',
      additionalProperties: false,
      properties: {
        maxFileBytes: count,
        maxTotalBytes: count,
        maxDocumentsPerFile: count,
        maxAliasCount: { type: 'integer', minimum: 0 },
        maxDepth: count,
        maxLineBytes: count,
        maxDocumentBytes: count,
        maxSkippedSamples: { type: 'integer', minimum: 0 },
        maxDistinctFlows: count,
        maxDecompressedBytes: count,
        maxReportedChanges: count,
        maxRunSeconds: { type: 'integer', minimum: 0, maximum: MAX_RUN_SECONDS },
      },
    },
  },
} as const;
