import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineCounter, stringify } from 'yaml';
import { readPlainBlockYaml } from '../../src/manifests/block-yaml.js';
import { composeDocuments, readDocuments, type FileReading } from '../../src/manifests/documents.js';
import { DEFAULT_LOAD_LIMITS } from '../../src/manifests/load.js';
import { needsFieldPositions } from '../../src/manifests/objects.js';
import type { SourceNode } from '../../src/manifests/positions.js';

/**
 * The fast reader is only a shortcut: whenever it reads a text, values and positions must be exactly those of the
 * full YAML parser, and it must never accept a text the full parser reports a problem in.
 */

interface Reading {
  lineStarts?: number[];
  values: unknown[];
  positions: [string, number | undefined][][];
}

function flatten(root: SourceNode): [string, number | undefined][] {
  const out: [string, number | undefined][] = [['', root.start]];
  const walk = (node: SourceNode, at: string) => {
    for (const entry of node.entries ?? []) {
      out.push([`${at}/${entry.key}`, entry.keyStart]);
      walk(entry.value, `${at}/${entry.key}`);
    }
    node.items?.forEach((item, index) => {
      out.push([`${at}/${index}`, item.start]);
      walk(item, `${at}/${index}`);
    });
  };
  walk(root, '');
  return out;
}

function newReading(text: string): FileReading {
  return { file: 'f.yaml', text, lineCounter: new LineCounter(), diagnostics: [], templateOffsets: [] };
}

/** What the full parser reads, or undefined when it reports anything. */
function fullRead(text: string): Reading | undefined {
  const reading = newReading(text);
  // An empty document is read as null, and skipped by the loader; the fast reader leaves it out.
  const documents = [...composeDocuments(reading, 'yaml', DEFAULT_LOAD_LIMITS)].filter(
    (d) => d.value !== null,
  );
  if (reading.diagnostics.length > 0 || reading.templateOffsets.length > 0) return undefined;
  return {
    lineStarts: reading.lineCounter.lineStarts,
    values: documents.map((d) => d.value),
    positions: documents.map((d) => flatten(d.root)),
  };
}

function fastRead(text: string): Reading | undefined {
  const documents = readPlainBlockYaml(text, DEFAULT_LOAD_LIMITS);
  if (documents === undefined) return undefined;
  return { values: documents.map((d) => d.value), positions: documents.map((d) => flatten(d.root)) };
}

/** Asserts the property for one text; says whether the fast reader took it. */
function expectSameAsFullParser(text: string): boolean {
  const fast = fastRead(text);
  if (fast === undefined) return false;
  const full = fullRead(text);
  expect(full, `the full parser reports a problem in a text the fast reader took:\n${text}`).toBeDefined();
  expect(fast.values).toStrictEqual(full?.values);
  // Lines are counted as the full parser counts them, so every location is the same.
  const loaded = newReading(text);
  expect([...readDocuments(loaded, 'yaml', DEFAULT_LOAD_LIMITS)]).toHaveLength(fast.values.length);
  expect(loaded.lineCounter.lineStarts).toEqual(full?.lineStarts);
  // Positions matter for keys and list items (what findings point at) and for the documents themselves.
  const located = (reading: Reading) =>
    reading.positions.map((entries) => entries.filter(([at], index) => index === 0 || at !== ''));
  expect(fast.positions.map((entries) => entries.filter(([, start]) => start !== undefined))).toEqual(
    located(full as Reading).map((entries) =>
      entries.filter(([at, start]) => start !== undefined && keptPosition(fast, at)),
    ),
  );
  return true;
}

/** Positions of empty values are not kept by the fast reader (nothing is written there). */
function keptPosition(fast: Reading, at: string): boolean {
  return fast.positions.some((entries) =>
    entries.some(([path, start]) => path === at && start !== undefined),
  );
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return yamlFiles(file);
    return /\.ya?ml$/.test(name) ? [file] : [];
  });
}

