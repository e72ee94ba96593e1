import { describe, expect, it } from 'vitest';
import type { L7Change, PathChange } from '../../src/diff/types.js';
import type { ReplayedFlow } from '../../src/replay/types.js';
import { renderNamespaceGraph } from '../../src/report/mermaid.js';

const web = { namespace: 'shop', kind: 'Deployment', name: 'web' };

describe('the namespace graph (issue 17 item 13)', () => {
  it('labels a block with exceptions as the block it is, apart from the whole block', () => {
    const closed: PathChange[] = [
      { from: web, to: { cidr: '0.0.0.0/0', except: ['10.0.0.5/32'] }, protocol: 'TCP', ports: [[443, 443]] },
      { from: web, to: { cidr: '0.0.0.0/0' }, protocol: 'UDP', ports: [[53, 53]] },
    ];
    const graph = renderNamespaceGraph({ opened: [], closed })!;
    expect(graph).toContain('["0.0.0.0/0 except 10.0.0.5/32"]');
    expect(graph).toContain('["0.0.0.0/0"]');
  });

  it('names the namespaces of pods outside the tree by what selects them', () => {
    const opened: PathChange[] = [
      {
        from: {
          namespace: '*',
          kind: 'Representative',
          name: '*',
          representative: 'any pod in any namespace',
        },
        to: web,
        protocol: 'TCP',
        ports: [[8080, 8080]],
      },
      {
        from: {
          namespace: '*{team=a}',
          kind: 'Representative',
          name: '*',
          representative: 'any pod in namespaces team=a',
        },
        to: web,
        protocol: 'TCP',
        ports: [[8080, 8080]],
      },
    ];
    const graph = renderNamespaceGraph({ opened, closed: [] })!;
    expect(graph).toContain('["any namespace"]');
    expect(graph).toContain('["namespaces team=a"]');
    expect(graph).not.toContain('*');
  });
});

const worker = { namespace: 'payments', kind: 'Deployment', name: 'ledger-worker' };
const api = { namespace: 'payments', kind: 'StatefulSet', name: 'payments-api' };
const dns = { namespace: 'kube-system', kind: 'Deployment', name: 'coredns' };
const path = (from: PathChange['from'], to: PathChange['to'], protocol: 'TCP' | 'UDP', lo: number, hi = lo) =>
  ({ from, to, protocol, ports: [[lo, hi]] }) satisfies PathChange;
const flow = (
  from: typeof worker,
  to: typeof worker,
  protocol: 'TCP' | 'UDP',
  port: number,
): ReplayedFlow => ({
  from,
  to,
  protocol,
  port,
  count: 5,
});

describe('the namespace graph (issue 19, small things)', () => {
  it('draws a path inside one namespace between its workloads, in a box of the namespace, not as a loop', () => {
    const graph = renderNamespaceGraph({ opened: [], closed: [path(worker, api, 'TCP', 8443)] }) ?? '';
    expect(graph).toContain('subgraph n0 ["payments"]');
    expect(graph).toContain('n1["ledger-worker"]');
    expect(graph).toContain('n2["payments-api #91;StatefulSet#93;"]');
    expect(graph).toContain('n1 -.->|"closed: TCP/8443"| n2');
    expect(graph).not.toMatch(/ (n\d+) \S+\|"[^"]*"\| \1$/m);
  });

  it('draws the paths that carried live flows thick, named by the ports of that traffic, first', () => {
    const graph =
      renderNamespaceGraph(
        {
          opened: [path({ cidr: '10.0.0.0/8' }, api, 'TCP', 8443)],
          closed: [path(worker, api, 'TCP', 8443), path(worker, dns, 'UDP', 1, 65535)],
        },
        [flow(worker, api, 'TCP', 8443), flow(worker, dns, 'UDP', 53)],
      ) ?? '';
    const edges = graph.split('\n').filter((line) => /\|"/.test(line));
    expect(edges.slice(0, 2)).toEqual([
      '  n2 ==>|"cuts live traffic: TCP/8443"| n3',
      '  n1 ==>|"cuts live traffic: UDP/53"| n4',
    ]);
    // The rest of a path that carried a flow on one port stays a closed edge.
    expect(graph).toContain('n1 -.->|"closed: UDP/all ports"| n4');
    expect(graph).not.toContain('closed: TCP/8443');
    expect(graph).toContain('linkStyle 0,1 stroke:#cf222e,stroke-width:3px');
  });

  it('colours strokes only, so labels keep the text colour of the theme GitHub draws in', () => {
    const graph =
      renderNamespaceGraph({
        opened: [path(worker, dns, 'TCP', 80)],
        closed: [path(dns, worker, 'TCP', 80)],
      }) ?? '';
    expect(graph).toMatch(/linkStyle \S+ stroke:#1a7f37$/m);
    expect(graph).not.toMatch(/linkStyle .*color:/);
  });

  it('says all ports of every protocol as the tables do', () => {
    const all = (protocol: 'TCP' | 'UDP' | 'SCTP') => ({ ...path(worker, dns, 'TCP', 1, 65535), protocol });
    const graph = renderNamespaceGraph({ opened: [], closed: [all('SCTP'), all('TCP'), all('UDP')] }) ?? '';
    expect(graph).toContain('|"closed: all ports, all protocols"|');
  });
});

/** A path whose L7 filter changed (issue 18), as the diff gives it; the filters are left out, the graph reads none. */
const l7 = (
  from: PathChange['from'],
  to: PathChange['to'],
  port: number,
  effect: L7Change['effect'],
): L7Change => ({
  from,
  to,
  protocol: 'TCP',
  ports: [[port, port]],
  change: `L7 filter ${effect}`,
  effect,
});

describe('the namespace graph: L7 filters (issue 18)', () => {
  it('draws a path whose L7 filter changed as a dotted purple edge ending in a circle, labelled L7 and its effect', () => {
    const graph = renderNamespaceGraph({
      opened: [],
      closed: [],
      l7Changed: [l7(worker, api, 8443, 'narrowed'), l7(worker, dns, 53, 'removed')],
    });
    expect(graph).toContain('  n1 -.-o|"L7 filter narrowed: TCP/8443"| n2');
    expect(graph).toContain('-.-o|"L7 filter removed: TCP/53"|');
    expect(graph).toContain('  linkStyle 0,1 stroke:#8250df');
    expect(graph).toContain(
      '_Legend: dotted purple ending in a circle, an L7 filter changed (still open at L3/L4)._',
    );
  });

  it('draws L7 edges after the others, apart from a closed edge between the same nodes, and names both in the legend', () => {
    const graph =
      renderNamespaceGraph({
        opened: [],
        closed: [path(worker, api, 'TCP', 9090)],
        l7Changed: [l7(worker, api, 8443, 'applied')],
      }) ?? '';
    const edges = graph.split('\n').filter((line) => /\|"/.test(line));
    expect(edges).toEqual([
      '  n1 -.->|"closed: TCP/9090"| n2',
      '  n1 -.-o|"L7 filter applied: TCP/8443"| n2',
    ]);
    expect(graph).toContain('linkStyle 0 stroke:#cf222e');
    expect(graph).toContain('linkStyle 1 stroke:#8250df');
    expect(graph).toContain(
      '_Legend: dashed red closed; dotted purple ending in a circle, an L7 filter changed (still open at L3/L4)._',
    );
  });
});
