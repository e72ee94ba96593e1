import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectLayout } from '../../src/flows/detect.js';
import { forEachLine } from '../../src/flows/lines.js';
import { readFlows } from '../../src/flows/read.js';
import { fixture } from './helpers.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'netpol-guard-flows-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const hubbleLine = (sourcePort: number) =>
  JSON.stringify({
    flow: {
      time: '2026-11-20T09:00:00Z',
      verdict: 'FORWARDED',
      IP: { source: '10.8.1.11', destination: '10.8.2.22' },
      l4: { TCP: { source_port: sourcePort, destination_port: 6379, flags: { SYN: true } } },
      source: { namespace: 'shop', labels: ['k8s:app=frontend'] },
      destination: { namespace: 'data', labels: ['k8s:app=redis'] },
      Type: 'L3_L4',
    },
  });
const calicoLine = (await readFile(fixture('calico/flows.log'), 'utf8')).split('\n')[0] ?? '';
const nativeLine =
  '{"from": {"namespace": "shop", "workload": "frontend"}, "to": {"ip": "203.0.113.9"}, "port": 443}';

describe('format detection', () => {
  it.each([
    ['a hubble observe -o jsonpb line', `${hubbleLine(1)}\n`, 'hubble'],
    ['a bare Hubble flow', `${JSON.stringify(JSON.parse(hubbleLine(1)).flow)}\n`, 'hubble'],
    ['a Calico flow log line', `${calicoLine}\n`, 'calico'],
    ['a native JSON line', `${nativeLine}\n`, 'native-jsonl'],
    ['a JSON array', `[\n  ${nativeLine}\n]\n`, 'native-document'],
    [
      'one JSON object over several lines',
      '{\n  "from": {"namespace": "a"},\n  "to": {"ip": "1.2.3.4"},\n  "port": 1\n}\n',
      'native-document',
    ],
    ['YAML', '# flows\n- from: {namespace: shop}\n  to: {ip: 1.2.3.4}\n  port: 443\n', 'native-document'],
    ['a CSV header', 'from_namespace,from_workload,to_ip,port\nshop,frontend,1.2.3.4,443\n', 'native-csv'],
    ['a corrupt first line before Hubble lines', `{"flow": {"oops"\n${hubbleLine(1)}\n`, 'hubble'],
    ['blank lines before Calico', `\n   \n${calicoLine}\n`, 'calico'],
  ])('recognises %s', (_name, text, layout) => {
    expect(detectLayout(text, true)).toBe(layout);
  });

  it('recognises Hubble from field names when the first line is longer than the bytes looked at', () => {
    expect(
      detectLayout(
        `{"flow":{"time":"2026-11-20T09:00:00Z","verdict":"FORWARDED","Summary":"${'x'.repeat(100)}`,
        false,
      ),
    ).toBe('hubble');
  });

  it('finds nothing to read in an empty file', () => {
    expect(detectLayout('', true)).toBeUndefined();
    expect(detectLayout('\n\n  \n', true)).toBeUndefined();
  });

  it('obeys a forced format, still telling native layouts apart', () => {
    expect(detectLayout(`${hubbleLine(1)}\n`, true, 'calico')).toBe('calico');
    expect(detectLayout(`${hubbleLine(1)}\n`, true, 'native')).toBe('native-jsonl');
    expect(detectLayout(`[${nativeLine}]`, true, 'native')).toBe('native-document');
  });
});

