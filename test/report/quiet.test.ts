import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/check/types.js';
import { isQuiet } from '../../src/report/quiet.js';
import { failing, passing } from './cases.js';

/** The passing fixture of a pull request that changed only files holding no object. */
const quietRun = (): CheckResult => ({ ...passing(), changedManifests: [] });

describe('isQuiet', () => {
  it('holds for a pass that changed no manifest and has nothing about the change', () => {
    expect(isQuiet(quietRun())).toBe(true);
  });

  it('never holds when the changed files are not known, or a file holding objects changed', () => {
    expect(isQuiet(passing())).toBe(false);
    expect(isQuiet({ ...quietRun(), changedManifests: ['k8s/shop/workloads.yaml'] })).toBe(false);
  });

  it('does not hold when the report says anything about the change', () => {
    const { diff, findings, flows } = failing();
    const said: Partial<CheckResult>[] = [
      { diff: { ...quietRun().diff, opened: diff.opened } },
      { diff: { ...quietRun().diff, closed: diff.closed } },
      { findings: findings.filter((finding) => finding.introduced) },
      { resolved: findings.slice(0, 1) },
      { diagnostics: [{ severity: 'warning', code: 'flows-changed', message: 'flows/a.jsonl changed' }] },
      ...(flows ? [{ flows }] : []),
    ];
    for (const part of said) expect(isQuiet({ ...quietRun(), ...part }), JSON.stringify(part)).toBe(false);
    expect(isQuiet({ ...failing(), changedManifests: [] })).toBe(false);
  });

  it('lets pre-existing findings and info diagnostics be', () => {
    const existing = failing().findings.map((finding) => ({ ...finding, introduced: false }));
    const info = { severity: 'info' as const, code: 'cni-assumed', message: 'generic CNI assumed' };
    expect(isQuiet({ ...quietRun(), findings: existing, diagnostics: [info] })).toBe(true);
  });
});
