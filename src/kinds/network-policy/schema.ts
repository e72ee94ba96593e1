/**
 * JSON Schema of a `networking.k8s.io/v1` NetworkPolicy, written from the Kubernetes API reference
 * (NetworkPolicySpec, NetworkPolicyIngressRule/EgressRule, NetworkPolicyPeer, IPBlock, NetworkPolicyPort,
 * LabelSelector, ObjectMeta). Unknown fields are errors everywhere under `spec`: a typo such as `podselector`
 * or a mis-indented `ports:` would otherwise silently change what the cluster enforces.
 *
 * Optional lists, mappings and pointers accept `null`, as the API server does (YAML `from:` with nothing after
 * it is null, which Kubernetes reads as absent). Value rules that JSON Schema cannot say plainly (selector
 * operators, CIDRs, port ranges, label syntax) are checked in `validate.ts`.
 */

const stringMap = { type: ['object', 'null'], additionalProperties: { type: 'string' } } as const;
const stringList = { type: ['array', 'null'], items: { type: 'string' } } as const;

const labelSelector = {
  type: ['object', 'null'],
  additionalProperties: false,
  properties: {
    matchLabels: stringMap,
    matchExpressions: {
      type: ['array', 'null'],
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['key', 'operator'],
        properties: {
          key: { type: 'string' },
          operator: { type: 'string', enum: ['In', 'NotIn', 'Exists', 'DoesNotExist'] },
          values: stringList,
        },
      },
    },
  },
} as const;

const peer = {
  type: 'object',
  additionalProperties: false,
  properties: {
    podSelector: labelSelector,
    namespaceSelector: labelSelector,
    ipBlock: {
      type: ['object', 'null'],
      additionalProperties: false,
      required: ['cidr'],
      properties: { cidr: { type: 'string' }, except: stringList },
    },
  },
} as const;

const port = {
  type: 'object',
  additionalProperties: false,
  properties: {
    protocol: { type: ['string', 'null'], enum: ['TCP', 'UDP', 'SCTP', null] },
    port: { type: ['integer', 'string', 'null'] },
    endPort: { type: ['integer', 'null'] },
  },
} as const;

function rule(peersField: 'from' | 'to') {
  return {
    type: 'object',
    additionalProperties: false,
    properties: {
      [peersField]: { type: ['array', 'null'], items: peer },
      ports: { type: ['array', 'null'], items: port },
    },
  } as const;
}

const objectMeta = {
  type: 'object',
  additionalProperties: false,
  properties: {
    name: { type: 'string' },
    generateName: { type: 'string' },
    namespace: { type: ['string', 'null'] },
    labels: stringMap,
    annotations: stringMap,
    uid: { type: 'string' },
    resourceVersion: { type: 'string' },
    generation: { type: 'integer' },
    selfLink: { type: 'string' },
    creationTimestamp: { type: ['string', 'null'] },
    deletionTimestamp: { type: ['string', 'null'] },
    deletionGracePeriodSeconds: { type: ['integer', 'null'] },
    finalizers: stringList,
    ownerReferences: { type: ['array', 'null'], items: { type: 'object' } },
    managedFields: { type: ['array', 'null'], items: { type: 'object' } },
  },
} as const;

export const networkPolicySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['apiVersion', 'kind', 'metadata'],
  properties: {
    apiVersion: { const: 'networking.k8s.io/v1' },
    kind: { const: 'NetworkPolicy' },
    metadata: objectMeta,
    spec: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        podSelector: labelSelector,
        ingress: { type: ['array', 'null'], items: rule('from') },
        egress: { type: ['array', 'null'], items: rule('to') },
        policyTypes: {
          type: ['array', 'null'],
          maxItems: 2,
          items: { type: 'string', enum: ['Ingress', 'Egress'] },
        },
      },
    },
    // Read back from a cluster (`kubectl get -o yaml`); not part of what is enforced.
    status: { type: ['object', 'null'] },
  },
} as const;