describe('readFlows', () => {
  it('reads each file in its own format in one run', async () => {
    const result = await readFlows([
      fixture('hubble/synthetic-verdicts.jsonl'),
      fixture('calico/flows.log'),
      fixture('native/flows.csv'),
    ]);
    expect(result.stats).toMatchObject({ records: 9 + 3 + 5, skipped: 1, ignored: 5 });
    expect(result.window).toEqual({
      firstSeen: '2019-12-31T23:24:17.000Z',
      lastSeen: '2026-11-20T10:00:00.000Z',
    });
  });

  it('reads a forced format as that format', async () => {
    const result = await readFlows([fixture('native/flows.jsonl')], { format: 'hubble' });
    expect(result.flows).toEqual([]);
    expect(result.stats).toMatchObject({ records: 0, skipped: 5 });
    expect(result.stats.skippedSamples[0]?.reason).toBe('not a Hubble flow (no "flow" or "verdict")');
  });

  it('gunzips by content, whatever the file name', async () => {
    const plain = fixture('hubble/synthetic-verdicts.jsonl');
    const gzipped = join(dir, 'flows.log');
    await writeFile(gzipped, gzipSync(await readFile(plain)));
    const fromGzip = await readFlows([gzipped]);
    const fromPlain = await readFlows([plain]);
    expect(fromGzip.flows).toEqual(fromPlain.flows);
    expect(fromGzip.stats).toEqual(fromPlain.stats);
  });

  it('keeps what a truncated gzip file held before the cut and reports the cut', async () => {
    const lines = Array.from({ length: 5000 }, (_, index) => hubbleLine(10_000 + index));
    const compressed = gzipSync(lines.join('\n') + '\n');
    const truncated = join(dir, 'truncated.gz');
    await writeFile(truncated, compressed.subarray(0, Math.floor(compressed.length / 2)));
    const result = await readFlows([truncated], { root: dir });
    expect(result.stats.records).toBeGreaterThan(0);
    expect(result.stats.records).toBeLessThan(5000);
    expect(result.stats.skipped).toBe(1);
    expect(result.stats.skippedSamples).toEqual([
      { file: 'truncated.gz', line: result.stats.records + 1, reason: 'cannot read: unexpected end of file' },
    ]);
  });

  it('skips a 5 MB line without stopping', async () => {
    const file = join(dir, 'long-line.jsonl');
    const long = `{"flow":{"verdict":"FORWARDED","Summary":"${'x'.repeat(5 * 1024 * 1024)}"}}`;
    await writeFile(file, [hubbleLine(1), long, hubbleLine(2)].join('\n') + '\n');
    const result = await readFlows([file], { root: dir });
    expect(result.stats).toEqual({
      records: 2,
      skipped: 1,
      ignored: 0,
      skippedSamples: [{ file: 'long-line.jsonl', line: 2, reason: 'line longer than 1048576 bytes' }],
    });
  });

  it('reports a cut-off reply as truncated, not as an ignored reply', async () => {
    const file = join(dir, 'cut-reply.jsonl');
    const reply = hubbleLine(3).replace('"Type":"L3_L4"', '"Type":"L3_L4","is_reply":true');
    await writeFile(file, `${reply}\n${reply.slice(0, -20)}`);
    const result = await readFlows([file], { root: dir });
    expect(result.stats).toEqual({
      records: 0,
      skipped: 1,
      ignored: 1,
      skippedSamples: [
        { file: 'cut-reply.jsonl', line: 2, reason: 'truncated last line (not complete JSON)' },
      ],
    });
  });

  it('reads a log of several chunks alike whatever falls on a chunk boundary, plain, gzipped or with CRLF', async () => {
    // Each connection: its request, the same request at another observation point, its reply and an L7 record.
    // Padding of varying length moves every kind of line across the 1 MiB chunk boundaries.
    const connections = 4000;
    const lines: string[] = [];
    for (let index = 0; index < connections; index++) {
      const request = JSON.parse(hubbleLine(10_000 + index)) as { flow: Record<string, unknown> };
      request.flow.Summary = 'x'.repeat(index % 397);
      lines.push(JSON.stringify(request));
      request.flow.trace_observation_point = 'TO_ENDPOINT';
      lines.push(JSON.stringify(request));
      lines.push(JSON.stringify({ flow: { ...request.flow, is_reply: true } }));
      lines.push(JSON.stringify({ flow: { ...request.flow, Type: 'L7' } }));
    }
    const text = lines.join('\n') + '\n';
    expect(text.length).toBeGreaterThan(3 * 1024 * 1024);
    const plain = join(dir, 'many-chunks.jsonl');
    const gzipped = join(dir, 'many-chunks.gz');
    const crlf = join(dir, 'many-chunks-crlf.jsonl');
    await writeFile(plain, text);
    await writeFile(gzipped, gzipSync(text));
    await writeFile(crlf, text.replaceAll('\n', '\r\n'));

    const results = await Promise.all([plain, gzipped, crlf].map((file) => readFlows([file])));
    for (const result of results) {
      expect(result.stats).toEqual({
        records: connections,
        skipped: 0,
        ignored: 3 * connections,
        skippedSamples: [],
      });
      expect(result.flows).toEqual(results[0]?.flows);
    }
    expect(results[0]?.flows.map((flow) => flow.count)).toEqual([connections]);
  });

  it('reports a file it cannot open and reads the others', async () => {
    const result = await readFlows([join(dir, 'missing.jsonl'), fixture('native/flows.jsonl')], {
      root: dir,
    });
    expect(result.flows).toHaveLength(4);
    expect(result.stats.skippedSamples).toEqual([
      { file: 'missing.jsonl', line: 0, reason: expect.stringMatching(/^cannot read: ENOENT/) },
    ]);
  });

  it('refuses a JSON array or YAML file over the size read whole', async () => {
    const result = await readFlows([fixture('native/flows.json')], {
      root: fixture(''),
      maxDocumentBytes: 100,
    });
    expect(result.flows).toEqual([]);
    expect(result.stats.skippedSamples).toEqual([
      {
        file: 'native/flows.json',
        line: 0,
        reason: 'larger than 100 bytes, the most read whole for a JSON array or YAML: use JSON lines',
      },
    ]);
  });

  it('counts every skipped line but keeps only the first samples', async () => {
    const result = await readFlows([fixture('hubble/synthetic-corrupt.jsonl')], { maxSkippedSamples: 2 });
    expect(result.stats.skipped).toBe(8);
    expect(result.stats.skippedSamples.map((sample) => sample.line)).toEqual([2, 3]);
  });

  it('reads an empty file as no flows, and names it as a file without records', async () => {
    const file = join(dir, 'empty.jsonl');
    await writeFile(file, '');
    expect(await readFlows([file], { root: dir })).toEqual({
      flows: [],
      stats: { records: 0, skipped: 0, ignored: 0, skippedSamples: [] },
      unreadFiles: ['empty.jsonl'],
    });
  });
});

