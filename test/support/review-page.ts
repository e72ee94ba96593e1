// In-page functions below run in Chromium.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import MarkdownIt from 'markdown-it';
import { full as emoji } from 'markdown-it-emoji';
import { chromium, type Browser, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);

/** Debian's `chromium` package: Playwright drives it, it never downloads a browser of its own. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The Markdown column of a comment in a pull request's conversation on github.com at its usual page width. */
export const COLUMN_WIDTH = 780;
/** The comment's padding around the column (`.comment-body`), so the viewport is the comment box. */
const PADDING = 16;
/** The first screen of a comment: what a reviewer sees without scrolling on a laptop. */
export const FIRST_SCREEN = 700;

export type Theme = 'light' | 'dark';
/**
 * Where the Markdown is shown: GitHub renders comments with hard line breaks and files (and, like them, the job
 * summary) without.
 */
export type Surface = 'comment' | 'summary';

/** GitHub's page backgrounds behind `.markdown-body`, which sets none of its own where it is embedded. */
const BACKGROUND: Readonly<Record<Theme, string>> = { light: '#ffffff', dark: '#0d1117' };

/** GitHub Flavored Markdown as github.com shows it: tables, autolinks, `:shortcode:` emoji, the HTML it allows. */
function markdownRenderer(surface: Surface) {
  return new MarkdownIt({ html: true, linkify: true, breaks: surface === 'comment' }).use(emoji);
}

const stylesheet = (theme: Theme) =>
  readFileSync(require.resolve(`github-markdown-css/github-markdown-${theme}.css`), 'utf8');

/** A self-contained HTML page of the Markdown in GitHub's stylesheet, Mermaid blocks still as code. */
export function reviewHtml(markdown: string, theme: Theme, surface: Surface): string {
  return [
    '<!doctype html>',
    `<html lang="en" data-color-mode="${theme}"><head><meta charset="utf-8">`,
    `<style>${stylesheet(theme)}</style>`,
    `<style>html, body { margin: 0; background: ${BACKGROUND[theme]}; }`,
    ` .comment-body { box-sizing: content-box; width: ${COLUMN_WIDTH}px; padding: ${PADDING}px; }</style>`,
    '</head><body>',
    `<div class="comment-body markdown-body">${markdownRenderer(surface).render(markdown)}</div>`,
    '</body></html>',
  ].join('\n');
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--font-render-hinting=none'] });
}

/** A Mermaid block as rendered: its error, if Mermaid could not parse or draw it, and its edge labels' contrast. */
export interface RenderedGraph {
  error?: string;
  edges: number;
  /** The lowest contrast ratio (WCAG) of an edge label's text on what is behind it. */
  minLabelContrast: number;
}

/**
 * Renders the Markdown as GitHub would show it, with each Mermaid block drawn by the Mermaid library in the theme
 * GitHub picks for it, on a page as wide as the comment box.
 */
