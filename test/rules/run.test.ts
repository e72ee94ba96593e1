import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/defaults.js';
import { runLint } from '../../src/rules/run.js';
import { rules } from '../../src/rules/index.js';
import type { Rule } from '../../src/rules/types.js';
import { lintDirectory } from './lint-dir.js';

const dir = path.resolve('fixtures/config/lint');

/** `rule file:line` of each finding, with the suppression reason when there is one. */
function summary(findings: { rule: string; file: string; line: number; suppressed?: { reason?: string } }[]) {
  return findings.map(
    (f) => `${f.rule} ${f.file}:${f.line}${f.suppressed ? ` suppressed(${f.suppressed.reason ?? ''})` : ''}`,
  );
}

describe('runLint', () => {
  it('reports in file, line, column, rule order, with suppressions and their reasons', async () => {
    const { findings, diagnostics } = await lintDirectory(dir);
    expect(summary(findings)).toEqual([
      'ipblock-world legacy/old.yaml:8',
      'ipblock-world policies.yaml:8',
      'namespace-selector-all policies.yaml:9',
      'ipblock-world policies.yaml:22 suppressed(public, scraped by every namespace)',
      'namespace-selector-all policies.yaml:23 suppressed(public, scraped by every namespace)',
      'ipblock-world policies.yaml:36 suppressed()',
      'schema policies.yaml:43',
    ]);
    expect(findings.find((f) => f.rule === 'schema')?.resource).toEqual({
      kind: 'NetworkPolicy',
      namespace: 'app',
      name: 'invalid',
    });
    // The schema diagnostic became a finding: it is not reported twice.
    expect(diagnostics.map((d) => d.code)).not.toContain('schema');
  });

  it('reports an unknown rule id in a suppression annotation, at the annotation', async () => {
    const { diagnostics } = await lintDirectory(dir);
    expect(diagnostics.filter((d) => d.code === 'unknown-rule')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        file: 'policies.yaml',
        line: 31,
        message: 'netpol-guard.io/ignore names unknown rule "ipblock-wrld"; it suppresses nothing',
      }),
    ]);
  });

  it('silences findings about a namespace by the annotation on its Namespace, and reports unknown ids there', async () => {
    const { findings, diagnostics } = await lintDirectory(path.resolve('fixtures/config/lint-namespaces'));
    expect(summary(findings.filter((f) => f.rule === 'namespace-without-default-deny'))).toEqual([
      'namespace-without-default-deny namespaces.yaml:2 suppressed(a playground, nothing here holds data)',
      'namespace-without-default-deny namespaces.yaml:9',
      'namespace-without-default-deny namespaces.yaml:15',
    ]);
    expect(diagnostics.filter((d) => d.code === 'unknown-rule')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        file: 'namespaces.yaml',
        line: 15,
        message:
          'netpol-guard.io/ignore names unknown rule "namespace-without-default-dney"; it suppresses nothing',
        resource: { kind: 'Namespace', name: 'tools' },
      }),
    ]);
  });

  it('applies severities from config and drops rules set to off', async () => {
    const { findings, diagnostics } = await lintDirectory(dir, {
      rules: { 'ipblock-world': 'error', 'namespace-selector-all': 'off', schema: 'off' },
    });
    expect(new Set(findings.map((f) => f.rule))).toEqual(new Set(['ipblock-world']));
    expect(findings.every((f) => f.severity === 'error')).toBe(true);
    // With the schema rule off, its diagnostics stay diagnostics.
    expect(diagnostics.map((d) => d.code)).toContain('schema');
  });

  it('drops findings of ignored paths', async () => {
    const { findings } = await lintDirectory(dir, { ignore: ['legacy/**'] });
    expect(findings.map((f) => f.file)).not.toContain('legacy/old.yaml');
    expect(findings.length).toBeGreaterThan(0);
  });

  it('turns a rule that throws into a diagnostic and runs the others', () => {
    const broken: Rule = {
      meta: { ...rules[0]!.meta, id: 'broken' },
      check() {
        throw new Error('boom');
      },
    };
    const ipblockWorld = rules.find((rule) => rule.meta.id === 'ipblock-world')!;
    const model = { namespaces: new Map(), workloads: [], services: [], policies: [] };
    const result = runLint({ model, diagnostics: [] }, DEFAULT_CONFIG, [broken, ipblockWorld]);
    expect(result.findings).toEqual([]);
    expect(result.diagnostics).toEqual([
      { severity: 'error', code: 'rule-failed', message: 'rule broken failed and was skipped: boom' },
    ]);
  });
});