describe('forEachLine', () => {
  async function* chunks(...parts: (string | Buffer)[]): AsyncIterable<Buffer> {
    for (const part of parts) yield Buffer.isBuffer(part) ? part : Buffer.from(part);
  }

  it('joins lines across chunks, decodes characters split between chunks and drops CR', async () => {
    const euro = Buffer.from('€');
    const seen: [string, number, boolean][] = [];
    const count = await forEachLine(
      chunks('ab', 'c\r\nd', euro.subarray(0, 1), Buffer.concat([euro.subarray(1), Buffer.from('\nlast')])),
      100,
      { line: (text, line, terminated) => seen.push([text, line, terminated]), tooLong: () => undefined },
    );
    expect(seen).toEqual([
      ['abc', 1, true],
      ['d€', 2, true],
      ['last', 3, false],
    ]);
    expect(count).toBe(3);
  });

  it('offers each line as bytes first, without CR and byte-order mark, and decodes only lines not taken', async () => {
    const raw: [string, number][] = [];
    const decoded: string[] = [];
    await forEachLine(chunks('\ufeffskip me\r\nkeep', ' me\r\nskip', ' too'), 100, {
      rawLine(bytes, start, end, line) {
        const text = bytes.toString('utf8', start, end);
        raw.push([text, line]);
        return text.startsWith('skip');
      },
      line: (text) => decoded.push(text),
      tooLong: () => undefined,
    });
    expect(raw).toEqual([
      ['skip me', 1],
      ['keep me', 2],
      ['skip too', 3],
    ]);
    expect(decoded).toEqual(['keep me']);
  });

  it('needs a chunk only until the next one is asked for', async () => {
    // A source that reads every chunk into the same buffer, as openContent does with its two buffers.
    async function* reused(...parts: string[]): AsyncIterable<Buffer> {
      const buffer = Buffer.alloc(16);
      for (const part of parts) yield buffer.subarray(0, buffer.write(part));
    }
    const seen: string[] = [];
    await forEachLine(reused('one\ntw', 'o\nthr', 'ee\nfour'), 100, {
      line: (text) => seen.push(text),
      tooLong: () => undefined,
    });
    expect(seen).toEqual(['one', 'two', 'three', 'four']);
  });

  it('drops an over-long line as it streams and goes on with the next', async () => {
    const seen: string[] = [];
    const tooLong: number[] = [];
    await forEachLine(chunks('short\n', 'x'.repeat(8), 'x'.repeat(8), 'x\nnext\n'), 10, {
      line: (text) => seen.push(text),
      tooLong: (line) => tooLong.push(line),
    });
    expect(seen).toEqual(['short', 'next']);
    expect(tooLong).toEqual([2]);
  });
});
