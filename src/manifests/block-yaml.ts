import type { ManifestDocument } from './documents.js';
import type { SourceEntry, SourceNode } from './positions.js';
import { resolvePlainScalar } from './yaml-schema.js';

/**
 * Reads a file of plain block YAML, the form `kubectl`, `helm template` and `kustomize build` write and people
 * mostly write by hand, several times faster than the full YAML parser, which spends most of a large check's time
 * building a concrete syntax tree that manifests do not need. The values are those the full parser gives (plain
 * scalars are resolved by the same schema tags) and positions are the same.
 *
 * Returns undefined as soon as the text leaves the subset it reads, and the caller parses the file with the full
 * parser, which also reports what is wrong. The subset: block mappings and lists, single-line plain and quoted
 * scalars (quoted without escapes), literal block scalars (`|`, `|-`, `|+`), single-line flow collections of such
 * scalars, comments and `---`. Outside it: tabs, CR line ends, anchors, aliases, tags, directives, folded and
 * multi-line scalars, complex, duplicate, merge and non-string keys, template syntax (`{{`), anything invalid.
 */
export function readPlainBlockYaml(
  text: string,
  limits: { maxDocumentsPerFile: number; maxDepth: number },
  positionsFor: PositionsFor = everyKind,
): ManifestDocument[] | undefined {
  if (OUTSIDE_SUBSET_TEXT.test(text)) return undefined;
  try {
    return new BlockReader(text, Math.min(limits.maxDepth, MAX_DEPTH), positionsFor).documents(
      limits.maxDocumentsPerFile,
    );
  } catch (error) {
    if (error === OUTSIDE_SUBSET) return undefined;
    throw error;
  }
}

/**
 * Whether the positions of a document's fields are wanted, by the `kind` its top-level mapping names. Where they are
 * not, the reader keeps the document's start and the entries read before `kind` only: workloads, the largest and
 * most numerous documents, need no more, and their source trees were most of what loading allocated.
 */
export type PositionsFor = (kind: unknown) => boolean;

const everyKind: PositionsFor = () => true;

/** The node of a value whose position is not wanted (shared: nothing reads or changes it). */
const UNPOSITIONED: SourceNode = Object.freeze({});

