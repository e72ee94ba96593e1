import { describe, expect, it } from 'vitest';
import { lintDirectory } from './lint-dir.js';

describe('Cilium policies in rule messages', () => {
  it('names a policy of several rules (specs) once, not as also selecting its own pods', async () => {
    // fixtures/engine/cilium-deny: CCNP `denied` selects other/denied through two items of `specs`.
    const { findings } = await lintDirectory('fixtures/engine/cilium-deny');
    const denied = findings.filter(
      (finding) => finding.rule === 'dns-egress-missing' && finding.resource.name === 'denied',
    );
    expect(denied.map((finding) => finding.message)).toEqual([
      expect.stringContaining(
        'Pod other/denied cannot resolve names: CiliumClusterwideNetworkPolicy denied isolates egress and no rule',
      ),
    ]);
  });
});
