/**
 * Hostile inputs too large or too odd to commit, generated at test time: each returns the file's content. Shared by
 * the loader's tests and the CLI tests, so both read the same bombs.
 */

/** Nesting of the deep documents: far beyond `maxDepth`, and beyond what a recursive reader's stack survives. */
export const DEEP_LEVELS = 5_000;

/** A "billion laughs" document: nine anchors, each a list of nine aliases of the one before (9^8 expansions). */
export function aliasBomb(): string {
  const anchors = [...'abcdefgh'].map(
    (anchor, index, all) =>
      `  ${anchor}: &${anchor} [${Array(9)
        .fill(index === 0 ? '"lol"' : `*${all[index - 1]}`)
        .join(',')}]`,
  );
  return ['apiVersion: v1', 'kind: ConfigMap', 'data:', ...anchors].join('\n');
}

export function deepFlowYaml(levels = DEEP_LEVELS): string {
  return 'a: ' + '['.repeat(levels) + ']'.repeat(levels) + '\n';
}

export function deepBlockYaml(levels = DEEP_LEVELS): string {
  return Array.from({ length: levels }, (_, depth) => `${' '.repeat(depth)}a:`).join('\n');
}

export function deepJson(levels = DEEP_LEVELS): string {
  return '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
}

/** A PNG named `.yaml`: its first line reads as YAML, the NUL bytes on line 2 give it away. */
export function binaryYaml(): Buffer {
  return Buffer.from('apiVersion: v1\n\x89PNG\0\0\0\rIHDR', 'latin1');
}

/** A file of `bytes` bytes of YAML comments. */
export function largeFile(bytes: number): string {
  return '#'.repeat(bytes - 1) + '\n';
}

export function podYaml(name: string): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n`;
}

/** `count` objects the analysis does not use, one document each. */
export function configMaps(count: number): string {
  return Array.from(
    { length: count },
    (_, index) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${index}\ndata:\n  key: value\n`,
  ).join('---\n');
}

/** `count` empty documents (`{}`), the cheapest way past `maxDocumentsPerFile`. */
export function emptyDocuments(count: number): string {
  return '---\n{}\n'.repeat(count);
}
