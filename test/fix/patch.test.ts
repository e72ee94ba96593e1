import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { addRule, changedLines, unifiedDiff } from '../../src/fix/patch.js';
import { parseManifestText } from '../../src/manifests/load.js';
import type { Direction } from '../../src/policy/types.js';

/**
 * Each folder of fixtures/fix/patch is a manifest file (`input.yaml`), the rule to add to one of its policies
 * (`case.json`) and the file it must become (`expected.yaml`, written by `vitest -u`: review its diff).
 */
const CASES = 'fixtures/fix/patch';

interface Case {
  namespace: string;
  name: string;
  direction: Direction;
  rule: Record<string, unknown>;
  /** The policy's kind; absent: NetworkPolicy. */
  kind?: string;
  /** The map holding the rule lists (`["specs", 1]`); absent: `spec`. */
  spec?: (string | number)[];
}

/** The value at a path of plain data. */
function at(value: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>(
    (inner, segment) => (inner as Record<string | number, unknown> | undefined)?.[segment],
    value,
  );
}

/** The lines of `before`, in order, are all in `after`: the patch only inserted lines. */
function onlyInserted(before: string, after: string): boolean {
  const kept = after.split('\n');
  let next = 0;
  for (const line of before.split('\n')) {
    while (next < kept.length && kept[next] !== line) next++;
    if (next === kept.length) return false;
    next++;
  }
  return true;
}

describe('addRule', () => {
  for (const name of readdirSync(CASES).sort()) {
    it(name, async () => {
      const folder = join(CASES, name);
      const input = readFileSync(join(folder, 'input.yaml'), 'utf8');
      const spec = JSON.parse(readFileSync(join(folder, 'case.json'), 'utf8')) as Case;
      const outcome = addRule(input, { ...spec, defaultNamespace: 'default' }, spec.direction, spec.rule);
      if (!('text' in outcome)) throw new Error(outcome.error);
      await expect(outcome.text).toMatchFileSnapshot(join('..', '..', folder, 'expected.yaml'));
      // Still a valid manifest file, and the policy has the rule as its last one.
      const loaded = parseManifestText(outcome.text, 'expected.yaml');
      expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const policy = loaded.objects.find(
        (o) =>
          o.kind === (spec.kind ?? 'NetworkPolicy') &&
          o.name === spec.name &&
          (o.namespace ?? 'default') === spec.namespace,
      );
      const rules = at(policy?.value, [...(spec.spec ?? ['spec']), spec.direction]) as unknown[] | undefined;
      expect(rules?.at(-1)).toEqual(spec.rule);
    });
  }

  it('inserts lines and leaves every other line as it was, in block style', () => {
    for (const name of ['append-after-comments', 'cilium-specs-entry']) {
      const folder = join(CASES, name);
      const input = readFileSync(join(folder, 'input.yaml'), 'utf8');
      const spec = JSON.parse(readFileSync(join(folder, 'case.json'), 'utf8')) as Case;
      const outcome = addRule(input, { ...spec, defaultNamespace: 'default' }, spec.direction, spec.rule);
      expect('text' in outcome && onlyInserted(input, outcome.text), name).toBe(true);
    }
  });

  it('never makes up an entry of specs', () => {
    const input = readFileSync(join(CASES, 'cilium-specs-entry', 'input.yaml'), 'utf8');
    const target = {
      kind: 'CiliumNetworkPolicy',
      namespace: 'shop',
      name: 'shop',
      defaultNamespace: 'default',
    };
    expect(addRule(input, { ...target, spec: ['specs', 2] }, 'egress', {})).toEqual({
      error: 'could not add a rule to specs[2].egress of shop/shop',
    });
  });

  // The patched policy's text, which fixes show and verify, is worked out without parsing the patched file again
  // where the plain block reader can check the insertion: it must be what the full parser finds there.
  it('gives the patched policy document as the full YAML parser reads it in the patched file', () => {
    const policy = (name: string, spec: string) =>
      `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${name}\n  namespace: a\nspec:\n${spec}`;
    const rule = { to: [{ ipBlock: { cidr: '192.0.2.1/32' } }], ports: [{ protocol: 'UDP', port: 53 }] };
    const files: (Case & { input: string })[] = [
      ...readdirSync(CASES).map((name) => {
        const spec = JSON.parse(readFileSync(join(CASES, name, 'case.json'), 'utf8')) as Case;
        return { input: readFileSync(join(CASES, name, 'input.yaml'), 'utf8'), ...spec };
      }),
      ...[
        // The list last in spec, then a comment, then another document.
        `${policy('p', '  podSelector: {}\n  egress:\n    - {}\n# after\n')}---\n${policy('q', '  podSelector: {}\n')}`,
        // The list in the middle of spec, other keys after it.
        policy('p', '  egress:\n  - to: []\n  podSelector: {}\n  policyTypes: [Egress]\n'),
        // A new list at the end of spec, the document ending without a line break.
        policy('p', '  podSelector:\n    matchLabels:\n      app: web').trimEnd(),
        // Windows line endings, and a comment after the document's last line.
        policy('p', '  podSelector: {}\n  egress:\n    - {}\n').replaceAll('\n', '\r\n') + '# end\r\n',
        // A directive: the full parse checks the insertion.
        `%YAML 1.2\n---\n${policy('p', '  podSelector: {}\n  egress:\n    - {}\n')}`,
      ].map((input) => ({ input, namespace: 'a', name: 'p', direction: 'egress' as const, rule })),
    ];
    for (const { input, namespace, name, direction, rule: added, ...target } of files) {
      const outcome = addRule(
        input,
        { namespace, name, defaultNamespace: 'default', ...target },
        direction,
        added,
      );
      if (!('text' in outcome)) throw new Error(outcome.error);
      const document = parseAllDocuments(outcome.text).find((candidate) => {
        const value = candidate.toJS() as { kind?: string; metadata?: { name?: string; namespace?: string } };
        const { metadata } = value ?? {};
        return (
          value?.kind === (target.kind ?? 'NetworkPolicy') &&
          metadata?.name === name &&
          (metadata.namespace ?? 'default') === namespace
        );
      });
      const range = document?.contents?.range;
      expect(outcome.policyText, input).toBe(range && outcome.text.slice(range[0], range[2]).trimEnd());
    }
  });

  it('keeps Windows line endings', () => {
    const input =
      'kind: NetworkPolicy\r\nmetadata:\r\n  name: p\r\n  namespace: a\r\nspec:\r\n  podSelector: {}\r\n  egress:\r\n    - {}\r\n';
    const outcome = addRule(input, { namespace: 'a', name: 'p', defaultNamespace: 'default' }, 'egress', {
      to: [{ ipBlock: { cidr: '192.0.2.1/32' } }],
    });
    expect(
      'text' in outcome && outcome.text.split('\n').every((line) => line === '' || line.endsWith('\r')),
    ).toBe(true);
  });

  it('says why when the policy is not in the file or the file does not parse', () => {
    const target = { namespace: 'a', name: 'missing', defaultNamespace: 'default' };
    expect(addRule('kind: NetworkPolicy\nmetadata: {name: p}\n', target, 'egress', {})).toEqual({
      error: 'no NetworkPolicy a/missing in the file',
    });
    const broken = addRule(
      'kind: NetworkPolicy\nmetadata: {name: missing, namespace: a}\nspec: [\n',
      target,
      'egress',
      {},
    );
    expect(broken).toHaveProperty('error');
  });
});

