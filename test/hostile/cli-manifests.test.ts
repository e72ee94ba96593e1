import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LOAD_LIMITS } from '../../src/manifests/load.js';
import { cli } from '../support/cli.js';
import {
  aliasBomb,
  binaryYaml,
  configMaps,
  deepBlockYaml,
  deepFlowYaml,
  deepJson,
  emptyDocuments,
  largeFile,
} from './generated.js';
import {
  expectNoCrash,
  expectPlaceReported,
  expectValidFindingReported,
  FORMATS,
  HOSTILE,
  pullRequestWith,
} from './support.js';

/**
 * One hostile manifest file beside a valid pull request, through `lint` and `check` in every format: exit code 1
 * (the valid policy's error finding), no crash, a diagnostic naming the file (and line), and the valid finding
 * still reported. `lines` are where the file's diagnostics point; none for a file that is only large.
 */
interface ManifestCase {
  file: string;
  content: string | Buffer;
  lines: number[];
}

const committed = (file: string, lines: number[]): ManifestCase => ({
  file,
  content: readFileSync(path.join(HOSTILE, file)),
  lines,
});

const cases: ManifestCase[] = [
  committed('unclosed-flow-map.yaml', [6]),
  committed('tab-indentation.yaml', [4]),
  committed('helm-template.yaml', [1]),
  committed('helm-template-quoted.yaml', [5]),
  committed('duplicate-keys.yaml', [9]),
  committed('merge-key.yaml', [3]),
  committed('docker-compose.yml', [1]),
  committed('non-object.yaml', [2]),
  committed('trailing-comma.json', [5]),
  // Bad operator, misspelt field, port 70000, ICMP, endPort below port and with a named port, /33, except outside.
  committed('api-invalid-policy.yaml', [12, 16, 18, 19, 22, 24, 28, 31]),
  committed('mentions.yaml', [3, 14, 19]),
  // Workloads keep no field positions: a name is reported at its object's first line.
  committed('invalid-names.yaml', [4, 9, 23, 32]),
  { file: 'alias-bomb.yaml', content: aliasBomb(), lines: [1] },
  { file: 'deep-flow.yaml', content: deepFlowYaml(), lines: [1] },
  { file: 'deep-block.yaml', content: deepBlockYaml(), lines: [DEFAULT_LOAD_LIMITS.maxDepth + 1] },
  { file: 'deep.json', content: deepJson(), lines: [1] },
  { file: 'image.yaml', content: binaryYaml(), lines: [2] },
  { file: 'large.yaml', content: largeFile(DEFAULT_LOAD_LIMITS.maxFileBytes + 1), lines: [] },
];

describe.each(cases)('$file beside a valid pull request', ({ file, content, lines }) => {
  const { base, head } = pullRequestWith({ [file]: content });
  const places = lines.length > 0 ? lines.map((line) => ({ file, line })) : [{ file }];

  it.each(FORMATS)('lint --format %s reports it and the valid finding', async (format) => {
    const outcome = await cli(['lint', '.', '--format', format], head);
    expectNoCrash(outcome);
    expect(outcome.code).toBe(1);
    for (const place of places) expectPlaceReported(format, outcome.stdout, place);
    expectValidFindingReported(format, outcome.stdout);
  });

  it.each(FORMATS)('check --format %s reports it and the valid finding', async (format) => {
    const outcome = await cli(['check', '--base', base, '--head', head, '--format', format]);
    expectNoCrash(outcome);
    expect(outcome.code).toBe(1);
    for (const place of places) expectPlaceReported(format, outcome.stdout, place);
    expectValidFindingReported(format, outcome.stdout);
  });
});

describe('files of many documents beside a valid pull request', () => {
  const { base, head } = pullRequestWith({
    'config-maps.yaml': configMaps(20_000),
    'documents.yaml': emptyDocuments(DEFAULT_LOAD_LIMITS.maxDocumentsPerFile + 1),
  });
  // The document past the limit starts on this line (two lines per document).
  const limitLine = DEFAULT_LOAD_LIMITS.maxDocumentsPerFile * 2 + 1;

  it.each(FORMATS)(
    'check --format %s reads 20,000 unused objects and stops at the document limit',
    async (format) => {
      const outcome = await cli(['check', '--base', base, '--head', head, '--format', format]);
      expectNoCrash(outcome);
      expect(outcome.code).toBe(1);
      expectPlaceReported(format, outcome.stdout, { file: 'documents.yaml', line: limitLine });
      expectValidFindingReported(format, outcome.stdout);
    },
  );

  it('lint names the limit that was reached', async () => {
    const outcome = await cli(['lint', '.', '--format', 'json'], head);
    expectNoCrash(outcome);
    expect(outcome.code).toBe(1);
    expect(JSON.parse(outcome.stdout).diagnostics).toContainEqual(
      expect.objectContaining({
        file: 'documents.yaml',
        line: limitLine,
        code: 'too-many-documents',
        message: expect.stringContaining('limit maxDocumentsPerFile'),
      }),
    );
  });
});
