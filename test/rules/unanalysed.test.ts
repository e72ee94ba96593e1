import { describe, expect, it } from 'vitest';
import { lintDirectory } from './lint-dir.js';

describe('lint next to policies of kinds not analysed (issue 16, section 1)', () => {
  it('says a "no default-deny" finding may be wrong where such a policy applies, and only there', async () => {
    const result = await lintDirectory('fixtures/manifests/unanalysed-explain');
    const message = (namespace: string) =>
      result.findings.find(
        (f) => f.rule === 'namespace-without-default-deny' && f.resource.name === namespace,
      )?.message;
    expect(message('tenant')).toContain(
      '(unless the policy of a kind not analysed that may apply here isolates them; see the diagnostics)',
    );
    expect(message('elsewhere')).toMatch(/open in that direction$/);
    expect(result.diagnostics.map((d) => d.code)).toContain('policy-kind-not-analysed');
  });
});
