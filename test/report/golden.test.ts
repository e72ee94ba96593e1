import { describe, expect, it } from 'vitest';
import {
  renderJson,
  renderLintJson,
  renderLintMarkdown,
  renderLintText,
  renderMarkdown,
  renderSarif,
  renderText,
} from '../../src/report/index.js';
import { failing, hostile, lint, passing, ruleDocs } from './cases.js';

/** `.golden` keeps formatters away: a golden file is the exact output, tables unaligned and all. */
const golden = (name: string) => `./__golden__/${name}.golden`;
const markdownOptions = {
  marker: '<!-- netpol-guard:default -->',
  detailsUrl: 'https://github.com/acme/gitops/actions/runs/42',
};

describe('golden reports', () => {
  const checks = { failing, passing, hostile };
  for (const [name, make] of Object.entries(checks)) {
    describe(name, () => {
      it('json', async () => {
        await expect(renderJson(make())).toMatchFileSnapshot(golden(`${name}.json`));
      });
      it('text', async () => {
        await expect(renderText(make(), { color: false })).toMatchFileSnapshot(golden(`${name}.txt`));
      });
      it('markdown', async () => {
        await expect(renderMarkdown(make(), markdownOptions)).toMatchFileSnapshot(golden(`${name}.md`));
      });
      it('sarif', async () => {
        await expect(renderSarif(make(), ruleDocs(), { toolVersion: '0.0.0-test' })).toMatchFileSnapshot(
          golden(`${name}.sarif`),
        );
      });
    });
  }

  describe('lint', () => {
    it('json', async () => {
      await expect(renderLintJson(lint())).toMatchFileSnapshot(golden('lint.json'));
    });
    it('text', async () => {
      await expect(renderLintText(lint(), { color: false })).toMatchFileSnapshot(golden('lint.txt'));
    });
    it('text with colour', async () => {
      await expect(renderLintText(lint(), { color: true })).toMatchFileSnapshot(golden('lint.ansi.txt'));
    });
    it('markdown', async () => {
      await expect(renderLintMarkdown(lint(), { title: 'netpol-guard lint' })).toMatchFileSnapshot(
        golden('lint.md'),
      );
    });
    it('sarif', async () => {
      await expect(
        renderSarif(lint(), ruleDocs(), { uriBase: 'file:///home/runner/work/gitops' }),
      ).toMatchFileSnapshot(golden('lint.sarif'));
    });
  });
});
