import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/check/types.js';
import type { PathChange } from '../../src/diff/types.js';
import type { ReplayedFlow } from '../../src/replay/types.js';
import { peerLabel } from '../../src/diff/peers.js';
import { cli } from '../support/cli.js';

/**
 * Each folder of fixtures/scenarios is a pull request: base/, head/, a recorded flow file (Hubble, Calico or native,
 * with replies and a corrupt line) and expected.json, the verdict, broken flows, opened paths and new findings the
 * `check` command must give. `UPDATE_EXPECTED=1` rewrites expected.json (review the diff before committing).
 */
const SCENARIOS = 'fixtures/scenarios';

function flowLine(f: ReplayedFlow): string {
  return `${peerLabel(f.from)} -> ${peerLabel(f.to)} ${f.protocol}/${f.port}${f.request ? ` ${f.request}` : ''} x${f.count}`;
}

function pathLine(p: Pick<PathChange, 'from' | 'to' | 'protocol' | 'ports' | 'risk'>): string {
  const ports = p.ports.map(([lo, hi]) => (lo === hi ? `${lo}` : `${lo}-${hi}`)).join(',');
  return `${peerLabel(p.from)} -> ${peerLabel(p.to)} ${p.protocol}/${ports}${p.risk ? ` (${p.risk.join(', ')})` : ''}`;
}

/** The part of a check result a scenario pins down. */
function essentials(result: CheckResult) {
  return {
    verdict: result.verdict,
    reasons: result.reasons,
    brokenFlows: result.flows?.broken.map(flowLine) ?? [],
    newlyAllowed: result.flows?.newlyAllowed.map(flowLine) ?? [],
    // Only scenarios with audited flows list them, so the others' expectations stay as they were.
    ...(result.flows?.wouldBreakWhenEnforced.length
      ? { wouldBreakWhenEnforced: result.flows.wouldBreakWhenEnforced.map(flowLine) }
      : {}),
    ...(result.flows?.acceptedCuts?.length
      ? {
          acceptedCuts: result.flows.acceptedCuts.map(
            (f) =>
              `${flowLine(f)} by ${f.acceptedBy.policy} at ${f.acceptedBy.location.file}:${f.acceptedBy.location.line}`,
          ),
        }
      : {}),
    unmatched: result.flows?.unmatched.map((f) => `${flowLine(f)}: ${f.reason}`) ?? [],
    flowRecords: { records: result.flows?.records ?? 0, skipped: result.flows?.skipped ?? 0 },
    opened: result.diff.opened.map(pathLine),
    closed: result.diff.closed.length,
    // Only scenarios whose L7 filters change list them.
    ...(result.diff.l7Changed?.length
      ? { l7Changed: result.diff.l7Changed.map((c) => `${pathLine({ ...c })}: ${c.change}`) }
      : {}),
    newFindings: result.findings.filter((f) => f.introduced).map((f) => `${f.rule} ${f.file}:${f.line}`),
  };
}

describe('check scenarios', () => {
  for (const name of readdirSync(SCENARIOS).sort()) {
    const dir = join(SCENARIOS, name);
    it(name, async () => {
      const flows = readdirSync(dir).filter((f) => f.startsWith('flows'));
      const args = ['check', '--base', join(dir, 'base'), '--head', join(dir, 'head'), '--format', 'json'];
      for (const f of flows) args.push('--flows', join(dir, f));
      const { code, stdout, stderr } = await cli(args);
      expect(stderr).toBe('');
      const actual = essentials(JSON.parse(stdout) as CheckResult);
      expect(code).toBe(actual.verdict === 'fail' ? 1 : 0);
      const expectedFile = join(dir, 'expected.json');
      if (process.env.UPDATE_EXPECTED) {
        writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
      }
      expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
    });
  }
});
