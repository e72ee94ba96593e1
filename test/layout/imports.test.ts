import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The source follows the data (CONTRIBUTING.md): manifests → model → engine (policy) → rules / flows → diff →
 * replay → fix → check → report → action | cli; no folder imports one above it. Folders of one rank may import each
 * other: a policy kind (`src/kinds/`) is read into the model and compiled for the engine, so the four are one place.
 */
const RANKS: Readonly<Record<string, number>> = {
  'collections.ts': 0,
  'version.ts': 0,
  'deadline.ts': 0,
  text: 0,
  files: 0,
  manifests: 1,
  kinds: 1,
  model: 1,
  policy: 1,
  rules: 2,
  flows: 2,
  config: 2,
  diff: 3,
  replay: 4,
  fix: 5,
  check: 6,
  report: 7,
  git: 8,
  github: 8,
  action: 9,
  cli: 9,
};

/** Imports against the flow that are known, each with why it stays. */
const KNOWN = new Set([
  // A finding carries the fix attached to it later (the lint JSON contract): the type only.
  'src/rules/types.ts -> fix',
  // The check's SARIF entry point renders through the report stage.
  'src/check/sarif.ts -> report',
]);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(file) : file.endsWith('.ts') ? [file] : [];
  });
}

/** The top folder (or file) of `src/` a path is in. */
function stageOf(file: string): string {
  return path.relative('src', file).split(path.sep)[0]!.replace(/\.js$/, '.ts');
}

describe('source layout', () => {
  const files = sources('src');

  it('ranks every folder of src/', () => {
    const stages = new Set(files.map(stageOf));
    expect([...stages].filter((stage) => RANKS[stage] === undefined)).toEqual([]);
  });

  it('has no folder import one above it in the data flow', () => {
    const upward: string[] = [];
    for (const file of files) {
      const from = stageOf(file);
      for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
        const to = stageOf(path.join(path.dirname(file), specifier!));
        if (to !== from && RANKS[to]! > RANKS[from]!)
          upward.push(`${file.split(path.sep).join('/')} -> ${to}`);
      }
    }
    expect(upward.filter((edge) => !KNOWN.has(edge))).toEqual([]);
    // An exception that no longer happens is taken off the list.
    expect([...KNOWN].filter((edge) => !upward.includes(edge))).toEqual([]);
  });
});
