import { isDeepStrictEqual } from 'node:util';
import { Document, isMap, isPair, isScalar, isSeq, parseAllDocuments, stringify, type Node } from 'yaml';
import { readPlainBlockYaml } from '../manifests/block-yaml.js';
import { DEFAULT_LOAD_LIMITS } from '../manifests/load.js';
import type { FieldPath } from '../manifests/types.js';
import type { Direction } from '../policy/types.js';
import { fieldPathText } from '../text/field-path.js';

/** Which NetworkPolicy of a file to patch. */
export interface PolicyTarget {
  namespace: string;
  name: string;
  /** The namespace of a policy that states none (as the model was built with). */
  defaultNamespace: string;
  /** A line inside the policy's document: picks one among duplicates. */
  line?: number;
  /** The policy's kind; absent: NetworkPolicy. */
  kind?: string;
  /** The map whose `ingress` / `egress` list the rule goes into: `['specs', 1]` for a Cilium rule of `specs`; absent: `spec`. */
  spec?: FieldPath;
}

const SPEC: FieldPath = ['spec'];

/**
 * The patched file, and the text of the patched policy's document, from its first key to its end; `change` when the
 * patch knows the lines it replaces better than a line diff would find them (a new document that starts like the
 * next one).
 */
export type PatchOutcome =
  { text: string; policyText: string | undefined; change?: ChangedLines } | { error: string };

type ParsedDocument = Document.Parsed;

/** A rule item as YAML, the way it is written under `spec.ingress` / `spec.egress`. */
export function ruleYaml(rule: Record<string, unknown>): string {
  return stringify([rule]).trimEnd();
}

/**
 * Appends one rule to a policy's `spec.ingress` / `spec.egress` (a Cilium rule of `specs`: `specs[i].egress`) in a
 * manifest file's text. The lines of the rule are inserted where the list ends (or a new list where the spec
 * ends), so comments, quoting and every other document stay byte-identical; only a flow-style list or spec falls
 * back to re-writing that one document. The result is checked by parsing it again: the list must be what it was
 * plus exactly the rule.
 */
export function addRule(
  text: string,
  target: PolicyTarget,
  direction: Direction,
  rule: Record<string, unknown>,
): PatchOutcome {
  const found = findPolicyDocument(text, target);
  if ('error' in found) return found;
  const spec = target.spec ?? SPEC;
  const before = ruleListOf(plainValue(found.document), spec, direction);
  const expected = [...before, rule];
  for (const strategy of [insertLines, rewriteDocument]) {
    const patched = strategy(text, found.document, spec, direction, rule);
    if (patched === undefined) continue;
    const inserted =
      strategy === insertLines
        ? checkInsertion(text, patched, found.document, target, spec, direction)
        : undefined;
    if (inserted !== undefined) {
      if (inserted.rules !== undefined && isDeepStrictEqual(inserted.rules, expected))
        return { text: patched, policyText: inserted.policyText };
      continue;
    }
    const again = findPolicyDocument(patched, { ...target, line: undefined }, found.index);
    if (
      'document' in again &&
      isDeepStrictEqual(ruleListOf(plainValue(again.document), spec, direction), expected)
    ) {
      return { text: patched, policyText: documentText(patched, again.document) };
    }
  }
  return {
    error: `could not add a rule to ${fieldPathText([...spec, direction])} of ${target.namespace}/${target.name}`,
  };
}

/**
 * Inserts a new policy document right after the document of `anchor` (the pure default deny it sits beside), so a
 * suggestion on the anchor's last line shows it, and nothing else of the file changes. The result is checked by
 * parsing it again: the anchor is unchanged and the new document reads as `policy`.
 */
