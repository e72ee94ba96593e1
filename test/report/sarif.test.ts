import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run.js';
import type { CheckResult } from '../../src/check/types.js';
import { CHECK_RULE_DOCS, renderSarif } from '../../src/report/index.js';
import { failing, hostile, lint, passing, ruleDocs } from './cases.js';

const message = {
  type: 'object',
  required: ['text'],
  properties: { text: { type: 'string', minLength: 1 } },
};
const physicalLocation = {
  type: 'object',
  required: ['artifactLocation', 'region'],
  properties: {
    artifactLocation: {
      type: 'object',
      required: ['uri', 'uriBaseId'],
      properties: { uri: { type: 'string', format: 'uri-reference' }, uriBaseId: { const: '%SRCROOT%' } },
    },
    region: {
      type: 'object',
      required: ['startLine'],
      properties: {
        startLine: { type: 'integer', minimum: 1 },
        startColumn: { type: 'integer', minimum: 1 },
      },
    },
  },
};
const location = { type: 'object', required: ['physicalLocation'], properties: { physicalLocation } };
const level = { enum: ['none', 'note', 'warning', 'error'] };

/** The part of the SARIF 2.1.0 schema GitHub code scanning depends on, with the constraints this tool promises. */
const SARIF_SUBSET = {
  type: 'object',
  required: ['$schema', 'version', 'runs'],
  properties: {
    version: { const: '2.1.0' },
    runs: {
      type: 'array',
      minItems: 1,
      maxItems: 1,
      items: {
        type: 'object',
        required: ['tool', 'results'],
        properties: {
          tool: {
            type: 'object',
            required: ['driver'],
            properties: {
              driver: {
                type: 'object',
                required: ['name', 'informationUri', 'rules'],
                properties: {
                  name: { const: 'netpol-guard' },
                  informationUri: { type: 'string', format: 'uri' },
                  rules: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: [
                        'id',
                        'name',
                        'shortDescription',
                        'fullDescription',
                        'helpUri',
                        'help',
                        'defaultConfiguration',
                        'properties',
                      ],
                      properties: {
                        name: { type: 'string', pattern: '^[A-Z][A-Za-z0-9]*$' },
                        helpUri: { type: 'string', format: 'uri', pattern: '^https://' },
                        // What GitHub code scanning ranks and filters security alerts by.
                        properties: {
                          type: 'object',
                          required: ['tags', 'precision', 'security-severity'],
                          properties: {
                            tags: { type: 'array', contains: { const: 'security' } },
                            precision: { enum: ['very-high', 'high', 'medium', 'low'] },
                            'security-severity': { type: 'string', pattern: '^(10\\.0|[0-9]\\.[0-9])$' },
                          },
                        },
                        shortDescription: message,
                        fullDescription: message,
                        help: { type: 'object', required: ['text', 'markdown'] },
                        defaultConfiguration: { type: 'object', required: ['level'], properties: { level } },
                      },
                    },
                  },
                },
              },
            },
          },
          invocations: {
            type: 'array',
            items: {
              type: 'object',
              required: ['executionSuccessful'],
              properties: {
                toolExecutionNotifications: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['message'],
                    properties: { message, level, locations: { type: 'array', items: location } },
                  },
                },
              },
            },
          },
          results: {
            type: 'array',
            items: {
              type: 'object',
              required: ['ruleId', 'ruleIndex', 'level', 'message', 'partialFingerprints'],
              properties: {
                ruleId: { type: 'string', minLength: 1 },
                ruleIndex: { type: 'integer', minimum: 0 },
                level,
                message,
                locations: { type: 'array', items: location },
                relatedLocations: { type: 'array', items: location },
                partialFingerprints: {
                  type: 'object',
                  additionalProperties: { type: 'string' },
                  minProperties: 1,
                },
                suppressions: {
                  type: 'array',
                  items: { type: 'object', required: ['kind'], properties: { kind: { const: 'inSource' } } },
                },
              },
            },
          },
        },
      },
    },
  },
};

interface Log {
  runs: {
    tool: { driver: { rules: { id: string }[] } };
    originalUriBaseIds?: Record<string, { uri: string }>;
    invocations: { toolExecutionNotifications: unknown[] }[];
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations?: {
        physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
      }[];
      partialFingerprints: Record<string, string>;
      suppressions?: { kind: string; justification?: string }[];
    }[];
  }[];
}