// Control characters, and what YAML 1.1 reads as line breaks or a byte-order mark, are the full parser's too.
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const OUTSIDE_SUBSET_TEXT = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029\ufeff\\]|\r(?!\n)|\{\{/;

/** Real manifests nest about 20 levels; deeper documents (and their depth limit) are the full parser's. */
const MAX_DEPTH = 64;

/** Thrown (one instance, no stack to build) wherever the reader leaves the subset; caught by the entry point. */
const OUTSIDE_SUBSET = new Error('outside the plain block YAML subset');

function outside(): never {
  throw OUTSIDE_SUBSET;
}

const SPACE = 0x20;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const COMMA = 0x2c;

/** Characters that cannot start a plain scalar: YAML indicators (`-` can, when a non-space follows). */
const INDICATORS = new Set([...'?:,[]{}#&*!|>\'"%@`'].map((c) => c.charCodeAt(0)));

/** Whether a plain scalar may start at `offset`: `-1` and `--flag` may, `- ` is a list entry. */
function plainMayStart(text: string, offset: number, lineEnd: number): boolean {
  const first = text.charCodeAt(offset);
  if (first === DASH) return offset + 1 < lineEnd && text.charCodeAt(offset + 1) !== SPACE;
  return !INDICATORS.has(first);
}

/** Longest implicit key YAML allows (the full parser rejects a longer one). */
const MAX_IMPLICIT_KEY = 1024;
/** Characters that end a plain scalar inside a flow collection (`:` only before a space or one of these). */
const FLOW_STOPS = new Set([...',[]{}#'].map((c) => c.charCodeAt(0)));

interface Parsed {
  value: unknown;
  node: SourceNode;
}

class BlockReader {
  /** The current line: the next one holding something other than spaces and a comment. */
  private lineStart = 0;
  /** Where the line's text ends: its line break (`\n` or `\r\n`), or the end of the text. */
  private lineEnd = 0;
  /** Where the next line starts. */
  private nextLine = 0;
  /** Column of the line's first non-space character; -1 at the end of the document (`---`) or of the text. */
  private indent = -1;
  private content = 0;
  /** Whether the current document's positions are still wanted (`PositionsFor`). */
  private positions = true;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
    private readonly positionsFor: PositionsFor,
  ) {}

  documents(maxDocuments: number): ManifestDocument[] {
    const documents: ManifestDocument[] = [];
    let markers = 0;
    this.moveTo(0);
    while (this.lineStart < this.text.length) {
      if (this.indent === -1) {
        markers++;
        this.moveTo(this.nextLine);
        continue;
      }
      this.positions = true;
      const { value, node } = this.node(this.indent, 0);
      if (this.indent !== -1) outside();
      documents.push({ root: node, value });
    }
    // The full parser counts every document, empty ones too: at most one more than the `---` lines.
    if (markers + 1 > maxDocuments) outside();
    return documents;
  }

  /** Moves to the first line at or after `offset` that holds more than spaces and a comment. */
  private moveTo(offset: number): void {
    const { text } = this;
    let start = offset;
    while (start < text.length) {
      const { end, next } = lineAt(text, start);
      let content = start;
      while (content < end && text.charCodeAt(content) === SPACE) content++;
      if (content < end && text.charCodeAt(content) !== HASH) {
        this.lineStart = start;
        this.lineEnd = end;
        this.nextLine = next;
        this.content = content;
        this.indent = content - start;
        if (this.indent === 0) this.checkLineStart();
        return;
      }
      start = next;
    }
    this.lineStart = this.lineEnd = this.nextLine = this.content = text.length;
    this.indent = -1;
  }

  /** A line starting in column 1 may be a document marker or a directive. */
  private checkLineStart(): void {
    const { text, lineStart, lineEnd } = this;
    const first = text.charCodeAt(lineStart);
    if (first === 0x25 /* % */ || text.startsWith('...', lineStart)) outside();
    if (!text.startsWith('---', lineStart)) return;
    const after = lineStart + 3;
    if (after === lineEnd) {
      this.indent = -1;
      return;
    }
    if (text.charCodeAt(after) !== SPACE) outside();
    const rest = this.skipSpaces(after);
    if (rest !== lineEnd && text.charCodeAt(rest) !== HASH) outside();
    this.indent = -1;
  }

  private skipSpaces(offset: number): number {
    let at = offset;
    while (at < this.lineEnd && this.text.charCodeAt(at) === SPACE) at++;
    return at;
  }

  /** Whether the value at `offset` is empty: the line ends, or only a comment follows. */
  private endsHere(offset: number): boolean {
    return offset === this.lineEnd || this.text.charCodeAt(offset) === HASH;
  }

  private isListEntry(offset: number): boolean {
    return (
      this.text.charCodeAt(offset) === DASH &&
      (offset + 1 === this.lineEnd || this.text.charCodeAt(offset + 1) === SPACE)
    );
  }

  /** A mapping or list whose first line is the current line, at column `indent`. */
  private node(indent: number, depth: number): Parsed {
    if (depth >= this.maxDepth) outside();
    return this.isListEntry(this.content)
      ? this.list(indent, depth)
      : this.mapping(indent, this.content, depth);
  }

  private mapping(indent: number, firstKey: number, depth: number): Parsed {
    const value: Record<string, unknown> = {};
    // The document's own mapping keeps its start and what it read before `kind` whatever its kind.
    const positions = this.positions;
    const entries: SourceEntry[] = [];
    let keyStart = firstKey;
    for (;;) {
      const key = this.key(keyStart) ?? outside();
      if (Object.hasOwn(value, key.name)) outside();
      const valueStart = this.skipSpaces(key.end);
      let entry: Parsed;
      if (this.endsHere(valueStart)) {
        this.moveTo(this.nextLine);
        if (this.indent > indent) entry = this.node(this.indent, depth + 1);
        else if (this.indent === indent && this.isListEntry(this.content))
          entry = this.list(indent, depth + 1);
        else entry = { value: null, node: {} };
      } else {
        entry = this.inline(valueStart, indent, depth + 1);
      }
      value[key.name] = entry.value;
      if (positions) entries.push({ key: key.name, keyStart, value: entry.node });
      if (depth === 0 && key.name === 'kind' && !this.positionsFor(entry.value)) this.positions = false;
      if (this.indent !== indent) {
        if (this.indent > indent) outside();
        return { value, node: positions ? { start: firstKey, entries } : UNPOSITIONED };
      }
      keyStart = this.content;
    }
  }

  private list(indent: number, depth: number): Parsed {
    const value: unknown[] = [];
    const items: SourceNode[] = [];
    const start = this.content;
    for (;;) {
      const itemStart = this.skipSpaces(this.content + 1);
      let item: Parsed;
      if (this.endsHere(itemStart)) {
        this.moveTo(this.nextLine);
        // An empty item (null) is left to the full parser.
        if (this.indent <= indent) outside();
        item = this.node(this.indent, depth + 1);
      } else if (this.isListEntry(itemStart)) {
        outside();
      } else if (this.key(itemStart) !== undefined) {
        item = this.mapping(itemStart - this.lineStart, itemStart, depth + 1);
      } else {
        item = this.inline(itemStart, indent, depth + 1);
      }
      value.push(item.value);
      if (this.positions) items.push(item.node);
      if (this.indent !== indent || !this.isListEntry(this.content)) {
        if (this.indent > indent) outside();
        return { value, node: this.positions ? { start, items } : UNPOSITIONED };
      }
    }
  }

  /** The mapping key starting at `offset` and the offset after its `:`, when the line is `key: ...`. */
  private key(offset: number): { name: string; end: number } | undefined {
    const { text } = this;
    const first = text.charCodeAt(offset);
    let name: string;
    let colon: number;
    if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) {
      const quoted = this.quoted(offset, this.lineEnd);
      colon = quoted.end;
      name = quoted.value;
    } else {
      if (!plainMayStart(text, offset, this.lineEnd)) return undefined;
      colon = offset;
      do {
        colon = text.indexOf(':', colon + 1);
        if (colon === -1 || colon >= this.lineEnd) return undefined;
      } while (colon + 1 < this.lineEnd && text.charCodeAt(colon + 1) !== SPACE);
      const written = text.slice(offset, colon);
      if (written.includes(' #')) return undefined;
      const source = written.trimEnd();
      if (source === '<<') outside();
      const resolved = resolvePlainScalar(source) ?? outside();
      if (typeof resolved.value !== 'string') outside();
      name = resolved.value;
    }
    if (text.charCodeAt(colon) !== COLON) return undefined;
    if (colon - offset > MAX_IMPLICIT_KEY) outside();
    if (colon + 1 < this.lineEnd && text.charCodeAt(colon + 1) !== SPACE) outside();
    if (name === '__proto__') outside();
    return { name, end: colon + 1 };
  }

  /**
   * A scalar or flow collection written after `key:` or `- ` on the current line (a literal block scalar goes on
   * over the following lines); leaves the reader on the next line, which must not be indented past `indent` (that
   * would continue a multi-line scalar).
   */
  private inline(offset: number, indent: number, depth: number): Parsed {
    const { text } = this;
    const first = text.charCodeAt(offset);
    let parsed: Parsed;
    if (first === 0x7c /* | */) {
      return this.literal(offset, indent);
    } else if (first === 0x5b /* [ */ || first === 0x7b /* { */) {
      const flow = new FlowReader(text, this.lineEnd, depth);
      parsed = flow.collection(offset);
      if (!this.positions) parsed.node = UNPOSITIONED;
      this.expectLineEnd(flow.offset);
    } else if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) {
      const quoted = this.quoted(offset, this.lineEnd);
      this.expectLineEnd(quoted.end);
      parsed = { value: quoted.value, node: this.at(offset) };
    } else {
      if (!plainMayStart(text, offset, this.lineEnd)) outside();
      const written = text.slice(offset, this.lineEnd);
      const comment = written.indexOf(' #');
      const source = (comment === -1 ? written : written.slice(0, comment)).trimEnd();
      if (source.includes(': ') || source.endsWith(':')) outside();
      parsed = { value: (resolvePlainScalar(source) ?? outside()).value, node: this.at(offset) };
    }
    this.moveTo(this.nextLine);
    if (this.indent > indent) outside();
    return parsed;
  }

  /** The node of a scalar starting at `offset`. */
  private at(offset: number): SourceNode {
    return this.positions ? { start: offset } : UNPOSITIONED;
  }

  /** Only spaces and a comment may follow a value on its line. */
  private expectLineEnd(offset: number): void {
    const rest = this.skipSpaces(offset);
    if (rest === this.lineEnd) return;
    if (rest === offset || this.text.charCodeAt(rest) !== HASH) outside();
  }

  /** A quoted scalar on one line; `end` is the offset after its closing quote. */
  private quoted(offset: number, lineEnd: number): { value: string; end: number } {
    return readQuoted(this.text, offset, lineEnd);
  }

  /** `|`, `|-` or `|+` and the lines under it, as the YAML spec's literal style keeps them. */
  private literal(offset: number, indent: number): Parsed {
    const { text } = this;
    let headerEnd = offset + 1;
    const chomping = text.charCodeAt(headerEnd);
    if (chomping === DASH || chomping === 0x2b /* + */) headerEnd++;
    this.expectLineEnd(headerEnd);
    if (this.nextLine === text.length) outside();
    let contentIndent = -1;
    let content = '';
    let emptyLines = 0;
    let widestEmpty = 0;
    let lineStart = this.nextLine;
    while (lineStart < text.length) {
      const { end: lineEnd, next } = lineAt(text, lineStart);
      // A last line without a line break is left to the full parser.
      if (next === text.length && lineEnd === next) outside();
      let spaces = 0;
      while (lineStart + spaces < lineEnd && text.charCodeAt(lineStart + spaces) === SPACE) spaces++;
      if (lineStart + spaces === lineEnd) {
        emptyLines++;
        widestEmpty = Math.max(widestEmpty, spaces);
      } else {
        if (contentIndent === -1) {
          if (spaces <= indent) break;
          contentIndent = spaces;
        }
        if (spaces < contentIndent) {
          if (spaces > indent) outside();
          break;
        }
        content += '\n'.repeat(emptyLines) + text.slice(lineStart + contentIndent, lineEnd) + '\n';
        emptyLines = 0;
      }
      if (contentIndent !== -1 && widestEmpty > contentIndent) outside();
      lineStart = next;
    }
    // An empty literal, or a blank line wider than the indentation found, is left to the full parser.
    if (contentIndent === -1 || widestEmpty > contentIndent) outside();
    let value = content;
    if (chomping === DASH) value = content.slice(0, -1);
    else if (chomping === 0x2b) value = content + '\n'.repeat(emptyLines);
    this.moveTo(lineStart);
    if (this.indent > indent) outside();
    return { value, node: this.at(offset) };
  }
}

