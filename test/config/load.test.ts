import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/defaults.js';
import { loadConfig } from '../../src/config/load.js';

const dir = path.resolve('fixtures/config');

/** Diagnostics as `line: message` strings, the way a user reads them. */
function lines(diagnostics: { line?: number; message: string }[]): string[] {
  return diagnostics.map((diagnostic) => `${diagnostic.line}: ${diagnostic.message}`);
}

describe('loadConfig', () => {
  it('uses the defaults when the default file is absent, silently', () => {
    const { config, diagnostics } = loadConfig(undefined, dir);
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(diagnostics).toEqual([]);
  });

  it('reports an explicit file that does not exist, and still returns the defaults', () => {
    const { config, diagnostics } = loadConfig('nope.yaml', dir);
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(diagnostics).toEqual([
      { severity: 'error', code: 'config', message: 'config file not found: nope.yaml', file: 'nope.yaml' },
    ]);
  });

  it('reads every setting', () => {
    const { config, diagnostics } = loadConfig('full.yaml', dir);
    expect(diagnostics).toEqual([]);
    expect(config).toEqual({
      rules: { 'ipblock-world': 'error', 'namespace-without-default-deny': 'off' },
      ignore: ['legacy/**'],
      dns: {
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'dns' } },
        podSelector: { matchLabels: { app: 'coredns' } },
        ports: [{ protocol: 'UDP', port: 5353 }],
      },
      cluster: { podCidrs: ['10.244.0.0/16'], serviceCidrs: ['10.96.0.0/12'] },
      defaultNamespace: 'apps',
      namespaces: { monitoring: { labels: { team: 'observability' } } },
      complete: true,
      workloads: [
        {
          namespace: 'payments-db',
          name: 'postgres',
          kind: 'Deployment',
          labels: { app: 'postgres' },
          ports: [{ port: 5432, protocol: 'TCP' }],
        },
        {
          namespace: 'data',
          name: 'cache',
          kind: 'StatefulSet',
          labels: {},
          ports: [{ port: 6379, protocol: 'TCP', name: 'redis' }],
        },
      ],
      failOn: 'warning',
      failOnBrokenFlows: false,
      failOnRisks: ['internet-ingress', 'internet-egress', 'metadata-endpoint'],
      failOnUnreadInput: false,
      suppressionsFrom: 'base',
      cni: 'cilium',
      cilium: {
        policyEnforcementMode: 'always',
        policyCIDRMatchMode: ['nodes'],
        policyAuditMode: true,
        clusterName: 'prod-eu',
        clusterNetworkPolicy: true,
        identityLabels: ['k8s:!controller-uid', 'k8s:!job-name'],
      },
      limits: {
        maxFileBytes: 1048576,
        maxTotalBytes: 8388608,
        maxDocumentsPerFile: 500,
        maxAliasCount: 10,
        maxDepth: 50,
        maxLineBytes: 65536,
        maxDocumentBytes: 2097152,
        maxSkippedSamples: 25,
        maxDistinctFlows: 5000,
        maxDecompressedBytes: 104857600,
        maxReportedChanges: 2000,
        maxRunSeconds: 600,
      },
      file: 'full.yaml',
    });
  });

  it('reports each invalid setting at its line and keeps the valid ones', () => {
    const { config, diagnostics } = loadConfig('invalid.yaml', dir);
    expect(lines(diagnostics).sort()).toEqual([
      '10: cni must be one of generic, cilium, calico',
      '12: cilium.policyEnforcementMode must be one of default, always, never',
      '14: cilium.clusterName must match pattern "^[a-z0-9]([-a-z0-9]{0,30}[a-z0-9])?$"',
      '15: cilium.identityLabels: expression 2 ((9 characters not shown)) repeats a group that holds a repetition or "|", which can take exponential time; the setting is not applied, Cilium\'s default label filter is used',
      '2: rules.ipblock-world must be one of off, info, warning, error',
      '5: cluster.podCidrs: "not-a-cidr" is not a CIDR (e.g. 10.244.0.0/16); it is ignored',
      '6: failOn must be one of error, warning, never',
      '7: unknown setting "dnss"',
      '9: limits.maxFileBytes must be >= 1',
      '9: limits.maxRunSeconds must be <= 86400',
    ]);
    expect(
      diagnostics.every(
        (diagnostic) => diagnostic.file === 'invalid.yaml' && diagnostic.severity === 'error',
      ),
    ).toBe(true);
    expect(config.rules).toEqual({ 'allow-all-peer': 'warning' });
    expect(config.cluster.podCidrs).toEqual(['10.244.0.0/16']);
    expect(config.failOn).toBe(DEFAULT_CONFIG.failOn);
    expect(config.defaultNamespace).toBe('apps');
    expect(config.limits).toEqual({ ...DEFAULT_CONFIG.limits, maxDepth: 50 });
    expect(config.cni).toBeUndefined();
    // Only the cilium settings at fault fall back to Cilium's defaults.
    expect(config.cilium).toEqual({ ...DEFAULT_CONFIG.cilium, policyAuditMode: true });
  });

  it("gives the cilium section Cilium's own defaults", () => {
    expect(loadConfig('empty.yaml', dir).config.cilium).toEqual({
      policyEnforcementMode: 'default',
      policyCIDRMatchMode: [],
      policyAuditMode: false,
      clusterName: 'default',
      clusterNetworkPolicy: false,
      identityLabels: [],
    });
  });

  it('warns about unknown rule ids with a suggestion, and ignores them', () => {
    const { config, diagnostics } = loadConfig('unknown-rule.yaml', dir);
    expect(lines(diagnostics)).toEqual([
      '2: unknown rule "dns-egres-missing" in rules (did you mean "dns-egress-missing"?); it is ignored',
    ]);
    expect(diagnostics[0]?.severity).toBe('warning');
    expect(config.rules).toEqual({ 'ipblock-world': 'info' });
  });

  it('reports YAML errors with their line and falls back to the defaults', () => {
    const { config, diagnostics } = loadConfig('syntax-error.yaml', dir);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.map((diagnostic) => diagnostic.line)).toContain(3);
    expect(
      diagnostics.every(
        (diagnostic) => diagnostic.code === 'config' && diagnostic.file === 'syntax-error.yaml',
      ),
    ).toBe(true);
    expect({ ...config, file: undefined }).toEqual({ ...DEFAULT_CONFIG, file: undefined });
  });

  it('says where a file that does not parse fails, never what it holds (a token in .git/config)', () => {
    const { diagnostics } = loadConfig('git-config.yaml', dir);
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const diagnostic of diagnostics) {
      expect(diagnostic).toMatchObject({ code: 'config', file: 'git-config.yaml', line: expect.any(Number) });
      expect(diagnostic.message).not.toMatch(/ghs_|eC1hY2Nl|AUTHORIZATION|extraheader|x-access-token/);
    }
  });

  it('rejects a document that is not a mapping', () => {
    const { config, diagnostics } = loadConfig('not-a-map.yaml', dir);
    expect(lines(diagnostics)).toEqual(['1: config must be object']);
    expect(config.rules).toEqual({});
  });

  it('accepts an empty file', () => {
    const { config, diagnostics } = loadConfig('empty.yaml', dir);
    expect(diagnostics).toEqual([]);
    expect(config).toEqual({ ...DEFAULT_CONFIG, file: 'empty.yaml' });
  });

  it('finds .netpol-guard.yaml in the working directory', () => {
    const { config } = loadConfig(undefined, path.join(dir, 'project'));
    expect(config.file).toBe('.netpol-guard.yaml');
    expect(config.failOn).toBe('never');
  });
});