export function addPolicy(text: string, anchor: PolicyTarget, policy: Record<string, unknown>): PatchOutcome {
  const found = findPolicyDocument(text, anchor);
  if ('error' in found) return found;
  const range = found.document.contents?.range;
  if (!range || DIRECTIVE.test(text)) return { error: 'the policy is not a block document of its own' };
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  // The end of the anchor's last line: comments after it belong to what follows.
  const lineEnd = text.indexOf('\n', Math.max(range[1] - 1, 0));
  const offset = lineEnd === -1 ? text.length : lineEnd + 1;
  const documentYaml = stringify(policy).trimEnd();
  const patched = insertAt(text, offset, ['---', ...documentYaml.split('\n')], newline);
  const documents = parsedDocuments(patched);
  const added = documents[found.index + 1];
  const anchorAgain = documents[found.index];
  if (
    !added ||
    !anchorAgain ||
    added.errors.length > 0 ||
    !isDeepStrictEqual(plainValue(added), policy) ||
    !isDeepStrictEqual(plainValue(anchorAgain), plainValue(found.document))
  ) {
    return { error: `could not add a policy after ${anchor.namespace}/${anchor.name}` };
  }
  const before = text.slice(0, offset);
  const line = before.split('\n').length - (before.endsWith('\n') ? 1 : 0);
  const replaced = text.slice(text.lastIndexOf('\n', offset - 2) + 1, offset).replace(/\r?\n$/, '');
  return {
    text: patched,
    policyText: documentYaml,
    change: { line, endLine: line, replacement: [replaced, '---', documentYaml].join('\n') },
  };
}

/** Where a one-scalar edit goes: the value at `path` in the policy, or (with `key`) the key of that map entry. */
export interface ScalarEdit {
  path: readonly (string | number)[];
  key?: boolean;
  value: string | number;
}

/**
 * Replaces one scalar of a policy in place (a label typo, a port number): only its characters change, in the quoting
 * it had, so the suggestion is the one line it is on. Checked by parsing again: the policy is what it was but for
 * that value.
 */
export function editScalar(text: string, target: PolicyTarget, edit: ScalarEdit): PatchOutcome {
  const found = findPolicyDocument(text, target);
  if ('error' in found) return found;
  const node = scalarNode(found.document, edit);
  if (!node?.range) return { error: `no ${edit.path.join('.')} in ${target.namespace}/${target.name}` };
  const written = scalarText(node.type, edit.value);
  if (written === undefined)
    return { error: 'the value is written in a style that cannot be edited in place' };
  const patched = text.slice(0, node.range[0]) + written + text.slice(node.range[1]);
  const expected = structuredClone(plainValue(found.document));
  if (!expected || !setPlain(expected, edit)) return { error: 'the edit does not apply' };
  const again = findPolicyDocument(patched, { ...target, line: undefined }, found.index);
  if (!('document' in again) || !isDeepStrictEqual(plainValue(again.document), expected)) {
    return { error: `could not edit ${edit.path.join('.')} of ${target.namespace}/${target.name}` };
  }
  return { text: patched, policyText: documentText(patched, again.document) };
}

function scalarNode(document: ParsedDocument, edit: ScalarEdit) {
  if (!edit.key) {
    const node = document.getIn(edit.path, true);
    return isScalar(node) ? node : undefined;
  }
  const parent = document.getIn(edit.path.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  const last = edit.path[edit.path.length - 1];
  const pair = parent.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === last);
  return pair && isScalar(pair.key) ? pair.key : undefined;
}

