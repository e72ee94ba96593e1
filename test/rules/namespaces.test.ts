import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/defaults.js';
import type { ClusterModel, LabelSelector, Namespace } from '../../src/model/types.js';
import { matchingNamespaceNames } from '../../src/rules/namespaces.js';

function namespace(name: string, labels: Record<string, string>): Namespace {
  return { name, labels: { ...labels, 'kubernetes.io/metadata.name': name }, inferred: false };
}

const model: ClusterModel = {
  namespaces: new Map(
    [
      namespace('shop', { team: 'retail', env: 'prod' }),
      namespace('shop-dev', { team: 'retail', env: 'dev' }),
      namespace('ledger', { team: 'finance', env: 'prod' }),
      namespace('monitoring', { role: 'observability' }),
    ].map((ns) => [ns.name, ns]),
  ),
  workloads: [],
  services: [],
  policies: [],
};

const match = (selector: LabelSelector) => matchingNamespaceNames(selector, model, DEFAULT_CONFIG);

describe('matchingNamespaceNames', () => {
  it('answers every selector form from the known namespaces, sorted', () => {
    expect(match({ matchLabels: { team: 'retail' } })).toEqual(['shop', 'shop-dev']);
    expect(match({ matchLabels: { team: 'retail', env: 'prod' } })).toEqual(['shop']);
    expect(match({ matchLabels: { team: 'nobody' } })).toEqual([]);
    expect(match({ matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'dev'] }] })).toEqual([
      'ledger',
      'shop',
      'shop-dev',
    ]);
    // NotIn and DoesNotExist also match the system namespaces the repository does not declare.
    expect(match({ matchExpressions: [{ key: 'team', operator: 'DoesNotExist' }] })).toEqual([
      'default',
      'kube-node-lease',
      'kube-public',
      'kube-system',
      'monitoring',
    ]);
    expect(
      match({
        matchLabels: { env: 'prod' },
        matchExpressions: [{ key: 'team', operator: 'NotIn', values: ['finance'] }],
      }),
    ).toEqual(['shop']);
    expect(match({})).toHaveLength(8);
  });

  it('gives a selector written another way the same answer as the first', () => {
    expect(match({ matchLabels: { env: 'dev', team: 'retail' } })).toEqual(['shop-dev']);
    expect(match({ matchLabels: { team: 'retail', env: 'dev' } })).toEqual(['shop-dev']);
    expect(match({ matchExpressions: [{ key: 'env', operator: 'In', values: ['dev', 'prod'] }] })).toEqual(
      match({ matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'dev'] }] }),
    );
    // Same keys and values, different operators: different answers.
    expect(match({ matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['dev', 'prod'] }] })).toEqual(
      ['default', 'kube-node-lease', 'kube-public', 'kube-system', 'monitoring'],
    );
  });
});
