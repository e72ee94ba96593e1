import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LintResult } from '../../src/rules/types.js';
import { cli } from '../support/cli.js';

/** A namespace-wide rule, documented by a suppression, beside an undocumented one. */
const POLICIES = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: scrape
  namespace: apps
  annotations:
    netpol-guard.io/ignore: "namespace-selector-all: Prometheus scrapes every namespace"
spec:
  podSelector: {}
  policyTypes: [Ingress]
  ingress:
    - from:
        - namespaceSelector: {}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: open
  namespace: apps
spec:
  podSelector: {}
  policyTypes: [Ingress]
  ingress:
    - from:
        - namespaceSelector: {}
`;

function tree(config?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ng-lint-'));
  writeFileSync(join(dir, 'policies.yaml'), POLICIES);
  if (config !== undefined) writeFileSync(join(dir, '.netpol-guard.yaml'), config);
  return dir;
}

async function lintJson(dir: string, ...args: string[]) {
  const run = await cli(['lint', '.', '--format', 'json', ...args], dir);
  return { code: run.code, result: JSON.parse(run.stdout) as LintResult };
}

describe('lint configuration and suppressions through the CLI', () => {
  it('keeps a suppressed finding, with its reason, and reports the other', async () => {
    const { result } = await lintJson(tree());
    const selectorAll = result.findings.filter((f) => f.rule === 'namespace-selector-all');
    expect(selectorAll.map((f) => [f.resource.name, f.suppressed?.reason])).toEqual([
      ['scrape', 'Prometheus scrapes every namespace'],
      ['open', undefined],
    ]);
  });

  it('reads .netpol-guard.yaml from the working directory: severities and fail-on', async () => {
    const dir = tree('rules:\n  namespace-selector-all: error\nfailOn: error\n');
    const { code, result } = await lintJson(dir);
    expect(
      result.findings.find((f) => f.resource.name === 'open' && f.rule === 'namespace-selector-all')
        ?.severity,
    ).toBe('error');
    expect(code).toBe(1);
  });

  it('turns a rule off', async () => {
    const { result } = await lintJson(tree('rules:\n  namespace-selector-all: "off"\n'));
    expect(result.findings.filter((f) => f.rule === 'namespace-selector-all')).toEqual([]);
  });

  it('reports config errors with file and line and still lints', async () => {
    const dir = tree('rules:\n  namespace-selector-al: warning\n');
    const { result } = await lintJson(dir);
    const diagnostic = result.diagnostics.find((d) => d.file?.endsWith('.netpol-guard.yaml'));
    expect(diagnostic).toMatchObject({ line: 2 });
    expect(diagnostic?.message).toMatch(/namespace-selector-all/);
    expect(result.findings.some((f) => f.rule === 'namespace-selector-all')).toBe(true);
  });

  it('takes --config FILE', async () => {
    const dir = tree();
    writeFileSync(join(dir, 'strict.yaml'), 'failOn: warning\n');
    expect((await lintJson(dir)).code).toBe(0);
    expect((await lintJson(dir, '--config', 'strict.yaml')).code).toBe(1);
  });
});