/** A scalar written as it was (plain, single or double quoted); undefined for block scalars. */
function scalarText(type: string | undefined, value: string | number): string | undefined {
  if (typeof value === 'number') return type === 'PLAIN' ? String(value) : undefined;
  if (type === 'QUOTE_DOUBLE') return JSON.stringify(value);
  if (type === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
  if (type !== 'PLAIN') return undefined;
  // A plain scalar that YAML would read as something else (a number, a boolean) is quoted.
  return /^[A-Za-z][-A-Za-z0-9_./]*$/.test(value) && !/^(true|false|yes|no|on|off|null|y|n)$/i.test(value)
    ? value
    : JSON.stringify(value);
}

function setPlain(value: Record<string, unknown>, edit: ScalarEdit): boolean {
  let parent: unknown = value;
  for (const segment of edit.path.slice(0, -1)) {
    parent = (parent as Record<string | number, unknown> | undefined)?.[segment];
    if (typeof parent !== 'object' || parent === null) return false;
  }
  const last = edit.path[edit.path.length - 1];
  if (last === undefined) return false;
  const map = parent as Record<string | number, unknown>;
  if (!(last in map)) return false;
  if (!edit.key) {
    map[last] = edit.value;
    return true;
  }
  if (typeof edit.value !== 'string' || edit.value in map) return false;
  // Keys keep their order: the renamed key takes the old one's place.
  const entries = Object.entries(map).map(([k, v]) => [k === String(last) ? edit.value : k, v] as const);
  for (const key of Object.keys(map)) delete map[key];
  for (const [k, v] of entries) map[k as string] = v;
  return true;
}

/**
 * Checks lines inserted into the policy's document without parsing the whole patched file again: the patched
 * document is the original one, from the same start, longer by what was inserted, and the plain block reader (which
 * reads what the full parser reads) reads it on its own. Undefined when that reader does not take the document, or
 * the file has directives (which change how a document reads); `rules` undefined when it is not the policy any more.
 */
function checkInsertion(
  text: string,
  patched: string,
  document: ParsedDocument,
  target: PolicyTarget,
  spec: FieldPath,
  direction: Direction,
): { policyText: string; rules: unknown[] | undefined } | undefined {
  const range = document.contents?.range;
  if (!range || DIRECTIVE.test(text)) return undefined;
  const policyText = patched.slice(range[0], range[2] + patched.length - text.length).trimEnd();
  const documents = readPlainBlockYaml(policyText, DEFAULT_LOAD_LIMITS);
  if (documents?.length !== 1) return undefined;
  const value = documents[0]?.value;
  if (!isRecord(value) || !isTargetValue(value, target)) return { policyText, rules: undefined };
  return { policyText, rules: ruleListOf(value, spec, direction) };
}

/** A line starting with `%`: a YAML directive (or a line of a block scalar, which only costs the shortcut). */
const DIRECTIVE = /^%/m;

/** The text of a document in a file, from its first key to its end (without `---`). */
function documentText(text: string, document: ParsedDocument): string | undefined {
  const range = document.contents?.range;
  return range ? text.slice(range[0], range[2]).trimEnd() : undefined;
}

function findPolicyDocument(
  text: string,
  target: PolicyTarget,
  index?: number,
): { document: ParsedDocument; index: number } | { error: string } {
  const documents = parsedDocuments(text);
  const lineOffset = target.line === undefined ? undefined : offsetOfLine(text, target.line);
  const candidates = documents
    .map((document, i) => ({ document, index: i }))
    .filter(({ document, index: i }) => (index === undefined || i === index) && isTarget(document, target));
  const chosen =
    candidates.find(
      ({ document }) =>
        lineOffset !== undefined && document.range[0] <= lineOffset && lineOffset < document.range[2],
    ) ?? candidates[0];
  if (!chosen)
    return { error: `no ${target.kind ?? 'NetworkPolicy'} ${target.namespace}/${target.name} in the file` };
  if (chosen.document.errors.length > 0) {
    return { error: `the policy's document does not parse: ${chosen.document.errors[0]?.message ?? ''}` };
  }
  return chosen;
}

/**
 * The documents of a text, parsed once for the last few texts: one fix reads the same file several times (to find
 * the policy, to check the patched text, to show its document), and fixes for several flows share files. Parsed
 * documents are never changed (a rewrite works on a clone).
 */
function parsedDocuments(text: string): readonly ParsedDocument[] {
  let documents = recentlyParsed.get(text);
  if (!documents) {
    documents = Array.from(parseAllDocuments(text));
    const oldest = recentlyParsed.keys().next();
    if (recentlyParsed.size >= RECENTLY_PARSED_TEXTS && !oldest.done) recentlyParsed.delete(oldest.value);
    recentlyParsed.set(text, documents);
  }
  return documents;
}

const RECENTLY_PARSED_TEXTS = 8;
const recentlyParsed = new Map<string, readonly ParsedDocument[]>();

function isTarget(document: ParsedDocument, target: PolicyTarget): boolean {
  const value = plainValue(document);
  return value !== undefined && isTargetValue(value, target);
}

function isTargetValue(value: Record<string, unknown>, target: PolicyTarget): boolean {
  if (value.kind !== (target.kind ?? 'NetworkPolicy') || !isRecord(value.metadata)) return false;
  const { name, namespace } = value.metadata;
  return name === target.name && (namespace ?? target.defaultNamespace) === target.namespace;
}

/** The rule list of a direction under `spec` (a path in the policy); none when it is absent. */
function ruleListOf(
  value: Record<string, unknown> | undefined,
  spec: FieldPath,
  direction: Direction,
): unknown[] {
  let at: unknown = value;
  for (const segment of spec) {
    if (typeof segment === 'number') at = Array.isArray(at) ? (at[segment] as unknown) : undefined;
    else at = isRecord(at) ? at[segment] : undefined;
  }
  const list = isRecord(at) ? at[direction] : undefined;
  return Array.isArray(list) ? list : [];
}

/** The document as plain data; undefined for one that is not a mapping or expands too many aliases. */
function plainValue(document: ParsedDocument): Record<string, unknown> | undefined {
  if (plainValues.has(document)) return plainValues.get(document);
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: DEFAULT_LOAD_LIMITS.maxAliasCount });
  } catch {
    value = undefined;
  }
  const plain = isRecord(value) ? value : undefined;
  plainValues.set(document, plain);
  return plain;
}

