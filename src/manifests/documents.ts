import {
  Composer,
  Parser,
  isMap,
  isPair,
  isSeq,
  type LineCounter,
  type CST,
  type Document,
  type ParsedNode,
} from 'yaml';
import { readPlainBlockYaml, type PositionsFor } from './block-yaml.js';
import { locationAt, sourceTreeOf, type SourceNode } from './positions.js';
import type { Diagnostic, LoadLimits } from './types.js';
import { JSON_OPTIONS, YAML_OPTIONS } from './yaml-schema.js';

/** How a file's text is read: JSON files must be strict JSON, which YAML alone would not check. */
export type ManifestFormat = 'yaml' | 'json';

/** One non-empty document of a file: its plain JSON value and where its parts are written. */
export interface ManifestDocument {
  /** Its start, and where its fields are written unless their positions were not wanted (`PositionsFor`). */
  root: SourceNode;
  value: unknown;
}

/** What reading one file's documents shares with the code that turns them into objects. */
export interface FileReading {
  file: string;
  text: string;
  lineCounter: LineCounter;
  diagnostics: Diagnostic[];
  /** Where each document that is an unrendered template shows it (one offset per such document, not read). */
  templateOffsets: number[];
}

/**
 * Reads the documents of one file. Plain block YAML (most manifests) is read by the fast reader; anything else by
 * the full YAML parser, lazily so that a file of 20,000 documents never holds more than one YAML tree. Documents
 * that cannot be read become diagnostics (with their line) and are skipped; the rest still load. Stops at
 * `maxDocumentsPerFile`; a document of template syntax is skipped and noted (see `templateOffsets`).
 */
export function* readDocuments(
  reading: FileReading,
  format: ManifestFormat,
  limits: LoadLimits,
  positionsFor?: PositionsFor,
): Generator<ManifestDocument> {
  const plain = format === 'yaml' ? readPlainBlockYaml(reading.text, limits, positionsFor) : undefined;
  if (plain !== undefined) {
    countLines(reading);
    yield* plain;
    return;
  }
  yield* composeDocuments(reading, format, limits);
}

/** `readDocuments` by the full YAML parser only; the fast reader is checked against it. */
export function* composeDocuments(
  reading: FileReading,
  format: ManifestFormat,
  limits: LoadLimits,
): Generator<ManifestDocument> {
  const { file, text, lineCounter } = reading;
  const report: Report = (severity, code, message, offset) =>
    reading.diagnostics.push({ severity, code, message, ...locationAt(file, lineCounter, offset) });

  if (format === 'json' && !isStrictJson(reading, report)) return;

  const parser = new Parser(lineCounter.addNewLine);
  const composer = new Composer(format === 'json' ? JSON_OPTIONS : YAML_OPTIONS);
  let documentCount = 0;
  const convert = function* (documents: Iterable<Document.Parsed>): Generator<ManifestDocument> {
    for (const document of documents) {
      const converted = convertDocument(document, reading, limits, report);
      if (converted !== undefined) yield converted;
    }
  };

  for (const token of parser.parse(text)) {
    if (token.type === 'document') {
      documentCount++;
      if (documentCount > limits.maxDocumentsPerFile) {
        report(
          'error',
          'too-many-documents',
          `more than ${limits.maxDocumentsPerFile} documents in one file (limit maxDocumentsPerFile); ` +
            'the documents from here on are not read',
          token.offset,
        );
        break;
      }
      const tooDeepAt = offsetBeyondDepth(token, limits.maxDepth);
      if (tooDeepAt !== undefined) {
        report(
          'error',
          'too-deep',
          `nesting deeper than ${limits.maxDepth} levels (limit maxDepth); this document is not read`,
          tooDeepAt,
        );
        continue;
      }
    }
    yield* convert(composer.next(token));
  }
  yield* convert(composer.end());
}

type Report = (severity: Diagnostic['severity'], code: string, message: string, offset: number) => void;

/** JSON.parse decides what is JSON: YAML would accept a trailing comma or a comment that kubectl rejects. */
function isStrictJson(reading: FileReading, report: Report): boolean {
  try {
    JSON.parse(reading.text);
    return true;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message)?.[1];
    let offset = position === undefined ? reading.text.length : Number(position);
    const trailingComma = /,\s*$/.exec(reading.text.slice(0, offset));
    if (trailingComma !== null) offset = trailingComma.index;
    const hint = trailingComma === null ? '' : ' (a trailing comma is not allowed in JSON)';
    // The parser, which would have fed the line counter, does not run on a file rejected here.
    countLines(reading);
    report('error', 'json-syntax', `invalid JSON: ${message}${hint}; the file is not read`, offset);
    return false;
  }
}

