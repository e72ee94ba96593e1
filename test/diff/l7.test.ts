import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run.js';
import { peerLabel } from '../../src/diff/peers.js';
import { renderJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderText } from '../../src/report/text.js';

/**
 * Issue 18, L7: a port allowed at base and head whose L7 filter changes is a row of the diff (fixtures/diff/l7-filter:
 * the HTTP rules of a CiliumNetworkPolicy narrowed, added and removed, every path still open at L3/L4).
 */
const DIR = resolve('fixtures/diff/l7-filter');

async function check(dir = DIR) {
  const side = (tree: string) => ({ root: tree, paths: [tree] });
  return runCheck({ base: side(join(dir, 'base')), head: side(join(dir, 'head')) });
}

/** A change as one line: `from -> to TCP/80: what changed`. */
function row(change: NonNullable<Awaited<ReturnType<typeof check>>['diff']['l7Changed']>[number]): string {
  const ports = change.ports.map(([lo, hi]) => (lo === hi ? lo : `${lo}-${hi}`)).join();
  return `${peerLabel(change.from)} -> ${peerLabel(change.to)} ${change.protocol}/${ports}: ${change.change}`;
}

/** A change's effect and where it is written: `applied at payments.yaml:40`. */
function placed(change: NonNullable<Awaited<ReturnType<typeof check>>['diff']['l7Changed']>[number]): string {
  return `${change.effect} at ${change.location?.file}:${change.location?.line}`;
}

describe('L7 filters in the diff', () => {
  it('are a row for each port whose filter changed, and no path opens or closes', async () => {
    const { diff } = await check();
    expect(diff.opened).toEqual([]);
    expect(diff.closed).toEqual([]);
    expect(diff.l7Changed?.map(row)).toEqual([
      'payments/admin [Pod] -> payments/api [Pod] TCP/8080: now L7-filtered: only GET /admin/.*',
      'payments/batch [Pod] -> payments/api [Pod] TCP/9090: no longer L7-filtered (was only POST /jobs)',
      'payments/frontend [Pod] -> payments/api [Pod] TCP/8080: L7 filter changed: only GET /api/v1/orders.* (was only GET /api/.*)',
    ]);
  });

  it('say what each change does to the requests that pass, at the line that makes it', async () => {
    const { diff } = await check();
    expect(diff.l7Changed?.map(placed)).toEqual([
      // The rule item added under the admin's toPorts.
      'applied at payments.yaml:40',
      // The batch's rule, whose L7 rules were taken out.
      'removed at payments.yaml:41',
      // A rule rewritten is one rule lost and one gained, as written.
      'changed at payments.yaml:35',
    ]);
    const external = await check(resolve('fixtures/diff/l7-filter-external'));
    expect(external.diff.l7Changed?.map(placed)).toEqual([
      // The L3/L4-only `fromCIDR: [192.0.2.10/32]` added beside the filtered /24, not the filtered rule.
      'removed at payments.yaml:36',
      'removed at payments.yaml:53',
      'removed at payments.yaml:53',
      'changed at payments.yaml:50',
      'applied at payments.yaml:62',
    ]);
  });

  it('name the rules that filter, with their file:line, in every report', async () => {
    const result = await check();
    const markdown = renderMarkdown(result);
    expect(markdown).toContain('L7 filters changed');
    expect(markdown).toContain(
      '| payments/<wbr>admin \\[Pod\\] | payments/<wbr>api \\[Pod\\] | TCP/8080 | now L7-filtered: only GET ' +
        '/admin/.\\* (by CiliumNetworkPolicy payments/<wbr>api at `payments.yaml:40`) |',
    );
    const text = renderText(result, { color: false });
    expect(text).toContain('L7 filters changed (3):');
    expect(text).toContain(
      'by: ingress only GET /api/v1/orders.* (CiliumNetworkPolicy payments/api at payments.yaml:35)',
    );
    const json = JSON.parse(renderJson(result)) as typeof result;
    expect(json.diff.l7Changed?.[0]?.head?.ingress?.[0]).toMatchObject({
      parser: 'http',
      rule: { method: 'GET', path: '/admin/.*' },
      policy: { kind: 'CiliumNetworkPolicy', namespace: 'payments', name: 'api' },
      location: { file: 'payments.yaml', line: 40 },
    });
  });

  // fixtures/diff/l7-filter-external: toCIDR, toEntities world and kube-apiserver, fromCIDR.
  it('are rows towards addresses and entities too, cut where the filter changed', async () => {
    const { diff } = await check(resolve('fixtures/diff/l7-filter-external'));
    expect(diff.opened).toEqual([]);
    expect(diff.closed).toEqual([]);
    expect(diff.l7Changed?.map(row)).toEqual([
      '192.0.2.10/32 -> payments/api [Pod] TCP/8080: no longer L7-filtered (was only GET /public)',
      'payments/batch [Pod] -> 0.0.0.0/0 TCP/80: no longer L7-filtered (was only POST /upload)',
      'payments/batch [Pod] -> ::/0 TCP/80: no longer L7-filtered (was only POST /upload)',
      'payments/frontend [Pod] -> 198.51.100.0/24 TCP/80: L7 filter changed: only GET /api/v1/.* (was only GET /api/.*)',
      'payments/operator [Pod] -> entity:kube-apiserver (the Kubernetes API server) TCP/443: now L7-filtered: ' +
        'only GET /apis/apps/v1/.*',
    ]);
  });

  it('towards addresses are named in every report', async () => {
    const result = await check(resolve('fixtures/diff/l7-filter-external'));
    expect(renderMarkdown(result)).toContain(
      '| payments/<wbr>frontend \\[Pod\\] | 198\\.51.100.0/24 | TCP/80 | L7 filter changed: only GET /api/<wbr>v1/.\\* ' +
        '\\(was only GET /api/.\\*\\) (by CiliumNetworkPolicy payments/<wbr>egress at `payments.yaml:50`) |',
    );
    const text = renderText(result, { color: false });
    expect(text).toContain('L7 filters changed (5):');
    expect(text).toContain(
      '192.0.2.10/32 -> payments/api [Pod]  TCP/8080  no longer L7-filtered (was only GET /public)\n' +
        '      was: ingress only GET /public (CiliumNetworkPolicy payments/api at payments.yaml:35)',
    );
    const json = JSON.parse(renderJson(result)) as typeof result;
    expect(json.diff.l7Changed?.[3]).toMatchObject({
      from: { namespace: 'payments', name: 'frontend' },
      to: { cidr: '198.51.100.0/24' },
      base: { egress: [{ rule: { method: 'GET', path: '/api/.*' } }] },
      head: { egress: [{ rule: { method: 'GET', path: '/api/v1/.*' }, location: { line: 50 } }] },
    });
  });
});
