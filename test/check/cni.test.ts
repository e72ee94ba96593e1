import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/check/types.js';
import { cli } from '../support/cli.js';

/**
 * fixtures/diff/first-cilium-policy (issue 16 section 4): with `cni` unset, a comparison chooses the CNI once, from
 * the policies of both trees, and says so in one `cni-assumed` info.
 */
const TREES = 'fixtures/diff/first-cilium-policy';

async function check(base: string, head: string): Promise<CheckResult> {
  const { stdout, stderr } = await cli(['check', '--base', base, '--head', head, '--format', 'json']);
  expect(stderr).toBe('');
  return JSON.parse(stdout) as CheckResult;
}

describe('the CNI of a comparison', () => {
  it('is chosen from both trees: a pull request adding the first Cilium policy analyses base as Cilium too', async () => {
    const result = await check(`${TREES}/base`, `${TREES}/head`);
    // Base read as generic would isolate the hostNetwork node-agent and head read as Cilium would not: opened paths.
    expect(result.diff.opened).toEqual([]);
    expect(result.diff.closed).toEqual([]);
    const assumed = result.diagnostics.filter((d) => d.code === 'cni-assumed');
    expect(assumed).toEqual([expect.objectContaining({ file: 'cilium.yaml', line: 2 })]);
    expect(assumed[0]?.side).toBeUndefined();
  });

  it('is said at base when only base holds the CNI-specific policies', async () => {
    const result = await check(`${TREES}/head`, `${TREES}/base`);
    expect(result.diff.opened).toEqual([]);
    expect(result.diff.closed).toEqual([]);
    const assumed = result.diagnostics.filter((d) => d.code === 'cni-assumed');
    expect(assumed).toEqual([expect.objectContaining({ file: 'cilium.yaml', line: 2, side: 'base' })]);
  });

  it('follows the setting on both sides', async () => {
    const { stdout } = await cli([
      'check',
      '--base',
      `${TREES}/base`,
      '--head',
      `${TREES}/head`,
      '--cni',
      'generic',
      '--format',
      'json',
    ]);
    const result = JSON.parse(stdout) as CheckResult;
    expect(result.diagnostics.filter((d) => d.code === 'cni-assumed')).toEqual([]);
    // Generic on both sides: node-agent is a pod like any other, which the new Cilium rule admits into web.
    expect(
      result.diff.opened.map(({ from, to, protocol, ports }) => ({ from, to, protocol, ports })),
    ).toEqual([
      {
        from: { namespace: 'app', kind: 'DaemonSet', name: 'node-agent' },
        to: { namespace: 'app', kind: 'Deployment', name: 'web' },
        protocol: 'TCP',
        ports: [[8080, 8080]],
      },
    ]);
  });
});
