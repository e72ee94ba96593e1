import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { runCheck } from '../../src/check/run.js';
import { analyseSide } from '../../src/check/side.js';
import { DEFAULT_CONFIG } from '../../src/config/defaults.js';
import { peerLabel } from '../../src/diff/peers.js';
import { closedByPatches, patchedPolicies, type FixContext } from '../../src/fix/suggest.js';
import type { SuggestedFix } from '../../src/fix/types.js';

/**
 * Issue 17, item 3: "a finding's suggested fix must not close traffic that the finding doesn't mention". Every fix
 * `check` suggests on the rule fixtures (each tree checked against itself) and on the scenarios (with their flows)
 * is applied to its tree, and the paths it closes are listed: none.
 */
const RULE_TREES = readdirSync('fixtures/rules').flatMap((rule) =>
  ['fire', 'silent']
    .map((side) => join('fixtures/rules', rule, side))
    .filter((dir) => existsSync(dir) && statSync(dir).isDirectory())
    .map((dir) => ({ name: dir, base: dir, head: dir, flows: [] as string[] })),
);
const SCENARIOS = readdirSync('fixtures/scenarios').map((name) => {
  const dir = join('fixtures/scenarios', name);
  const flows = readdirSync(dir)
    .filter((file) => file.startsWith('flows'))
    .map((file) => join(dir, file));
  return { name: dir, base: join(dir, 'base'), head: join(dir, 'head'), flows };
});

async function fixesOf(tree: { base: string; head: string; flows: string[] }) {
  const side = (dir: string) => ({ root: resolve(dir), paths: [resolve(dir)] });
  const result = await runCheck({ base: side(tree.base), head: side(tree.head), flows: tree.flows });
  const fixes = [
    ...result.findings.map((finding) => finding.fix),
    ...(result.flows?.broken ?? []).map((flow) => flow.fix),
  ].filter((fix): fix is SuggestedFix => !!fix);
  const head = await analyseSide(side(tree.head), DEFAULT_CONFIG);
  const context: FixContext = {
    model: head.model,
    engine: head.engine,
    config: DEFAULT_CONFIG,
    readText: (file) => readFileSync(resolve(tree.head, file), 'utf8'),
  };
  return { fixes, context };
}

/** What applying a fix closes, as `from -> to protocol/ports` lines. */
function closedBy(context: FixContext, fix: SuggestedFix): string[] {
  const patched = patchedPolicies(context, fix);
  if (!patched) throw new Error(`the fix to ${fix.policy.name} cannot be applied again`);
  return closedByPatches(context, patched).map(
    (change) =>
      `${peerLabel(change.from)} -> ${peerLabel(change.to)} ${change.protocol}/${change.ports
        .map(([lo, hi]) => (lo === hi ? `${lo}` : `${lo}-${hi}`))
        .join(',')}`,
  );
}

/** The fixes that close something: only the one-line port edit of service-port, whose old port no pod receives. */
const CLOSES = new Map([['fixtures/scenarios/service-port', ['app/web -> app/api TCP/80']]]);

describe('a suggested fix', () => {
  it('closes no connection, on every rule fixture and scenario that gets one', async () => {
    let checked = 0;
    for (const tree of [...RULE_TREES, ...SCENARIOS]) {
      const { fixes, context } = await fixesOf(tree);
      for (const fix of fixes) {
        expect({ tree: tree.name, fix: fix.policy, closes: closedBy(context, fix) }).toEqual({
          tree: tree.name,
          fix: fix.policy,
          closes: CLOSES.get(tree.name) ?? [],
        });
        checked++;
      }
    }
    // Fourteen when this was written: the DNS rules of dns-egress-missing and others, the scenarios' flow fixes.
    expect(checked).toBeGreaterThanOrEqual(10);
  });

  it('that lost the rules its policy had is caught: what they allowed is listed as closed', async () => {
    // The commented tree's fix for web's call to 203.0.113.7 adds a rule to shop/web-egress, whose rules admit web
    // to the DNS pods, the api and the metrics pods.
    const folder = 'fixtures/fix/commented';
    const tree = { base: `${folder}/base`, head: `${folder}/head`, flows: [`${folder}/flows.native.jsonl`] };
    const { fixes, context } = await fixesOf(tree);
    const fix = fixes.find((f) => f.policy.name === 'web-egress');
    expect(fix?.policy).toMatchObject({ namespace: 'shop', name: 'web-egress' });
    expect(closedBy(context, fix!)).toEqual([]);
    // The same fix written over the policy's rules instead of beside them.
    const document = parse(fix!.patchedPolicyYaml!) as { spec: Record<string, unknown[]> };
    document.spec[fix!.direction] = document.spec[fix!.direction]!.slice(-1);
    expect(closedBy(context, { ...fix!, patchedPolicyYaml: stringify(document) })).toContain(
      'shop/web -> shop/api TCP/8080',
    );
  });
});
