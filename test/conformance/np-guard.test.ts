import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LoadedObject } from '../../src/manifests/types.js';
import { buildModel } from '../../src/model/build.js';
import { createEngine } from '../../src/policy/engine.js';
import { objectsFromYaml } from '../model/objects.js';
import { toNpGuardList } from './np-guard-format.js';

const ROOT = join(import.meta.dirname, '../../fixtures/conformance/np-guard');

/** Cases whose whole output needs kinds outside our scope (see "netpol-guard: expected differences" in the README). */
const CASES_EXPECTED_TO_DIFFER: Record<string, string> = {
  anp_banp_blog_demo: 'AdminNetworkPolicy and BaselineAdminNetworkPolicy are not modelled',
};

/** Lines that come from kinds outside our scope: Ingress and OpenShift Route backends. */
const OUT_OF_SCOPE_LINE = /\{ingress-controller\}/;

interface ListCheck {
  name: string;
  manifests: string;
  expected: string;
}

function listChecks(): ListCheck[] {
  const cases = JSON.parse(readFileSync(join(ROOT, 'cases.json'), 'utf8')) as {
    cases: { case: string; type: string }[];
  };
  return cases.cases.flatMap(({ case: name, type }): ListCheck[] => {
    const dir = join(ROOT, name);
    if (type === 'list')
      return [{ name, manifests: join(dir, 'manifests'), expected: join(dir, 'expected-list.txt') }];
    return (['base', 'head'] as const)
      .map((side) => ({
        name: `${name} (${side})`,
        manifests: join(dir, side),
        expected: join(dir, `expected-list-${side}.txt`),
      }))
      .filter((check) => existsSync(check.expected));
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) return filesUnder(path);
      return /\.(ya?ml|json)$/.test(entry) ? [path] : [];
    });
}

function loadCase(dir: string): LoadedObject[] {
  return filesUnder(dir).flatMap((file) =>
    objectsFromYaml(readFileSync(file, 'utf8'), file).flatMap((object) => {
      const items = object.value.items;
      if (!object.kind.endsWith('List') || !Array.isArray(items)) return [object];
      const kind = object.kind.slice(0, -'List'.length);
      return objectsFromYaml(
        items.map((item) => JSON.stringify({ kind, ...(item as object) })).join('\n---\n'),
        file,
      );
    }),
  );
}

describe('np-guard connectivity lists', () => {
  for (const check of listChecks()) {
    const caseName = check.name.split(' ')[0]!;
    const reason = CASES_EXPECTED_TO_DIFFER[caseName];
    it(`${check.name}${reason ? ` (expected to differ: ${reason})` : ''}`, () => {
      const { model } = buildModel(loadCase(check.manifests));
      const actual = toNpGuardList(model, createEngine(model).connectivity());
      const expected = readFileSync(check.expected, 'utf8')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '' && !OUT_OF_SCOPE_LINE.test(line));
      // Lines only one side has, so a failure reads as the few lines that differ.
      const difference = {
        missing: expected.filter((line) => !actual.includes(line)),
        unexpected: actual.filter((line) => !expected.includes(line)),
      };
      if (reason) {
        expect(difference).not.toEqual({ missing: [], unexpected: [] });
        return;
      }
      expect(difference).toEqual({ missing: [], unexpected: [] });
      expect(actual).toEqual(expected);
    });
  }
});