/** The end of the line starting at `start` (before `\n` or `\r\n`) and the start of the next one. */
function lineAt(text: string, start: number): { end: number; next: number } {
  const newline = text.indexOf('\n', start);
  if (newline === -1) return { end: text.length, next: text.length };
  return { end: text.charCodeAt(newline - 1) === 0x0d ? newline - 1 : newline, next: newline + 1 };
}

/** A quoted scalar that ends on its line; `end` is the offset after its closing quote. */
function readQuoted(text: string, offset: number, lineEnd: number): { value: string; end: number } {
  const quote = text[offset] as string;
  let close = offset;
  for (;;) {
    close = text.indexOf(quote, close + 1);
    if (close === -1 || close >= lineEnd) outside();
    // In single quotes, `''` is a quote.
    if (quote === "'" && text.charCodeAt(close + 1) === SINGLE_QUOTE) {
      close++;
      continue;
    }
    break;
  }
  const inner = text.slice(offset + 1, close);
  return { value: quote === "'" ? inner.replaceAll("''", "'") : inner, end: close + 1 };
}

/** A flow collection (`[a, b]`, `{k: v}`) that ends on its line, of scalars and flow collections. */
class FlowReader {
  offset = 0;

  constructor(
    private readonly text: string,
    private readonly lineEnd: number,
    private readonly depth: number,
  ) {}