const HAND_WRITTEN =
  [
    '# a comment',
    'apiVersion: v1',
    'kind: List',
    'items:',
    '- kind: Pod   # trailing comment',
    '  metadata: {name: "a", labels: {app: web, tier: "1"}}',
    '  spec:',
    '    containers:',
    "      - args: [--port=80, \"-v\", 'it''s']",
    '        command:',
    '        - /bin/sh',
    '        ports: []',
    '        env: {}',
    '        script: |',
    '          echo hi',
    '',
    '            indented # not a comment',
    '        stripped: |-',
    '          x',
    '        kept: |+',
    '          y',
    '',
    '---',
    '--- # empty document above',
    'replicas: 2',
    'enabled: yes',
    'octal: 0755',
    'empty:',
    'tilde: ~',
    'version: 1.4.2',
    'url: http://example.com:80/x',
    '"quoted key": 1',
    "'single': 2",
  ].join('\n') + '\n';

describe('the plain block YAML reader', () => {
  it('reads every fixture exactly as the full parser does, and takes most of them', () => {
    const files = [...yamlFiles('fixtures'), ...yamlFiles('test')];
    let taken = 0;
    for (const file of files) {
      if (statSync(file).size > 1024 * 1024) continue;
      if (expectSameAsFullParser(readFileSync(file, 'utf8'))) taken++;
    }
    expect(files.length).toBeGreaterThan(250);
    expect(taken / files.length).toBeGreaterThan(0.8);
  });

  it('reads the values of every fixture alike when only some kinds want positions, and their positions exactly', () => {
    // Workloads and namespaces keep their start only (and what was read before `kind`); everything else all of it.
    let unpositioned = 0;
    for (const file of [...yamlFiles('fixtures'), ...yamlFiles('test')]) {
      const text = readFileSync(file, 'utf8');
      const every = readPlainBlockYaml(text, DEFAULT_LOAD_LIMITS);
      if (every === undefined) continue;
      const some = readPlainBlockYaml(text, DEFAULT_LOAD_LIMITS, needsFieldPositions)!;
      expect(some.map((d) => d.value)).toStrictEqual(every.map((d) => d.value));
      some.forEach((document, index) => {
        const kind = (document.value as { kind?: unknown } | null)?.kind;
        const whole = flatten(every[index]!.root);
        if (needsFieldPositions(kind)) {
          expect(flatten(document.root)).toEqual(whole);
          return;
        }
        unpositioned++;
        const kept = flatten(document.root);
        expect(kept[0]).toEqual(whole[0]);
        // After `kind`, only the document's own entries are kept, each at its key.
        const afterKind = kept.slice(kept.findIndex(([at]) => at === '/kind'));
        expect(afterKind.every(([at]) => at.lastIndexOf('/') === 0)).toBe(true);
        expect(whole).toEqual(expect.arrayContaining(kept));
      });
    }
    expect(unpositioned).toBeGreaterThan(50);
  });

  it('keeps positions for a document whose kind comes after its other fields, up to kind', () => {
    const text = 'spec:\n  replicas: 1\nkind: Deployment\nmetadata:\n  name: web\n';
    const [document] = readPlainBlockYaml(text, DEFAULT_LOAD_LIMITS, needsFieldPositions)!;
    expect(flatten(document!.root)).toEqual([
      ['', 0],
      ['/spec', 0],
      ['/spec/replicas', 8],
      ['/kind', 20],
      ['/metadata', 37],
    ]);
  });

  it('reads what kubectl, helm and people write', () => {
    const text = HAND_WRITTEN;
    expect(expectSameAsFullParser(text)).toBe(true);
    expect(fastRead(text)?.values[1]).toMatchObject({ enabled: true, octal: 493, empty: null });
  });

  it.each([
    ['an anchor and alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a folded scalar', 'a: >\n  x\n'],
    ['a multi-line plain scalar', 'a: x\n  y\n'],
    ['a merge key', 'a: {b: 1}\n<<: {c: 2}\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a number as key', '80: http\n'],
    ['a tab', 'a:\n\t- b\n'],
    ['an escape', 'a: "x\\ny"\n'],
    ['template syntax', 'a: {{ .Values.x }}\n'],
    ['a directive', '%YAML 1.1\n---\na: 1\n'],
    ['a bare CR line end', 'a: 1\rb: 2\n'],
    ['bad indentation', 'a:\n    b: 1\n  c: 2\n'],
    ['an empty list item', 'a:\n- \n- b\n'],
    ['a multi-line flow collection', 'a: [b,\n  c]\n'],
    ['a trailing comma', 'a: [b, c, ]\n'],
  ])('leaves %s to the full parser', (_, text) => {
    expect(fastRead(text)).toBeUndefined();
  });

  // Strings of the characters that matter to YAML, and others.
  const text = fc.string({ unit: fc.constantFrom(...'ab1 :-#."\'/[]{},|>&*!?%@~é\n'), maxLength: 8 });
  const scalar = fc.oneof(
    fc.constantFrom(
      'web',
      'yes',
      'No',
      '~',
      'null',
      '0755',
      '0x1F',
      '1e3',
      '.5',
      '-1',
      '+2',
      '1_000',
      '22:22',
    ),
    fc.constantFrom('--port=80', 'a: b', 'a #b', "it's", 'say "hi"', '[x]', '{y}', '- z', '', ' pad ', 'k:'),
    text,
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
  );
  const key = fc.oneof(fc.constantFrom('app', 'app.kubernetes.io/name', 'on', '1', 'a b', '"q"'), text);
  const tree = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
    list: fc.array(tie('value'), { maxLength: 4 }),
    map: fc.dictionary(key, tie('value'), { maxKeys: 4 }),
  })).value;
  // Manifests are mappings.
  const asDocument = (value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value) ? value : { value };
  const styles = fc.record({
    indentSeq: fc.boolean(),
    collectionStyle: fc.constantFrom('any', 'block', 'flow') as fc.Arbitrary<'any' | 'block' | 'flow'>,
    defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_SINGLE', 'QUOTE_DOUBLE') as fc.Arbitrary<
      'PLAIN' | 'QUOTE_SINGLE' | 'QUOTE_DOUBLE'
    >,
    indent: fc.constantFrom(2, 4),
  });

  it('agrees with the full parser on generated documents', () => {
    let runs = 0;
    let taken = 0;
    fc.assert(
      fc.property(fc.array(tree.map(asDocument), { minLength: 1, maxLength: 3 }), styles, (values, style) => {
        const text = values
          .map((value) => stringify(value, { ...style, lineWidth: 0, version: '1.1' }))
          .join('---\n');
        runs++;
        if (expectSameAsFullParser(text)) taken++;
      }),
      { numRuns: 1000 },
    );
    // Most generated documents are plain block YAML: the property is not met by leaving everything out.
    expect(taken / runs).toBeGreaterThan(0.15);
  });

  const damage = fc.array(
    fc.tuple(
      fc.nat(),
      fc.constantFrom(
        ' ',
        '  ',
        ':',
        ': ',
        '-',
        '- ',
        '#',
        ' #',
        '\n',
        '"',
        "'",
        '|',
        '|-',
        '[',
        ']',
        '{',
        '}',
        ',',
        'x',
        '1',
        '---\n',
        '&a ',
        '*a',
        '\r\n',
        '\r',
      ),
    ),
    { minLength: 1, maxLength: 3 },
  );

  it('never takes a damaged text differently from the full parser', () => {
    let runs = 0;
    let taken = 0;
    // Including files with CRLF line ends and literal block scalars.
    const samples = [
      ...yamlFiles('fixtures/demo'),
      ...yamlFiles('fixtures/scenarios').slice(0, 30),
      ...yamlFiles('fixtures/conformance/np-guard/diff-deny-all'),
    ]
      .map((file) => readFileSync(file, 'utf8'))
      .concat(HAND_WRITTEN);
    fc.assert(
      fc.property(fc.constantFrom(...samples), damage, (sample, edits) => {
        let text = sample;
        for (const [at, insert] of edits) {
          const offset = at % (text.length + 1);
          text = text.slice(0, offset) + insert + text.slice(offset);
        }
        runs++;
        if (expectSameAsFullParser(text)) taken++;
      }),
      { numRuns: 1500 },
    );
    expect(taken / runs).toBeGreaterThan(0.2);
  });
});
