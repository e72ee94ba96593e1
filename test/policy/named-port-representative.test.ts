import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/load.js';
import { buildModel } from '../../src/model/build.js';
import { diffConnectivity } from '../../src/diff/connectivity.js';
import { createEngine } from '../../src/policy/engine.js';
import { withRepresentatives } from '../../src/policy/representatives.js';
import { formatChangePorts } from '../../src/report/format.js';
import { renderReachText } from '../../src/report/text.js';

const TREE = 'fixtures/partial/named-port-representative';

async function engines() {
  const model = async (side: string) => buildModel((await loadManifests([`${TREE}/${side}`])).objects).model;
  const [base, head] = [await model('base'), await model('head')];
  return {
    base: createEngine(withRepresentatives(base, head)),
    head: createEngine(withRepresentatives(head, base)),
  };
}

describe('named ports towards representative peers (issue 17 item 6)', () => {
  it('carry the name, resolved on the pod, instead of being dropped', async () => {
    const { base } = await engines();
    const toPostgres = base
      .connectivity()
      .filter(
        (c) =>
          'name' in c.from &&
          c.from.name === 'api' &&
          'namespace' in c.to &&
          c.to.namespace === 'payments-db',
      )
      .map((c) => [c.protocol, c.ports, c.namedPorts, 'representative' in c.to ? c.to.representative : '']);
    expect(toPostgres).toEqual([
      ['TCP', [], ['sql'], 'any pod app=postgres in namespace payments-db (not in this repository)'],
    ]);
  });

  it('are seen closed when the rule goes', async () => {
    const { base, head } = await engines();
    const { closed, opened } = diffConnectivity(base, head);
    expect(opened).toEqual([]);
    expect(closed.map((c) => [c.protocol, c.ports, c.namedPorts])).toEqual([['TCP', [], ['sql']]]);
  });

  it('are named so in reach, in the report rows and in explain', async () => {
    const { base, head } = await engines();
    expect(renderReachText(base.connectivity())).toContain(
      'payments/api -> any pod app=postgres in namespace payments-db (not in this repository) : ' +
        'TCP named port sql (resolved on the pod)\n',
    );
    const [closed] = diffConnectivity(base, head).closed;
    expect(formatChangePorts(closed!)).toBe('TCP/named port sql (resolved on the pod)');
    const api = base.model.workloads.find((w) => w.name === 'api')!;
    const postgres = base.model.workloads.find((w) => w.namespace === 'payments-db')!;
    const explained = base.explain({ workload: api }, { workload: postgres }, 'TCP', 5432);
    expect(explained.allowed).toBe(false);
    expect(explained.egress.policies[0]?.rules[0]).toMatchObject({
      peerMatches: true,
      portMatches: false,
      namedPorts: ['sql'],
    });
  });
});
