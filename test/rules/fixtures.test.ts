import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/rules/index.js';
import { lintDirectory, readMarkers, type Marker } from './lint-dir.js';

const FIXTURES = path.resolve('fixtures/rules');
const CLEAN = 'clean';
const isClean = (folder: string) => folder === CLEAN || folder.startsWith(`${CLEAN}-`);

function key({ rule, file, line, suppressed }: Marker): string {
  return `${suppressed ? 'suppressed ' : ''}${rule} ${file}:${line}`;
}

/**
 * Every case folder: `<rule>/fire` and `<rule>/silent` judge their own rule (plus any rule their markers name);
 * `clean` and `clean-*` (shapes of real repositories) judge every rule and must give only their markers.
 */
function caseFolders(): { dir: string; name: string; judged: (rule: string) => boolean }[] {
  const cases: { dir: string; name: string; judged: (rule: string) => boolean }[] = [];
  for (const entry of readdirSync(FIXTURES, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    if (isClean(entry.name)) {
      cases.push({ dir: path.join(FIXTURES, entry.name), name: entry.name, judged: () => true });
      continue;
    }
    // `fire` and `silent`, and variants with their own config (`fire-complete`, `silent-partial-tree`).
    const kinds = readdirSync(path.join(FIXTURES, entry.name)).filter((kind) =>
      /^(fire|silent)(-|$)/.test(kind),
    );
    for (const kind of kinds.sort()) {
      const dir = path.join(FIXTURES, entry.name, kind);
      const named = new Set([entry.name, ...readMarkers(dir).map((marker) => marker.rule)]);
      cases.push({ dir, name: `${entry.name}/${kind}`, judged: (rule) => named.has(rule) });
    }
  }
  return cases;
}

describe('rule fixtures', () => {
  for (const { dir, name, judged } of caseFolders()) {
    it(`${name}: findings are exactly the # expect markers`, async () => {
      const result = await lintDirectory(dir);
      expect(result.configDiagnostics).toEqual([]);
      const actual = result.findings
        .filter((finding) => judged(finding.rule))
        .map((finding) => key({ ...finding, suppressed: finding.suppressed !== undefined }))
        .sort();
      const expected = [...new Set(readMarkers(dir).map(key))].sort();
      const messages = result.findings.map((f) => `${f.rule} ${f.file}:${f.line} ${f.message}`).join('\n');
      expect(actual, `findings:\n${messages}`).toEqual(expected);
    });
  }
});

describe('rule registry', () => {
  const ids = rules.map((rule) => rule.meta.id);

  it('has unique kebab-case ids', () => {
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
  });

  it.each(ids)('%s has a fire case with markers and a silent case', (id) => {
    const fire = path.join(FIXTURES, id, 'fire');
    const silent = path.join(FIXTURES, id, 'silent');
    expect(existsSync(silent), `${silent} is missing`).toBe(true);
    expect(
      readMarkers(fire).filter((marker) => marker.rule === id && !marker.suppressed).length,
    ).toBeGreaterThan(0);
  });

  it('has no fixture folder for a rule that does not exist', () => {
    const folders = readdirSync(FIXTURES, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !isClean(entry.name))
      .map((entry) => entry.name);
    expect(folders.filter((folder) => !ids.includes(folder))).toEqual([]);
  });
});