const plainValues = new WeakMap<ParsedDocument, Record<string, unknown> | undefined>();

/** Inserts the rule's lines after the last item of a block list, or a new block list after the last key of the spec. */
function insertLines(
  text: string,
  document: ParsedDocument,
  specPath: FieldPath,
  direction: Direction,
  rule: Record<string, unknown>,
): string | undefined {
  const spec = document.getIn(specPath, true);
  if (!isMap(spec) || spec.flow || !spec.range) return undefined;
  const list = spec.get(direction, true) as Node | undefined;
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const item = ruleYaml(rule).split('\n');
  if (isSeq(list) && !list.flow && list.items.length > 0 && list.range) {
    const indent = ' '.repeat(columnOf(text, list.range[0]));
    return insertAt(
      text,
      list.range[1],
      item.map((line) => indent + line),
      newline,
    );
  }
  if (spec.has(direction)) return undefined; // `egress:` with no items, `egress: []`, or an alias: rewrite instead.
  const indent = ' '.repeat(columnOf(text, spec.range[0]));
  return insertAt(
    text,
    spec.range[1],
    [`${indent}${direction}:`, ...item.map((line) => `${indent}  ${line}`)],
    newline,
  );
}

/** Re-writes the policy's document (only it) with the rule added through the YAML document model. */
function rewriteDocument(
  text: string,
  document: ParsedDocument,
  spec: FieldPath,
  direction: Direction,
  rule: Record<string, unknown>,
): string | undefined {
  const range = document.contents?.range;
  if (!range) return undefined;
  const copy = document.clone();
  // A `specs` entry is written where it is: a missing one is not made up.
  if (spec.length > 1 && !isMap(copy.getIn(spec, true))) return undefined;
  const list = copy.getIn([...spec, direction], true);
  if (isSeq(list)) {
    // A flow list (`egress: []`) would print the new rule on one line: the list becomes a block list.
    list.flow = false;
    list.items.push(copy.createNode(rule));
  } else copy.setIn([...spec, direction], copy.createNode([rule]));
  const alone = new Document();
  alone.contents = copy.contents;
  // The comment above the first key is in the text kept before the document's range: printed once, not twice.
  const [first] = isMap(copy.contents) ? copy.contents.items : [];
  if (isScalar(first?.key)) first.key.commentBefore = undefined;
  return text.slice(0, range[0]) + String(alone) + text.slice(range[2]);
}

