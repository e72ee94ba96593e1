import { describe, expect, it } from 'vitest';
import { checkScenario, cli } from '../support/cli.js';

/**
 * Flows Hubble recorded as AUDIT (cilium/cilium api/v1/flow/flow.proto `Verdict`: "would have been dropped by policy
 * if audit mode was turned off") that head still denies are reported apart from broken flows in every format, and do
 * not fail the check. Scenario fixtures/scenarios/audit-then-enforce.
 */
const SCENARIO = 'fixtures/scenarios/audit-then-enforce';

const check = (format: string) => checkScenario(SCENARIO, format);

describe('audited flows in the report', () => {
  it('text lists the audited flow head denies, with why, and passes', async () => {
    const { code, stdout } = await check('text');
    expect(code).toBe(0);
    expect(stdout).toContain('Audited flows that would break when enforced (1):');
    expect(stdout).toMatch(/app\/api -> 203\.0\.113\.9 +TCP\/443 +seen 2 times/);
    expect(stdout).toMatch(/why: egress of app\/api is isolated by app\/default-deny/);
    expect(stdout).not.toContain('app/web -> 203.0.113.9');
  });

  it('markdown has the section with the flow and its explanation', async () => {
    const { stdout } = await check('markdown');
    const section =
      stdout.split('### Audited flows that would break when enforced (1)')[1]?.split('###')[0] ?? '';
    expect(section).toMatch(/\| app\/<wbr>api \| 203\\\.0\.113\.9 \| TCP\/443 \| 2 \|/);
    expect(section).not.toContain('app/web');
  });

  it('JSON keeps them out of broken', async () => {
    const { stdout } = await check('json');
    const flows = (
      JSON.parse(stdout) as { flows: { broken: unknown[]; wouldBreakWhenEnforced: { count: number }[] } }
    ).flows;
    expect(flows.broken).toEqual([]);
    expect(flows.wouldBreakWhenEnforced.map((flow) => flow.count)).toEqual([2]);
  });
});

describe('a cluster in policy audit mode (config cilium.policyAuditMode)', () => {
  it('reports flows head denies as would break when enforced, not broken, and passes', async () => {
    const scenario = 'fixtures/scenarios/dns-forgotten';
    const run = (config: string[]) =>
      cli([
        'check',
        '--base',
        `${scenario}/base`,
        '--head',
        `${scenario}/head`,
        '--flows',
        `${scenario}/flows.hubble.jsonl`,
        '--format',
        'json',
        // Lint findings aside: only the flows decide.
        '--fail-on',
        'never',
        ...config,
      ]);
    type Flow = { from: unknown; to: unknown; port: number; count: number };
    type Flows = { flows: { broken: Flow[]; wouldBreakWhenEnforced: Flow[] } };
    const seen = (flows: Flow[]) => flows.map(({ from, to, port, count }) => ({ from, to, port, count }));
    const enforced = await run(['--cni', 'cilium']);
    const audited = await run(['--config', 'fixtures/config/cilium-audit/netpol-guard.yaml']);
    const enforcedFlows = (JSON.parse(enforced.stdout) as Flows).flows;
    const auditedFlows = (JSON.parse(audited.stdout) as Flows).flows;
    expect(enforcedFlows.broken.length).toBeGreaterThan(0);
    expect(enforced.code).toBe(1);
    expect(auditedFlows.broken).toEqual([]);
    expect(seen(auditedFlows.wouldBreakWhenEnforced)).toEqual(seen(enforcedFlows.broken));
    expect(audited.code).toBe(0);
  });

  it('needs review for the audited flows the change denies, and names them (base allows them)', async () => {
    const scenario = 'fixtures/scenarios/dns-forgotten';
    const { stdout } = await cli([
      'check',
      '--base',
      `${scenario}/base`,
      '--head',
      `${scenario}/head`,
      '--flows',
      `${scenario}/flows.hubble.jsonl`,
      '--fail-on',
      'never',
      '--config',
      'fixtures/config/cilium-audit/netpol-guard.yaml',
      '--format',
      'markdown',
    ]);
    const decision = stdout.split('\n\n')[1] ?? '';
    expect(decision).toMatch(
      /^:warning: \*\*Needs review\*\*: once policies are enforced, would cut \d+ live flows?: /,
    );
    expect(stdout).toContain(
      'denies traffic recorded in policy audit mode, which breaks once policies are enforced',
    );
    expect(stdout).not.toMatch(/Also in this change:\*\*[^\n]*audited flow/);
  });

  it('counts the audited flows base denies too in the also line: the change leaves them as they were', async () => {
    const { stdout } = await check('json');
    const [flow] = (JSON.parse(stdout) as { flows: { wouldBreakWhenEnforced: { introduced?: true }[] } })
      .flows.wouldBreakWhenEnforced;
    expect(flow?.introduced).toBeUndefined();
    const markdown = (await check('markdown')).stdout;
    expect(markdown).toContain('**Also in this change:** 1 audited flow that would break when enforced');
  });
});
