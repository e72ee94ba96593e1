import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { INPUT_DEFAULTS, InputError, parseInputs } from '../../src/action/inputs.js';

const reader = (values: Record<string, string>) => (name: string) => values[name] ?? '';

describe('parseInputs', () => {
  it('applies the defaults to empty inputs', () => {
    expect(parseInputs(reader({ token: 't' }))).toEqual({
      manifests: ['**/*.yaml', '**/*.yml', '**/*.json'],
      flows: [],
      flowsFormat: 'auto',
      flowsFrom: 'head',
      config: undefined,
      configFrom: 'head',
      failOn: undefined,
      failOnUnreadInput: undefined,
      comment: 'always',
      commentWhenQuiet: 'post',
      commentKey: 'default',
      token: 't',
      render: undefined,
      renderTimeout: 300,
      renderEnv: [],
      allowRenderOnPrTarget: false,
      baseRef: undefined,
      sarifFile: 'netpol-guard.sarif',
      annotations: true,
    });
  });

  it('reads multi-line globs, skipping blank and comment lines', () => {
    const inputs = parseInputs(
      reader({
        token: 't',
        manifests: 'k8s/**/*.yaml\r\n\n  # generated\n!k8s/test/**\n',
        flows: ' flows/*.jsonl ',
      }),
    );
    expect(inputs.manifests).toEqual(['k8s/**/*.yaml', '!k8s/test/**']);
    expect(inputs.flows).toEqual(['flows/*.jsonl']);
  });

  it('accepts the YAML spellings of booleans and every allowed value', () => {
    const inputs = parseInputs(
      reader({
        token: 't',
        annotations: 'FALSE',
        'allow-render-on-pr-target': 'True',
        'fail-on': 'never',
        'fail-on-risks': 'internet-ingress, any-namespace',
        'fail-on-unread-input': 'false',
        comment: 'on-change',
        'comment-when-quiet': 'skip',
        'flows-format': 'hubble',
        'comment-key': 'prod.cluster_1-eu',
        render: 'kustomize build overlays/prod',
        'base-ref': 'main',
        config: 'ci/netpol.yaml',
        'config-from': 'base',
        'flows-from': 'base',
        'suppressions-from': 'base',
        cni: 'calico',
      }),
    );
    expect(inputs).toMatchObject({
      annotations: false,
      allowRenderOnPrTarget: true,
      failOn: 'never',
      failOnRisks: ['internet-ingress', 'any-namespace'],
      failOnUnreadInput: false,
      comment: 'on-change',
      commentWhenQuiet: 'skip',
      flowsFormat: 'hubble',
      commentKey: 'prod.cluster_1-eu',
      render: 'kustomize build overlays/prod',
      baseRef: 'main',
      config: 'ci/netpol.yaml',
      configFrom: 'base',
      flowsFrom: 'base',
      suppressionsFrom: 'base',
      cni: 'calico',
    });
  });

  it('names every invalid input in one error', () => {
    const read = reader({
      token: 't',
      'fail-on': 'critical',
      'fail-on-risks': 'internet',
      comment: 'sometimes',
      'comment-when-quiet': 'never',
      'comment-key': 'x --> <img>',
      annotations: 'yes',
      'flows-format': 'pcap',
      'config-from': 'pr',
      'flows-from': 'artifact',
      'suppressions-from': 'pr',
      cni: 'flannel',
    });
    let error: unknown;
    try {
      parseInputs(read);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems).toEqual([
      'comment-key: "x --> <img>" may only hold letters, digits, ".", "_" and "-" (at most 64)',
      'comment: "sometimes" is not one of always, on-change, never',
      'comment-when-quiet: "never" is not one of post, skip',
      'flows-format: "pcap" is not one of auto, hubble, calico, native',
      'flows-from: "artifact" is not one of head, base',
      'config-from: "pr" is not one of head, base',
      'fail-on: "critical" is not one of error, warning, never',
      'fail-on-risks: "internet" is not none or a list of internet-ingress, internet-egress, metadata-endpoint, any-namespace, cross-namespace, node-entity',
      'suppressions-from: "pr" is not one of head, base',
      'cni: "flannel" is not one of generic, cilium, calico',
      'annotations: "yes" is not true or false',
    ]);
  });

  it('needs a token only to comment', () => {
    expect(() => parseInputs(reader({}))).toThrow(/token: empty/);
    expect(parseInputs(reader({ comment: 'never' })).token).toBe('');
  });
});

describe('action.yml', () => {
  const action = parse(readFileSync('action.yml', 'utf8')) as {
    inputs: Record<string, { description: string; default?: string }>;
    outputs: Record<string, { description: string }>;
    runs: { using: string; main: string };
  };

  it('runs the bundle on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('describes every input and output, with string defaults', () => {
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(input.description, name).toMatch(/\w/);
      expect(typeof input.default, name).toBe('string');
    }
    for (const [name, output] of Object.entries(action.outputs))
      expect(output.description, name).toMatch(/\w/);
  });

  it('gives the defaults parseInputs falls back to', () => {
    const fromActionYml = parseInputs((name) => action.inputs[name]?.default ?? '');
    const fromEmpty = parseInputs((name) => (name === 'token' ? (action.inputs.token?.default ?? '') : ''));
    expect(fromActionYml).toEqual(fromEmpty);
    expect(Object.keys(INPUT_DEFAULTS).every((name) => name in action.inputs)).toBe(true);
  });
});