  collection(start: number, depth = this.depth): Parsed {
    if (depth >= MAX_DEPTH) outside();
    const isMap = this.text.charCodeAt(start) === 0x7b;
    const close = isMap ? 0x7d : 0x5d;
    this.offset = this.skipSpaces(start + 1);
    const value: unknown = isMap ? {} : [];
    const node: SourceNode = isMap ? { start, entries: [] } : { start, items: [] };
    if (this.text.charCodeAt(this.offset) === close) {
      this.offset++;
      return { value, node };
    }
    for (;;) {
      const itemStart = this.offset;
      const item = this.item(depth);
      if (isMap) {
        const name = item.value;
        if (typeof name !== 'string' || name === '__proto__' || name === '<<') outside();
        const map = value as Record<string, unknown>;
        if (Object.hasOwn(map, name) || this.text.charCodeAt(this.offset) !== COLON) outside();
        this.offset++;
        if (this.text.charCodeAt(this.offset) !== SPACE) outside();
        this.offset = this.skipSpaces(this.offset);
        const entryValue = this.item(depth);
        map[name] = entryValue.value;
        node.entries?.push({ key: name, keyStart: itemStart, value: entryValue.node });
      } else {
        (value as unknown[]).push(item.value);
        node.items?.push(item.node);
      }
      this.offset = this.skipSpaces(this.offset);
      const next = this.text.charCodeAt(this.offset);
      if (next === close) {
        this.offset++;
        return { value, node };
      }
      if (next !== COMMA) outside();
      this.offset = this.skipSpaces(this.offset + 1);
      // A trailing comma is left to the full parser.
      if (this.text.charCodeAt(this.offset) === close) outside();
    }
  }

