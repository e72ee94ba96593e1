import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run.js';

const DIR = resolve('fixtures/manifests/broken-base');
const side = (name: string) => ({ root: `${DIR}/${name}`, paths: [`${DIR}/${name}`] });

describe('a base the loader could not fully read (issue 15 item 3)', () => {
  it('has its diagnostics reported, marked as the base, without failing the check', async () => {
    const result = await runCheck({ base: side('base'), head: side('head') });

    expect(result.diagnostics).toContainEqual({
      severity: 'error',
      code: 'yaml-syntax',
      message: 'at base: invalid YAML: Tabs are not allowed as indentation; this document is not read',
      file: 'policy.yaml',
      line: 8,
      column: 1,
      side: 'base',
    });
    expect(result.verdict).toBe('pass');
  });

  it('does not make the findings in the file it could not read new', async () => {
    const result = await runCheck({ base: side('base'), head: side('head') });
    const finding = result.findings.find((f) => f.rule === 'peer-selects-nothing');
    expect(finding).toMatchObject({ file: 'policy.yaml', introduced: false });
  });
});

describe('a note both sides make with other numbers', () => {
  it('is reported once, at head (GoogleCloudPlatform/microservices-demo: namespace-less manifests)', async () => {
    const dir = resolve('fixtures/manifests/no-namespace');
    const result = await runCheck({
      base: { root: `${dir}/base`, paths: [`${dir}/base`] },
      head: { root: `${dir}/head`, paths: [`${dir}/head`] },
    });
    expect(result.diagnostics.filter((d) => d.code === 'default-namespace')).toEqual([
      expect.objectContaining({
        file: 'app.yaml',
        line: 3,
        message: expect.stringMatching(/^2 objects have/),
      }),
    ]);
  });
});