describe('changedLines', () => {
  it('repeats the line above an insertion, so a suggestion has a line to replace', () => {
    expect(changedLines('a\nb\nc\n', 'a\nb\nx\ny\nc\n')).toEqual({
      line: 2,
      endLine: 2,
      replacement: 'b\nx\ny',
    });
  });

  it('uses the line below an insertion at the top of the file', () => {
    expect(changedLines('a\n', 'x\na\n')).toEqual({ line: 1, endLine: 1, replacement: 'x\na' });
  });

  it('gives the replaced lines of an edit, and nothing for no change', () => {
    expect(changedLines('a\nb\nc', 'a\nB\nc')).toEqual({ line: 2, endLine: 2, replacement: 'B' });
    expect(changedLines('a', 'a')).toBeUndefined();
  });
});

describe('unifiedDiff', () => {
  it('shows each change with three lines of context and line counts', () => {
    const before = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', ''].join('\n');
    const after = ['1', '2', 'new', '3', '4', '5', '6', '7', '8', '9', '10', '11', 'x', '12', ''].join('\n');
    expect(unifiedDiff('p.yaml', before, after)).toBe(
      [
        '--- a/p.yaml',
        '+++ b/p.yaml',
        '@@ -1,5 +1,6 @@',
        ' 1',
        ' 2',
        '+new',
        ' 3',
        ' 4',
        ' 5',
        '@@ -9,5 +10,6 @@',
        ' 9',
        ' 10',
        ' 11',
        '+x',
        ' 12',
        ' ',
        '',
      ].join('\n'),
    );
    expect(unifiedDiff('p.yaml', before, before)).toBe('');
  });
});
