import { describe, expect, it } from 'vitest';
import type { PathChange } from '../../src/diff/types.js';
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