/** Inserts whole lines at `offset`, the start of a line (or the end of a text without a final newline). */
function insertAt(text: string, offset: number, lines: string[], newline: string): string {
  const atLineStart = offset === 0 || text[offset - 1] === '\n';
  const inserted = lines.join(newline) + newline;
  return atLineStart
    ? text.slice(0, offset) + inserted + text.slice(offset)
    : text.slice(0, offset) + newline + inserted.slice(0, -newline.length) + text.slice(offset);
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

function offsetOfLine(text: string, line: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return offset;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The one region where two texts differ, as lines of `before` and what they become (for a single patch). */
export interface ChangedLines {
  /** First replaced line of `before` (1-based). */
  line: number;
  endLine: number;
  replacement: string;
}

/**
 * The lines a patch changes, found from the common first and last lines. A pure insertion replaces the line above
 * it (or below it, at the top of the file) with itself plus the new lines: a suggestion needs at least one line.
 */
export function changedLines(before: string, after: string): ChangedLines | undefined {
  if (before === after) return undefined;
  const old = before.split('\n');
  const now = after.split('\n');
  let prefix = 0;
  while (prefix < old.length && prefix < now.length && old[prefix] === now[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < old.length - prefix &&
    suffix < now.length - prefix &&
    old[old.length - 1 - suffix] === now[now.length - 1 - suffix]
  )
    suffix++;
  let first = prefix;
  let lastOld = old.length - suffix; // exclusive
  let lastNow = now.length - suffix;
  if (first === lastOld) {
    if (first > 0) first--;
    else {
      lastOld++;
      lastNow++;
    }
  }
  return {
    line: first + 1,
    endLine: lastOld,
    replacement: now.slice(first, lastNow).join('\n').replace(/\r$/gm, ''),
  };
}

/** Longest inputs the line diff compares exactly; beyond, the changed region is shown as one block. */
const MAX_DIFF_CELLS = 4_000_000;
const CONTEXT_LINES = 3;

/** A unified diff of two versions of a file (`--- a/file`, `+++ b/file`, hunks with three lines of context). */
export function unifiedDiff(file: string, before: string, after: string): string {
  if (before === after) return '';
  const edits = lineEdits(before.split('\n'), after.split('\n'));
  const hunks: string[] = [];
  let index = 0;
  while (index < edits.length) {
    const start = edits.findIndex((edit, i) => i >= index && edit.kind !== ' ');
    if (start === -1) break;
    let end = start;
    // Extend while the next change is close enough to share context.
    for (let i = start; i < edits.length; i++) {
      if (edits[i]?.kind !== ' ') end = i;
      else if (i - end > CONTEXT_LINES * 2) break;
    }
    const from = Math.max(0, start - CONTEXT_LINES);
    const to = Math.min(edits.length - 1, end + CONTEXT_LINES);
    const slice = edits.slice(from, to + 1);
    const oldStart = (edits[from]?.oldLine ?? 0) + 1;
    const newStart = (edits[from]?.newLine ?? 0) + 1;
    const oldCount = slice.filter((edit) => edit.kind !== '+').length;
    const newCount = slice.filter((edit) => edit.kind !== '-').length;
    hunks.push(
      `@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`,
      ...slice.map((edit) => `${edit.kind}${edit.text}`),
    );
    index = to + 1;
  }
  return [`--- a/${file}`, `+++ b/${file}`, ...hunks, ''].join('\n');
}

interface LineEdit {
  kind: ' ' | '-' | '+';
  text: string;
  /** Lines of each version before this one (0-based position). */
  oldLine: number;
  newLine: number;
}

/** A shortest edit script by longest common subsequence; large files fall back to one replaced block. */
function lineEdits(old: string[], now: string[]): LineEdit[] {
  const edits: LineEdit[] = [];
  if (old.length * now.length > MAX_DIFF_CELLS) {
    const change = changedLines(old.join('\n'), now.join('\n'));
    const first = (change?.line ?? 1) - 1;
    const lastOld = change?.endLine ?? old.length;
    const lastNow = now.length - (old.length - lastOld);
    old.slice(0, first).forEach((text, i) => edits.push({ kind: ' ', text, oldLine: i, newLine: i }));
    for (let i = first; i < lastOld; i++)
      edits.push({ kind: '-', text: old[i] ?? '', oldLine: i, newLine: first });
    for (let i = first; i < lastNow; i++)
      edits.push({ kind: '+', text: now[i] ?? '', oldLine: lastOld, newLine: i });
    for (let i = lastOld; i < old.length; i++)
      edits.push({ kind: ' ', text: old[i] ?? '', oldLine: i, newLine: i - lastOld + lastNow });
    return edits;
  }
  const width = now.length + 1;
  const common = new Uint32Array((old.length + 1) * width);
  for (let i = old.length - 1; i >= 0; i--) {
    for (let j = now.length - 1; j >= 0; j--) {
      common[i * width + j] =
        old[i] === now[j]
          ? (common[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(common[(i + 1) * width + j] ?? 0, common[i * width + j + 1] ?? 0);
    }
  }
  let i = 0;
  let j = 0;
  while (i < old.length || j < now.length) {
    if (i < old.length && j < now.length && old[i] === now[j]) {
      edits.push({ kind: ' ', text: old[i] ?? '', oldLine: i, newLine: j });
      i++;
      j++;
    } else if (
      j < now.length &&
      (i === old.length || (common[i * width + j + 1] ?? 0) >= (common[(i + 1) * width + j] ?? 0))
    ) {
      edits.push({ kind: '+', text: now[j] ?? '', oldLine: i, newLine: j });
      j++;
    } else {
      edits.push({ kind: '-', text: old[i] ?? '', oldLine: i, newLine: j });
      i++;
    }
  }
  return edits;
}
