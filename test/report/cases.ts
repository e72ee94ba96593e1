import { readFileSync } from 'node:fs';
import type { CheckResult } from '../../src/check/types.js';
import type { RuleDoc } from '../../src/report/types.js';
import type { Finding, LintResult } from '../../src/rules/types.js';

const fixture = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../../fixtures/report/${name}`, import.meta.url), 'utf8')) as T;

/** A PR that breaks live flows, opens risky paths, closes one, and brings findings of every kind. */
export const failing = (): CheckResult => fixture('failing.check.json');
/** A PR that changes nothing that matters. */
export const passing = (): CheckResult => fixture('passing.check.json');
export const lint = (): LintResult => fixture('lint.lint.json');
export const ruleDocs = (): RuleDoc[] => fixture('rules.json');

/** Every trick a manifest author could play on a Markdown comment, a terminal or a Mermaid graph. */
export const HOSTILE_STRINGS = {
  script: '<script>alert(1)</script>',
  details: '</details></summary><details open>',
  pipes: '| pipes | x |',
  backticks: '```js\nfence``` and `code`',
  link: '[link](http://x)',
  image: '![img](x)',
  user: '@octocat',
  team: '@org/team',
  newlines: 'line one\nline two\r\n## heading\n\n- list',
  long: 'A'.repeat(10_000),
  ansi: '\u001b[31mred\u001b[0m \u0007bell \u202Eevil',
  html: '<img src=x onerror=alert(1)> &amp; <!-- comment -->',
};

const hostileText = Object.values(HOSTILE_STRINGS).join(' ');
const hostilePeer = (suffix: string) => ({
  namespace: `${HOSTILE_STRINGS.user} ${HOSTILE_STRINGS.script}"]`,
  kind: 'Deployment',
  name: `${HOSTILE_STRINGS.link}${HOSTILE_STRINGS.pipes}${suffix}`,
});

/** The failing case with every untrusted field replaced by hostile text. */
export function hostile(): CheckResult {
  const finding = (rule: string, introduced: boolean): Finding => ({
    rule,
    severity: 'error',
    message: hostileText,
    file: `${HOSTILE_STRINGS.details}/${HOSTILE_STRINGS.pipes}.yaml`,
    line: 3,
    column: 5,
    resource: { kind: 'NetworkPolicy', namespace: HOSTILE_STRINGS.team, name: HOSTILE_STRINGS.script },
    introduced,
    related: [{ file: HOSTILE_STRINGS.image, line: 1, column: 1, message: hostileText }],
  });
  const result = failing();
  const flow = {
    from: hostilePeer('a'),
    to: { ip: `${HOSTILE_STRINGS.backticks}${HOSTILE_STRINGS.html}` },
    protocol: 'TCP' as const,
    port: 80,
    count: 1,
    lastSeen: HOSTILE_STRINGS.details,
    explanation: hostileText,
    location: { file: HOSTILE_STRINGS.script, line: 0, column: -1 },
  };
  return {
    ...result,
    reasons: [HOSTILE_STRINGS.user, HOSTILE_STRINGS.link],
    findings: [
      finding(HOSTILE_STRINGS.backticks, true),
      finding('ok-rule', false),
      { ...finding(HOSTILE_STRINGS.pipes, false), suppressed: { reason: hostileText } },
    ],
    diff: {
      opened: [
        {
          from: hostilePeer('b'),
          to: { cidr: HOSTILE_STRINGS.html },
          protocol: 'TCP',
          ports: [[80, 80]],
          risk: ['internet'],
        },
      ],
      closed: [
        {
          from: hostilePeer('c'),
          to: hostilePeer('d'),
          protocol: 'UDP',
          ports: [[53, 53]],
          explanation: hostileText,
        },
      ],
      // A Cilium L7 rule whose path, policy and file are hostile (issue 18).
      l7Changed: [
        {
          from: hostilePeer('i'),
          to: hostilePeer('j'),
          protocol: 'TCP',
          ports: [[8080, 8080]],
          head: {
            ingress: [
              {
                parser: 'http',
                rule: { method: HOSTILE_STRINGS.pipes, path: hostileText },
                policy: {
                  kind: 'CiliumNetworkPolicy',
                  namespace: HOSTILE_STRINGS.team,
                  name: HOSTILE_STRINGS.script,
                  location: {
                    file: `${HOSTILE_STRINGS.details}/${HOSTILE_STRINGS.pipes}.yaml`,
                    line: 1,
                    column: 1,
                  },
                },
                location: {
                  file: `${HOSTILE_STRINGS.details}/${HOSTILE_STRINGS.pipes}.yaml`,
                  line: 0,
                  column: -1,
                },
              },
            ],
          },
          change: `now L7-filtered: only ${HOSTILE_STRINGS.pipes} ${hostileText}`,
          effect: 'applied',
          location: { file: `${HOSTILE_STRINGS.details}/${HOSTILE_STRINGS.pipes}.yaml`, line: 0, column: -1 },
        },
      ],
      workloadsAdded: [hostilePeer('e')],
      workloadsRemoved: [hostilePeer('f')],
      newConnections: [{ from: hostilePeer('g'), to: hostilePeer('h'), protocol: 'TCP', ports: [[1, 2]] }],
      goneConnections: [],
    },
    flows: {
      ...result.flows!,
      window: { firstSeen: HOSTILE_STRINGS.user, lastSeen: HOSTILE_STRINGS.details },
      skippedSamples: [{ file: HOSTILE_STRINGS.details, line: 1, reason: hostileText }],
      // The second a request an L7 proxy recorded, its path from the flow log.
      broken: [
        flow,
        { ...flow, request: `GET ${hostileText}`, explanation: `GET ${hostileText} refused at L7 by x` },
      ],
      newlyAllowed: [flow],
      unmatched: [{ ...flow, from: { unmatched: hostileText }, reason: hostileText }],
    },
    diagnostics: [
      {
        severity: 'warning',
        code: HOSTILE_STRINGS.script,
        message: hostileText,
        file: HOSTILE_STRINGS.team,
        line: 2,
      },
    ],
  };
}

/** A lint result with `count` findings, to push the Markdown past its size bound. */
export function manyFindings(count: number): CheckResult {
  const result = failing();
  const findings = Array.from({ length: count }, (_, i): Finding => ({
    rule: 'namespace-selector-all',
    severity: i % 3 === 0 ? 'error' : 'warning',
    message: `Finding number ${i} with a message of ordinary length, as rules write them.`,
    file: `manifests/team-${i % 50}/policies.yaml`,
    line: i + 1,
    column: 3,
    resource: { kind: 'NetworkPolicy', namespace: `team-${i % 50}`, name: `policy-${i}` },
    introduced: i % 2 === 0,
  }));
  return { ...result, findings };
}