/** Feeds the line counter as the YAML parser does, for text that parser does not read. */
function countLines({ text, lineCounter }: FileReading): void {
  lineCounter.addNewLine(0);
  for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', newline + 1)) {
    lineCounter.addNewLine(newline + 1);
  }
}

/** Composes one document into its tree and plain value, or reports why it cannot be read. */
function convertDocument(
  document: Document.Parsed,
  reading: FileReading,
  limits: LoadLimits,
  report: Report,
): ManifestDocument | undefined {
  const [start, end] = document.range;
  const firstError = document.errors[0];
  if (firstError !== undefined) {
    const templateAt = reading.text.indexOf('{{', start);
    if (templateAt !== -1 && templateAt < end) {
      reading.templateOffsets.push(templateAt);
      return undefined;
    }
    const offset = firstError.pos[0];
    if (firstError.code === 'DUPLICATE_KEY') {
      const key =
        /^("(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^:\n]*)/.exec(reading.text.slice(offset, offset + 200))?.[1] ?? '';
      report(
        'error',
        'duplicate-key',
        `duplicate key ${JSON.stringify(key.trim())}: kubectl rejects such a document, so it is not read`,
        offset,
      );
    } else if (firstError.code === 'RESOURCE_EXHAUSTION') {
      report('error', 'too-deep', `${firstError.message}; this document is not read`, offset);
    } else {
      report(
        'error',
        'yaml-syntax',
        `invalid YAML: ${firstError.message}; this document is not read`,
        offset,
      );
    }
    return undefined;
  }
  const root = document.contents;
  if (root === null) return undefined;
  const templateAt = flowMapTemplateOffset(root, reading.text);
  if (templateAt !== undefined) {
    reading.templateOffsets.push(templateAt);
    return undefined;
  }
  try {
    const value: unknown = document.toJS({ maxAliasCount: limits.maxAliasCount });
    return { root: sourceTreeOf(root), value };
  } catch (error) {
    if (error instanceof ReferenceError) {
      report(
        'error',
        'alias-limit',
        `more than ${limits.maxAliasCount} alias expansions (limit maxAliasCount, against "billion laughs" ` +
          'documents); this document is not read',
        root.range[0],
      );
    } else if (error instanceof RangeError) {
      report('error', 'too-deep', 'the document nests too deeply to convert; it is not read', root.range[0]);
    } else {
      // Composing accepts what converting rejects, such as a merge key (`<<: *a`) whose source is not a map.
      const message = error instanceof Error ? error.message : String(error);
      report('error', 'yaml-syntax', `invalid YAML: ${message}; this document is not read`, root.range[0]);
    }
    return undefined;
  }
}

/**
 * `name: {{ .Values.name }}` is valid YAML: a flow mapping whose key is a flow mapping. A rendered manifest
 * never has a mapping as a key, so a mapping that starts with `{{` is template syntax.
 */
function flowMapTemplateOffset(root: ParsedNode, text: string): number | undefined {
  const pending: unknown[] = [root];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (isPair(node)) {
      pending.push(node.key, node.value);
    } else if (isMap(node)) {
      if (node.range != null && text.startsWith('{{', node.range[0])) return node.range[0];
      for (const pair of node.items) pending.push(pair);
    } else if (isSeq(node)) {
      for (const item of node.items) pending.push(item);
    }
  }
  return undefined;
}

/** Offset of the first collection nested deeper than `maxDepth`, found on the CST without recursion. */
function offsetBeyondDepth(document: CST.Document, maxDepth: number): number | undefined {
  const pending: { token: CST.Token; depth: number }[] = [];
  if (document.value !== undefined) pending.push({ token: document.value, depth: 0 });
  for (let entry = pending.pop(); entry !== undefined; entry = pending.pop()) {
    const { token, depth } = entry;
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection')
      continue;
    if (depth >= maxDepth) return token.offset;
    for (const item of token.items) {
      if ('key' in item && item.key) pending.push({ token: item.key, depth: depth + 1 });
      if (item.value) pending.push({ token: item.value, depth: depth + 1 });
    }
  }
  return undefined;
}
