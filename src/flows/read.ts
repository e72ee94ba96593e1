import { isAbsolute, relative, resolve, sep } from 'node:path';
import { CalicoReader } from './calico.js';
import { detectLayout, type FileLayout } from './detect.js';
import { HubbleReader } from './hubble.js';
import { forEachLine, openContent, readPrefix } from './lines.js';
import { NativeCsvReader, NativeJsonLinesReader, readNativeDocument } from './native.js';
import { ReadRun, type FlowLineReader, type FlowSink } from './sink.js';
import type { AggregatedFlow, FlowFormat, FlowReadStats, L7Records } from './types.js';

export interface ReadFlowsOptions {
  /** `auto` (default) recognises each file's format from its first lines. */
  format?: FlowFormat | 'auto';
  /** Directory that file names in skipped samples are shown relative to (default: the working directory). */
  root?: string;
  /** Longest line read, in bytes (default 1 MiB); a longer line is skipped without being held in memory. */
  maxLineBytes?: number;
  /** How many skipped lines are kept as samples (default 10); all are counted. */
  maxSkippedSamples?: number;
  /** Largest native JSON-array or YAML file, in bytes (default 16 MiB): those are parsed whole. */
  maxDocumentBytes?: number;
  /** Most distinct connections held (default 1,000,000); records of further ones are counted in `stats.cut`. */
  maxDistinctFlows?: number;
  /** Most bytes one gzip file may decompress to (default 4 GiB); the rest of the file is skipped, named. */
  maxDecompressedBytes?: number;
  /** Stops the read (at the next chunk): the result is what was read until then. */
  signal?: AbortSignal;
}

export interface FlowReadResult {
  flows: AggregatedFlow[];
  stats: FlowReadStats;
  /**
   * What L7 proxies recorded (Hubble `Type: L7`): HTTP requests, DNS lookups and the addresses DNS answered, absent
   * when the logs hold none. A request is not a connection of its own: it went over one of `flows`.
   */
  l7?: L7Records;
  /** Earliest and latest time of the flows read, when the logs give times. */
  window?: { firstSeen: string; lastSeen: string };
  /**
   * Files given that yielded no valid record (as named in skipped samples): a directory, a truncated gzip, nothing
   * but broken lines. Absent when every file yielded some. Recorded evidence that could not be read is not evidence
   * of no traffic: the check fails on these.
   */
  unreadFiles?: string[];
}

export const DEFAULT_MAX_LINE_BYTES = 1024 * 1024;
export const DEFAULT_MAX_SKIPPED_SAMPLES = 10;
export const DEFAULT_MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;
export const DEFAULT_MAX_DISTINCT_FLOWS = 1_000_000;
export const DEFAULT_MAX_DECOMPRESSED_BYTES = 4 * 1024 * 1024 * 1024;

/** Bytes looked at to recognise a format. */
const DETECTION_BYTES = 64 * 1024;

/**
 * Reads recorded flows (Hubble, Calico, native; gzip accepted) into unique connections with their counts and time
 * window. Logs are streamed line by line, so their size does not matter; memory grows with distinct connections.
 * Bad input never throws: each line that is not a flow is skipped, counted, and the first few are kept as samples
 * naming file and line (line 0 is about a whole file), while everything else is still read.
 */
export async function readFlows(
  files: readonly string[],
  options: ReadFlowsOptions = {},
): Promise<FlowReadResult> {
  const limits = {
    maxLineBytes: options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES,
    maxDocumentBytes: options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES,
  };
  const forced = options.format === 'auto' ? undefined : options.format;
  const run = new ReadRun(
    options.maxSkippedSamples ?? DEFAULT_MAX_SKIPPED_SAMPLES,
    options.maxDistinctFlows ?? DEFAULT_MAX_DISTINCT_FLOWS,
  );
  const maxDecompressed = options.maxDecompressedBytes ?? DEFAULT_MAX_DECOMPRESSED_BYTES;
  const open = (file: string) => openContent(file, maxDecompressed);
  // One reader per format for the whole run: duplicates and Calico's two reporters span files.
  const hubble = new HubbleReader();
  const calico = new CalicoReader();
  const nativeLines = new NativeJsonLinesReader();
  const lineReaderFor = (layout: FileLayout): FlowLineReader | undefined => {
    if (layout === 'hubble') return hubble;
    if (layout === 'calico') return calico;
    if (layout === 'native-jsonl') return nativeLines;
    if (layout === 'native-csv') return new NativeCsvReader();
    return undefined;
  };

  for (const file of files) {
    if (options.signal?.aborted) break;
    const sink = run.sinkFor(displayName(file, options.root));
    let lastLine = 0;
    try {
      // A stream error here (a truncated gzip) shows again, with its line, when the file is read.
      // Leading blank lines are skipped: 64 KiB of them must not hide the records after them.
      const head = await readPrefix(await open(file), DETECTION_BYTES, { skipLeadingBlanks: true });
      const layout = detectLayout(head.bytes.toString('utf8'), head.complete, forced);
      if (layout === undefined) continue;
      const reader = lineReaderFor(layout);
      if (reader) {
        await forEachLine(
          await open(file),
          limits.maxLineBytes,
          {
            rawLine(bytes, start, end, lineNumber) {
              lastLine = lineNumber;
              return reader.rawLine?.(bytes, start, end, sink) ?? false;
            },
            line(text, lineNumber, terminated) {
              lastLine = lineNumber;
              if (!isBlank(text)) reader.line(text, lineNumber, terminated, sink);
            },
            tooLong(lineNumber) {
              lastLine = lineNumber;
              sink.skip(lineNumber, `line longer than ${limits.maxLineBytes} bytes`);
            },
          },
          options.signal,
        );
      } else {
        await readDocument(await open(file), limits.maxDocumentBytes, sink);
      }
    } catch (error) {
      // The file could not be opened, or its stream broke (e.g. a truncated gzip): what was read stays counted.
      sink.skip(lastLine === 0 ? 0 : lastLine + 1, `cannot read: ${(error as Error).message}`);
    }
  }
  calico.finish(run.sinkFor(''));
  if (run.aggregator.cut > 0) run.stats.cut = run.aggregator.cut;
  if (Object.keys(run.l7.cut).length > 0) run.stats.l7Cut = run.l7.cut;
  const { flows, window } = run.aggregator.result();
  const l7 = run.l7.result();
  const unreadFiles = run.filesWithoutRecords();
  return {
    flows,
    ...(l7 ? { l7 } : {}),
    stats: run.stats,
    ...(window ? { window } : {}),
    ...(unreadFiles.length > 0 ? { unreadFiles } : {}),
  };
}

async function readDocument(content: AsyncIterable<Buffer>, maxBytes: number, sink: FlowSink): Promise<void> {
  const { bytes, complete, error } = await readPrefix(content, maxBytes);
  if (error) throw error;
  if (!complete) {
    sink.skip(
      0,
      `larger than ${maxBytes} bytes, the most read whole for a JSON array or YAML: use JSON lines`,
    );
    return;
  }
  readNativeDocument(bytes.toString('utf8'), sink);
}

function isBlank(text: string): boolean {
  // Checking the first character first keeps `trim` (a copy) off the common path.
  return text.length === 0 || (text.charCodeAt(0) <= 0x20 && text.trim() === '');
}

/** A file's name as reports show it: relative to `root` when inside it, else as given. */
function displayName(file: string, root: string | undefined): string {
  const base = root ?? process.cwd();
  const path = relative(base, resolve(file));
  if (path === '' || path.startsWith('..') || isAbsolute(path)) return file;
  return path.split(sep).join('/');
}
