// `npm run preview`: the PR comment and the job summary the Action writes for the bundled example and each scenario,
// rendered as GitHub shows them (GFM, GitHub's stylesheet, Mermaid) and screenshot in headless Chromium (Debian's
// `chromium`) at the width of a pull request's conversation, light and dark, into .preview/ (gitignored):
// <case>/<comment|summary>-<theme>.html and .png (the whole page), and <case>/comment-<theme>-top.png (the first
// screen). `npm run preview -- demo dns-forgotten` renders only those cases. The checks on the same rendering are
// test/preview/*.test.ts.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, '.preview');

// The rendering and the Action run are the test support's TypeScript, bundled once here as the build bundles src/;
// at the depth of test/support/, which finds the repository two folders up.
const entry = path.join(OUT, 'support', 'preview-support.mjs');
await build({
  stdin: {
    contents: [
      "export { ensureFreshBundle } from './test/support/bundle.ts';",
      "export { actionReview, reviewCases } from './test/support/reviews.ts';",
      "export { launchChromium, measureReview, openReview } from './test/support/review-page.ts';",
      "export { graphProblems, layoutProblems } from './test/support/review-checks.ts';",
    ].join('\n'),
    resolveDir: ROOT,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outfile: entry,
  logLevel: 'warning',
});
const support = await import(pathToFileURL(entry).href);

support.ensureFreshBundle();
const wanted = process.argv.slice(2);
const cases = support.reviewCases().filter((c) => wanted.length === 0 || wanted.includes(c.name));
const browser = await support.launchChromium();
try {
  for (const review of cases) {
    const written = await support.actionReview(review);
    const dir = path.join(OUT, review.name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const notes = [];
    for (const surface of ['comment', 'summary']) {
      writeFileSync(path.join(dir, `${surface}.md`), written[surface]);
      for (const theme of ['light', 'dark']) {
        const { page, graphs } = await support.openReview(browser, written[surface], theme, surface);
        const name = `${surface}-${theme}`;
        writeFileSync(path.join(dir, `${name}.html`), await page.content());
        await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
        if (surface === 'comment') await page.screenshot({ path: path.join(dir, `${name}-top.png`) });
        const problems = [
          ...support.layoutProblems(await support.measureReview(page), path.join(review.dir, 'head')),
          ...support.graphProblems(graphs),
        ];
        for (const problem of problems) notes.push(`${name}: ${problem}`);
        await page.close();
      }
    }
    console.log(
      `${review.name}: ${path.relative(ROOT, dir)}/${notes.length ? `\n  ${notes.join('\n  ')}` : ''}`,
    );
  }
} finally {
  await browser.close();
}
