import { isBareFlow } from './hubble.js';
import { isCsvHeader } from './native.js';
import type { FlowFormat } from './types.js';
import { isObject } from './values.js';

/** How a file is read: a line-based format, or a native file read whole (JSON array, YAML). */
export type FileLayout = 'hubble' | 'calico' | 'native-jsonl' | 'native-csv' | 'native-document';

/** Meaningful lines looked at to recognise a format (a corrupt first line must not decide). */
const LINES_TO_TRY = 10;

/**
 * Recognises a file's format from its first bytes (`head`; `complete` when that is the whole file), or undefined
 * when it holds nothing but blank lines. With `forced` the format is given; only the layout of a native file is
 * still looked at.
 */
export function detectLayout(head: string, complete: boolean, forced?: FlowFormat): FileLayout | undefined {
  if (forced === 'hubble' || forced === 'calico') return forced;
  const lines = head.split('\n');
  if (!complete) lines.pop(); // cut off by the peek, not by the file
  const meaningful = lines.map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'));
  const first = meaningful[0] ?? head.trimStart();
  if (first === '') return undefined;
  if (first.startsWith('[')) return 'native-document';
  if (first.startsWith('{')) {
    for (const line of meaningful.slice(0, LINES_TO_TRY)) {
      const format = classifyLine(line);
      if (format) return forced === 'native' || format === 'native' ? 'native-jsonl' : format;
    }
    // One JSON object spread over several lines is a document, not JSON lines.
    if (complete && parsesAsJson(head)) return 'native-document';
    return forced === 'native' ? 'native-jsonl' : (guessFromText(head) ?? 'native-jsonl');
  }
  if (isCsvHeader(first)) return 'native-csv';
  return 'native-document';
}

/** The format of one JSON line, from the fields only that format has. */
function classifyLine(line: string): FlowFormat | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!isObject(value)) return undefined;
  if (isObject(value.flow) || isBareFlow(value)) return 'hubble';
  if (
    'source_namespace' in value ||
    'dest_namespace' in value ||
    ('reporter' in value && 'action' in value)
  ) {
    return 'calico';
  }
  if ('from' in value && 'to' in value) return 'native';
  return undefined;
}

/** For files whose first lines are too long or too broken to parse: the field names still show the format. */
function guessFromText(head: string): FileLayout | undefined {
  if (/^\s*\{\s*"flow"\s*:/.test(head)) return 'hubble';
  if (/"(source_namespace|dest_namespace|reporter)"\s*:/.test(head)) return 'calico';
  return undefined;
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
