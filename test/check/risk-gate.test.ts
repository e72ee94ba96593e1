import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck, type CheckOptions } from '../../src/check/run.js';
import type { CheckResult } from '../../src/check/types.js';
import { renderMarkdown, renderText } from '../../src/report/index.js';
import { cli } from '../support/cli.js';

/** Pull requests of fixtures/diff (see its README), checked as `check` does, with options. */
async function check(name: string, options: Partial<CheckOptions> = {}): Promise<CheckResult> {
  const side = (dir: string) => ({ root: dir, paths: [dir] });
  const dir = resolve('fixtures/diff', name);
  return runCheck({ base: side(resolve(dir, 'base')), head: side(resolve(dir, 'head')), ...options });
}

describe('failOnRisks', () => {
  it('fails by default on newly opened internet ingress and metadata-endpoint egress, naming path and line', async () => {
    const result = await check('risk-direction');
    expect(result.verdict).toBe('fail');
    expect(result.reasons).toEqual([
      'opens 0.0.0.0/0 -> shop/db TCP/5432 (internet-ingress) at policies.yaml:32',
      'opens shop/web -> 169.254.169.254/32 TCP/80 (metadata-endpoint) at policies.yaml:47',
    ]);
    expect(result.diff.opened.map((change) => change.failsOn)).toEqual([
      ['internet-ingress'],
      ['metadata-endpoint'],
    ]);
  });

  it('leaves a path to a node or the API server to review by default, and gates on it when asked', async () => {
    expect((await check('entity-peers')).verdict).toBe('pass');
    const gated = await check('entity-peers', { failOnRisks: ['node-entity'] });
    expect(gated.verdict).toBe('fail');
    expect(gated.reasons[0]).toBe(
      'opens ops/agent -> entity:host (the local node) TCP/10250 (node-entity) at policies.yaml:31',
    );
  });

  it('gates on the risks it is given, and on none', async () => {
    const anyNamespace = await check('risk-all-ports', { failOnRisks: ['any-namespace'] });
    expect(anyNamespace.reasons).toEqual([
      // One reason for the rule's peer, which opened both paths.
      'opens any pod in any namespace (2 workloads in 2 namespaces) -> shop/db TCP/9187 (any-namespace) at ' +
        'policies.yaml:27',
    ]);
    expect((await check('risk-all-ports')).verdict).toBe('pass');
    expect((await check('risk-direction', { failOnRisks: [] })).verdict).toBe('pass');
    const egressOnly = await check('risk-direction', { failOnRisks: ['internet-egress'] });
    expect(egressOnly.verdict).toBe('pass');
  });

  it('is read from the config file', async () => {
    const result = await check('risk-direction', {
      configFile: resolve('fixtures/diff/risk-direction/no-risk-gate.yaml'),
    });
    expect(result.diagnostics).toEqual([]);
    expect(result.verdict).toBe('pass');
  });
});

describe('findings resolved by this PR', () => {
  it('are the base findings head no longer has, in JSON, text and Markdown', async () => {
    const result = await check('resolved');
    expect(result.resolved?.map((f) => `${f.rule} ${f.file}:${f.line}`)).toEqual([
      'namespace-selector-all policies.yaml:27',
    ]);
    expect(result.findings.filter((f) => f.rule === 'namespace-selector-all')).toEqual([]);
    expect(renderText(result, { color: false })).toContain('Findings resolved by this PR (1)');
    expect(renderMarkdown(result)).toContain('Findings resolved by this PR');
  });
});

describe('--fail-on-risks', () => {
  const args = (value: string) => {
    const dir = 'fixtures/diff/risk-direction';
    return ['check', '--base', `${dir}/base`, '--head', `${dir}/head`, '--fail-on-risks', value];
  };

  it('overrides the config on the command line', async () => {
    expect((await cli(args('none'))).code).toBe(0);
    expect((await cli(args('internet-ingress'))).code).toBe(1);
  });

  it('refuses names it does not know', async () => {
    const { code, stderr } = await cli(args('internet'));
    expect(code).toBe(2);
    expect(stderr).toContain('--fail-on-risks takes none or a list of internet-ingress');
  });
});

describe('suppressionsFrom', () => {
  const silenced = (result: CheckResult) =>
    result.findings
      .filter((f) => f.rule === 'rules-ignored-by-policy-types')
      .map((f) => `${f.resource.name} ${f.suppressed ? 'suppressed' : f.introduced ? 'new' : 'existing'}`);

  it('head (the default) honours every annotation, the ones the pull request adds too', async () => {
    const result = await check('suppression-added');
    expect(silenced(result)).toEqual(['db-ingress suppressed', 'web-ingress suppressed']);
    expect(result.verdict).toBe('pass');
  });

  it('base honours only the annotations the base had, and reports the added one at its line', async () => {
    for (const options of [
      { suppressionsFrom: 'base' as const },
      { configFile: resolve('fixtures/diff/suppression-added/suppressions-from-base.yaml') },
    ]) {
      const result = await check('suppression-added', options);
      expect(silenced(result)).toEqual(['db-ingress suppressed', 'web-ingress new']);
      expect(result.verdict).toBe('fail');
      expect(result.reasons).toEqual(['1 new finding at or above error']);
      expect(
        result.diagnostics
          .filter((d) => d.code === 'suppression-not-honoured')
          .map((d) => `${d.severity} ${d.file}:${d.line} ${d.resource?.name}`),
      ).toEqual(['warning policies.yaml:25 web-ingress']);
    }
  });
});
