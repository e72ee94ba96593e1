import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { endpoint, ENGINE_FIXTURES, loadFixture } from './fixtures.js';

/**
 * One test per NetworkPolicy semantic rule, driven by fixtures/engine/<topic>/expect.txt: each `# rule` heading lists
 * `FROM => TO : PORTS` lines that `allowedPorts` must reproduce exactly (see fixtures/engine/README.md).
 */
const topics = readdirSync(ENGINE_FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

for (const topic of topics) {
  const rules = readExpectations(join(ENGINE_FIXTURES, topic, 'expect.txt'));
  describe(topic, () => {
    const { model, engine } = loadFixture(topic);
    for (const [rule, lines] of rules) {
      it(rule, () => {
        const actual = lines.map((line) => {
          const [, from = '', to = ''] = /^(\S+) => (\S+) : /.exec(line) ?? [];
          return `${from} => ${to} : ${String(engine.allowedPorts(endpoint(model, from), endpoint(model, to)))}`;
        });
        expect(actual).toEqual(lines);
      });
    }
  });
}

/** `# rule` headings, each with the connection lines under it. */
function readExpectations(file: string): Map<string, string[]> {
  const rules = new Map<string, string[]>();
  let current: string[] = [];
  for (const line of readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())) {
    if (line.startsWith('# ')) rules.set(line.slice(2), (current = []));
    else if (line !== '') current.push(line);
  }
  return rules;
}