  /** A scalar or nested collection at `this.offset`; leaves `this.offset` after it and its spaces. */
  private item(depth: number): Parsed {
    const { text } = this;
    const start = this.offset;
    const first = text.charCodeAt(start);
    let parsed: Parsed;
    if (first === 0x5b || first === 0x7b) {
      parsed = this.collection(start, depth + 1);
    } else if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) {
      const quoted = readQuoted(text, start, this.lineEnd);
      this.offset = quoted.end;
      parsed = { value: quoted.value, node: { start } };
    } else {
      if (!plainMayStart(text, start, this.lineEnd)) outside();
      let end = start;
      while (end < this.lineEnd && !this.endsFlowPlain(end)) end++;
      const source = text.slice(start, end).trimEnd();
      if (source === '') outside();
      this.offset = end;
      parsed = { value: (resolvePlainScalar(source) ?? outside()).value, node: { start } };
    }
    this.offset = this.skipSpaces(this.offset);
    return parsed;
  }

  private endsFlowPlain(offset: number): boolean {
    const char = this.text.charCodeAt(offset);
    if (char !== COLON) return FLOW_STOPS.has(char);
    const next = this.text.charCodeAt(offset + 1);
    return offset + 1 >= this.lineEnd || next === SPACE || FLOW_STOPS.has(next);
  }

  private skipSpaces(offset: number): number {
    let at = offset;
    while (at < this.lineEnd && this.text.charCodeAt(at) === SPACE) at++;
    return at;
  }
}