export async function openReview(
  browser: Browser,
  markdown: string,
  theme: Theme,
  surface: Surface,
): Promise<{ page: Page; graphs: RenderedGraph[] }> {
  const page = await browser.newPage({
    viewport: { width: COLUMN_WIDTH + 2 * PADDING, height: FIRST_SCREEN },
    colorScheme: theme,
  });
  await page.setContent(reviewHtml(markdown, theme, surface));
  // Mermaid's bundle is large to load: only for a page that has a graph.
  if (!/^```mermaid$/m.test(markdown)) return { page, graphs: [] };
  await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
  const graphs = await page.evaluate(drawGraphs, theme === 'dark' ? 'dark' : 'default');
  return { page, graphs };
}

/** Runs in the page: replaces each ```mermaid block by its drawing (as GitHub does) and measures it. */
async function drawGraphs(mermaidTheme: string): Promise<RenderedGraph[]> {
  interface MermaidApi {
    initialize(config: Record<string, unknown>): void;
    render(id: string, text: string): Promise<{ svg: string }>;
  }
  const mermaid = (globalThis as unknown as { mermaid: MermaidApi }).mermaid;
  mermaid.initialize({ startOnLoad: false, theme: mermaidTheme, securityLevel: 'strict' });
  const luminance = (color: string): number => {
    const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((value) => {
      const channel = Number(value) / 255;
      return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  };
  const opaque = (color: string) => !/^rgba\(.*,\s*0\)$/.test(color) && color !== 'transparent';
  /** The colour behind an element: the first ancestor (HTML or SVG) that paints a background. */
  const backgroundOf = (element: Element): string => {
    for (let at: Element | null = element; at; at = at.parentElement) {
      const style = getComputedStyle(at);
      if (opaque(style.backgroundColor)) return style.backgroundColor;
    }
    return getComputedStyle(document.body).backgroundColor;
  };
  const contrast = (a: string, b: string) => {
    const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return (light + 0.05) / (dark + 0.05);
  };
  const blocks = [...document.querySelectorAll('pre > code.language-mermaid')];
  const graphs: RenderedGraph[] = [];
  for (const [index, code] of blocks.entries()) {
    const pre = code.parentElement!;
    try {
      const { svg } = await mermaid.render(`graph-${index}`, code.textContent ?? '');
      const figure = document.createElement('div');
      figure.className = 'mermaid-graph';
      figure.innerHTML = svg;
      pre.replaceWith(figure);
      const labels = [...figure.querySelectorAll('.edgeLabel')].filter(
        (label) => (label.textContent ?? '').trim() !== '',
      );
      const ratios = labels.flatMap((label) =>
        [...label.querySelectorAll('span, p, text, tspan')]
          .filter((text) => (text.textContent ?? '').trim() !== '')
          .map((text) => {
            const style = getComputedStyle(text);
            return contrast(text instanceof SVGElement ? style.fill : style.color, backgroundOf(text));
          }),
      );
      graphs.push({
        edges: figure.querySelectorAll('.edgePaths path, path.flowchart-link').length,
        minLabelContrast: ratios.length > 0 ? Math.min(...ratios) : Infinity,
      });
    } catch (error) {
      graphs.push({ error: String(error), edges: 0, minLabelContrast: 0 });
    }
  }
  return graphs;
}

/** What the checks measure on a rendered review, in CSS pixels from the top of the comment box. */
export interface ReviewLayout {
  /** The first block that gives the verdict (its ❌, ⚠️ or ✅), with where it ends; undefined when none does. */
  decision?: { text: string; bottom: number };
  columnWidth: number;
  /** Each table's width with all its content, and its first header cells to name it. */
  tables: { header: string; width: number }[];
  links: string[];
}

export function measureReview(page: Page): Promise<ReviewLayout> {
  return page.evaluate((verdictMarks) => {
    const body = document.querySelector('.markdown-body')!;
    const top = body.getBoundingClientRect().top;
    const decision = [...body.children].find((block) =>
      verdictMarks.some((mark) => (block.textContent ?? '').includes(mark)),
    );
    return {
      decision: decision && {
        text: (decision.textContent ?? '').slice(0, 200),
        bottom: decision.getBoundingClientRect().bottom - top,
      },
      columnWidth: body.clientWidth - parseFloat(getComputedStyle(body).paddingLeft) * 2,
      tables: [...body.querySelectorAll('table')].map((table) => ({
        header: [...table.querySelectorAll('th')]
          .slice(0, 3)
          .map((th) => th.textContent)
          .join(' | '),
        width: table.scrollWidth,
      })),
      links: [...body.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? ''),
    };
  }, VERDICT_MARKS);
}

/** The emoji the verdict opens with (`:x:`, `:warning:`, `:white_check_mark:`), as GitHub shows them. */
const VERDICT_MARKS = ['❌', '⚠', '✅'];
