import { describe, expect, it } from 'vitest';
import { judgeL7 } from '../../src/policy/l7.js';
import type { L7Rule } from '../../src/policy/types.js';

/**
 * What judgeL7 does not run: a recorded path comes from the cluster, a rule's regular expression from the tree, and
 * neither may make the replay hang or fail. The semantic points are in fixtures/engine/cilium-l7.
 */
describe('judgeL7 on regular expressions it does not run', () => {
  const rule = (fields: Record<string, unknown>): L7Rule => ({
    parser: 'http',
    rule: fields,
    policy: {
      kind: 'CiliumNetworkPolicy',
      namespace: 'a',
      name: 'p',
      location: { file: 'p.yaml', line: 1, column: 1 },
    },
    location: { file: 'p.yaml', line: 2, column: 1 },
  });
  const request = { parser: 'http' as const, method: 'GET', path: `/${'a'.repeat(5000)}!` };

  it('leaves a path with nested repetition unchecked instead of running it', () => {
    expect(judgeL7({ ingress: [rule({ path: '/(a+)+' })] }, request)).toEqual({
      allowed: true,
      unchecked: ['path /(a+)+'],
    });
  });

  it('leaves a pattern JavaScript cannot read unchecked, and still refuses by the fields it can check', () => {
    expect(judgeL7({ ingress: [rule({ method: 'POST', path: '/(' })] }, request)).toMatchObject({
      allowed: false,
    });
    expect(judgeL7({ ingress: [rule({ method: 'GET', path: '/(' })] }, request)).toEqual({
      allowed: true,
      unchecked: ['path /('],
    });
  });
});
