import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run.js';
import { peerLabel } from '../../src/diff/peers.js';

/**
 * Issue 16: admittingRules names the allow rules of every kind of the namespaced tier, so what reads them (the
 * diff's blame, the replay's readiness) sees a CiliumNetworkPolicy's rules as it sees a NetworkPolicy's.
 * fixtures/diff/blame-cilium: a rule added to the CNP shop/db, beside a NetworkPolicy of the same name.
 */
const DIR = resolve('fixtures/diff/blame-cilium');

async function check() {
  const side = (dir: string) => ({ root: dir, paths: [dir] });
  return runCheck({
    base: side(join(DIR, 'base')),
    head: side(join(DIR, 'head')),
    flows: [join(DIR, 'flows.native.jsonl')],
  });
}

describe('rules of a CiliumNetworkPolicy', () => {
  it('locate the path they open at the added rule, not at a pod or a NetworkPolicy of the same name', async () => {
    const { diff } = await check();
    expect(
      diff.opened.map(
        (c) => `${peerLabel(c.from)} -> ${peerLabel(c.to)} @ ${c.location?.file}:${c.location?.line}`,
      ),
    ).toEqual(['shop/api [Pod] -> shop/db [Pod] @ policies.yaml:31']);
  });

  it('cover the recorded connections they admit in default-deny readiness', async () => {
    const { flows } = await check();
    expect(
      flows?.readiness?.flatMap(({ blocking }) =>
        blocking.map((b) => `${peerLabel(b.from)} -> ${peerLabel(b.to)} ${b.uncovered.join(',')}`),
      ),
    ).toEqual(['shop/api [Pod] -> shop/web [Pod] egress', 'shop/web [Pod] -> shop/db [Pod] egress']);
  });
});