const ajv = new Ajv({ allErrors: true, strict: false });
// The two formats the subset uses, checked as URL parsing does (ajv-formats is not a dependency).
ajv.addFormat('uri', (value: string) => URL.canParse(value));
ajv.addFormat('uri-reference', (value: string) => URL.canParse(value, 'file:///base/') && !/\s/.test(value));
const validate = ajv.compile(SARIF_SUBSET);

const run = (sarif: string) => (JSON.parse(sarif) as Log).runs[0]!;

describe('renderSarif', () => {
  const cases: [string, () => CheckResult | ReturnType<typeof lint>][] = [
    ['failing', failing],
    ['passing', passing],
    ['hostile', hostile],
    ['lint', lint],
  ];
  it.each(cases)('produces a valid SARIF 2.1.0 log for the %s result', (_name, make) => {
    const log: unknown = JSON.parse(renderSarif(make(), ruleDocs()));
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
  });

  it('points every ruleIndex at the rule of its ruleId', () => {
    const { tool, results } = run(renderSarif(failing(), ruleDocs()));
    for (const result of results) expect(tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
  });

  it('reports broken flows at the policy that denies them and risky opened paths as warnings', () => {
    const { results } = run(renderSarif(failing(), ruleDocs()));
    const broken = results.filter((result) => result.ruleId === 'broken-flow');
    expect(broken).toHaveLength(2);
    expect(broken[0]?.level).toBe('error');
    expect(broken[0]?.locations?.[0]?.physicalLocation.artifactLocation.uri).toBe(
      'head/payments/payments.yaml',
    );
    expect(broken[0]?.locations?.[0]?.physicalLocation.region.startLine).toBe(3);
    const opened = results.filter((result) => result.ruleId === 'opened-path');
    expect(opened.map((result) => result.level)).toEqual(['warning', 'warning', 'warning']);
  });

  it('maps severities to levels and marks suppressed findings in source, with the reason', () => {
    const { results } = run(renderSarif(lint(), ruleDocs()));
    expect(results.map((result) => result.level)).toEqual(['error', 'warning', 'note']);
    expect(results[2]?.suppressions).toEqual([{ kind: 'inSource' }]);
    const check = run(renderSarif(failing(), ruleDocs())).results;
    expect(check.find((result) => result.suppressions)?.suppressions).toEqual([
      { kind: 'inSource', justification: 'node agent needs instance identity (SEC-1234)' },
    ]);
  });

  it('keeps fingerprints when lines move and changes them when the finding changes', () => {
    const fingerprints = (result: CheckResult) =>
      run(renderSarif(result, ruleDocs())).results.map((item) => item.partialFingerprints);
    const moved = failing();
    for (const finding of moved.findings) finding.line += 10;
    for (const flow of moved.flows?.broken ?? []) flow.count += 1;
    expect(fingerprints(moved)).toEqual(fingerprints(failing()));
    const changed = failing();
    changed.findings[0]!.message = 'another message';
    expect(fingerprints(changed)[0]).not.toEqual(fingerprints(failing())[0]);
  });

  it('adds the check rules only to a check log, and describes rules the registry does not know', () => {
    const lintRules = run(renderSarif(lint(), ruleDocs())).tool.driver.rules.map((rule) => rule.id);
    expect(lintRules).not.toContain('broken-flow');
    expect(lintRules).toContain('duplicate-policy');
    const checkRules = run(renderSarif(failing(), [])).tool.driver.rules.map((rule) => rule.id);
    expect(checkRules).toEqual(expect.arrayContaining(CHECK_RULE_DOCS.map((doc) => doc.id)));
  });

  it('reports one opened-path result per path, whatever its protocols', () => {
    const result = failing();
    const [first] = result.diff.opened;
    result.diff.opened.splice(1, 0, { ...first!, protocol: 'UDP', ports: [[53, 53]], risk: ['internet'] });
    const opened = run(renderSarif(result, ruleDocs())).results.filter((r) => r.ruleId === 'opened-path');
    expect(opened).toHaveLength(3);
    expect(opened[0]?.message.text).toBe(
      'This change opens reporting/report-builder -> data/postgres \\[StatefulSet\\] TCP/5432; UDP/53: ' +
        'crosses namespaces; reachable from any namespace; reaches the internet.',
    );
    // A port more on the same path is the same alert.
    expect(opened[0]?.partialFingerprints).toEqual(
      run(renderSarif(failing(), ruleDocs())).results.find((r) => r.ruleId === 'opened-path')
        ?.partialFingerprints,
    );
  });

  it('links every rule to the project documentation, check rules included', () => {
    const rules = run(renderSarif(failing(), [])).tool.driver.rules as unknown as Record<string, unknown>[];
    expect(rules.find((rule) => rule.id === 'broken-flow')).toMatchObject({
      name: 'BrokenFlow',
      helpUri: 'https://github.com/netpol-guard/netpol-guard/blob/main/docs/code-scanning.md#broken-flow',
      properties: { precision: 'very-high', 'security-severity': '8.0' },
    });
  });

  it('prefixes artifact paths with where the analysed directory is in the repository', () => {
    const log = run(renderSarif(failing(), ruleDocs(), { uriBase: 'file:///repo/', pathPrefix: 'k8s/' }));
    expect(log.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///repo/' } });
    const uris = log.results
      .flatMap((r) => r.locations ?? [])
      .map((l) => l.physicalLocation.artifactLocation.uri);
    expect(uris.length).toBeGreaterThan(0);
    for (const uri of uris) expect(uri).toMatch(/^k8s\//);
  });

  it('sets the source root when given and reports diagnostics as notifications', () => {
    const log = run(renderSarif(lint(), ruleDocs(), { uriBase: 'file:///home/runner/work/gitops' }));
    expect(log.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///home/runner/work/gitops/' } });
    expect(log.invocations[0]?.toolExecutionNotifications).toHaveLength(1);
  });

  it('turns hostile file names into URI references and bad lines into line 1', () => {
    const { results } = run(renderSarif(hostile(), ruleDocs()));
    const uris = results
      .flatMap((result) => result.locations ?? [])
      .map((l) => l.physicalLocation.artifactLocation.uri);
    for (const uri of uris) expect(uri).not.toMatch(/[\s<>|]/);
    const broken = results.find((result) => result.ruleId === 'broken-flow');
    expect(broken?.locations?.[0]?.physicalLocation.region.startLine).toBe(1);
    for (const result of results) expect(result.message.text.length).toBeLessThanOrEqual(2_000);
  });
});

/** A check of a scenario folder (base/, head/, its flows), as the CLI runs it. */
async function checkOf(dir: string, flows: string[] = []): Promise<CheckResult> {
  const side = (tree: string) => ({ root: resolve(dir, tree), paths: [resolve(dir, tree)] });
  return runCheck({ base: side('base'), head: side('head'), flows: flows.map((f) => join(dir, f)) });
}

/**
 * Issue 18, L7: fixtures/scenarios/cilium-l7-narrowed narrows an HTTP rule under a recorded request (one L7 filter
 * changed, `GET /api/v1/pay` refused at head); fixtures/diff/l7-filter applies, removes and changes filters.
 */
describe('renderSarif: L7 changes', () => {
  const narrowed = () => checkOf('fixtures/scenarios/cilium-l7-narrowed', ['flows.hubble.jsonl']);

  it('produces a valid log with an l7-filter-changed rule of its own', async () => {
    const sarif = renderSarif(await narrowed(), ruleDocs());
    expect(validate(JSON.parse(sarif)), JSON.stringify(validate.errors)).toBe(true);
    const rules = run(sarif).tool.driver.rules as unknown as Record<string, unknown>[];
    expect(rules.find((rule) => rule.id === 'l7-filter-changed')).toMatchObject({
      name: 'L7FilterChanged',
      helpUri:
        'https://github.com/netpol-guard/netpol-guard/blob/main/docs/code-scanning.md#l7-filter-changed',
      defaultConfiguration: { level: 'warning' },
    });
  });

  it('reports a narrowing filter as a warning at the head rule that makes it', async () => {
    const { results } = run(renderSarif(await narrowed(), ruleDocs()));
    const changed = results.filter((result) => result.ruleId === 'l7-filter-changed');
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({
      level: 'warning',
      message: {
        text:
          'This change alters an L7 filter: payments/frontend -> payments/api TCP/8080: L7 filter changed: only GET ' +
          '/api/v1/orders(/.*)? (was only GET /api/v1/.*); requests base let through may be refused at L7.',
      },
      locations: [
        { physicalLocation: { artifactLocation: { uri: 'payments.yaml' }, region: { startLine: 35 } } },
      ],
    });
  });

  it('reports a filter applied as a warning and one removed as a note', async () => {
    const { results } = run(renderSarif(await checkOf('fixtures/diff/l7-filter'), ruleDocs()));
    const changed = results.filter((result) => result.ruleId === 'l7-filter-changed');
    expect(
      changed.map(
        (r) => `${r.level} ${r.locations?.[0]?.physicalLocation.region.startLine}: ${r.message.text}`,
      ),
    ).toEqual([
      'warning 40: This change alters an L7 filter: payments/admin \\[Pod\\] -> payments/api \\[Pod\\] TCP/8080: now ' +
        'L7-filtered: only GET /admin/.*; requests base let through may be refused at L7.',
      'note 41: This change alters an L7 filter: payments/batch \\[Pod\\] -> payments/api \\[Pod\\] TCP/9090: no longer ' +
        'L7-filtered (was only POST /jobs); requests base refused at L7 pass.',
      'warning 35: This change alters an L7 filter: payments/frontend \\[Pod\\] -> payments/api \\[Pod\\] TCP/8080: L7 ' +
        'filter changed: only GET /api/v1/orders.* (was only GET /api/.*); requests base let through may be refused at L7.',
    ]);
    // The path and its ports, not the rules: editing the filter again is the same alert.
    expect(new Set(changed.map((r) => JSON.stringify(r.partialFingerprints))).size).toBe(3);
  });

  it('names the refused request of a broken L7 flow, with the rules that refuse it', async () => {
    const { results } = run(renderSarif(await narrowed(), ruleDocs()));
    const broken = results.filter((result) => result.ruleId === 'broken-flow');
    expect(broken).toHaveLength(1);
    expect(broken[0]?.message.text).toMatch(
      /^Live request GET \/api\/v1\/pay payments\/frontend -> payments\/api TCP\/8080 \(seen 2 times, last at [^)]+\) would be refused at L7 by ingress only GET \/api\/v1\/orders\(\/\.\*\)\? \(CiliumNetworkPolicy payments\/api-ingress at payments\.yaml:35\)\.$/,
    );
    expect(broken[0]?.locations?.[0]?.physicalLocation.region.startLine).toBe(35);
  });

  it('bounds a long request, escapes it, and fingerprints each request whole', async () => {
    const result = await narrowed();
    const [flow] = result.flows!.broken;
    const request = (path: string) => `GET ${path}`;
    const withRequest = (path: string) => ({
      ...flow!,
      request: request(path),
      explanation: `${request(path)} refused at L7 by ingress only GET /api/v1/orders`,
    });
    // Two paths alike for far longer than any message shows, then different.
    const long = `/[x](http://evil)/${'a'.repeat(5_000)}`;
    result.flows!.broken = [withRequest(`${long}/1`), withRequest(`${long}/2`), withRequest('/short')];
    const broken = run(renderSarif(result, ruleDocs())).results.filter((r) => r.ruleId === 'broken-flow');
    const [first, second, short] = broken;
    expect(first?.message.text.length).toBeLessThan(400);
    // Brackets escaped, the link broken (a zero-width joiner after the scheme), as any untrusted text.
    expect(first?.message.text).toContain('GET /\\[x\\](http:\u200d//evil)/aaa');
    expect(first?.message.text).toMatch(/…/);
    expect(first?.message.text).toMatch(/would be refused at L7 by ingress only GET \/api\/v1\/orders\.$/);
    expect(first?.partialFingerprints).not.toEqual(second?.partialFingerprints);
    expect(short?.partialFingerprints).not.toEqual(first?.partialFingerprints);
    // Stable across runs.
    expect(run(renderSarif(result, ruleDocs())).results.filter((r) => r.ruleId === 'broken-flow')).toEqual(
      broken,
    );
  });
});
