import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck, type ManifestSource } from '../../src/check/run.js';

/** The demo pull request (fixtures/demo): what tells a change to its manifests from a change beside them. */
const DEMO = 'fixtures/demo';
const side = (dir: string): ManifestSource => ({ root: resolve(DEMO, dir), paths: [resolve(DEMO, dir)] });
const rendered = (text: string): ManifestSource => ({
  root: resolve(DEMO, 'head'),
  rendered: { name: 'render output', text },
});

describe('changedManifests', () => {
  it('names the changed files that hold an object at base or head, and only those', async () => {
    const result = await runCheck({
      base: side('base'),
      head: side('head'),
      changedFiles: ['README.md', 'shop/workloads.yaml', 'payments/payments.yaml', 'flows/hubble.jsonl'],
    });
    expect(result.changedManifests).toEqual(['payments/payments.yaml', 'shop/workloads.yaml']);
  });

  it('is absent when the caller does not say which files changed', async () => {
    const result = await runCheck({ base: side('base'), head: side('head') });
    expect(result.changedManifests).toBeUndefined();
  });

  it('with rendered manifests, is the render output when base and head rendered differently', async () => {
    const pod = (image: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop}\nspec:\n  containers: [{name: web, image: ${image}}]\n`;
    const same = await runCheck({ base: rendered(pod('a')), head: rendered(pod('a')), changedFiles: ['x'] });
    expect(same.changedManifests).toEqual([]);
    const bumped = await runCheck({ base: rendered(pod('a')), head: rendered(pod('b')), changedFiles: [] });
    expect(bumped.changedManifests).toEqual(['render output']);
  });
});
