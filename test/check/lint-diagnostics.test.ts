import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run.js';

const DIR = resolve('fixtures/manifests/misspelt-ignore');
const side = (name: string) => ({ root: `${DIR}/${name}`, paths: [`${DIR}/${name}`] });

describe('what the lint run itself raises at head', () => {
  it('reaches the check result: an ignore annotation naming an unknown rule is reported', async () => {
    const result = await runCheck({ base: side('base'), head: side('head') });

    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        code: 'unknown-rule',
        message: 'netpol-guard.io/ignore names unknown rule "dns-egres-missing"; it suppresses nothing',
        file: 'policy.yaml',
      }),
    );
  });
});
