/**
 * Everything a report shows from manifests and flows (names, labels, messages, file names) is untrusted: a pull
 * request author chooses it. These helpers make such text inert in the PR comment and in the terminal.
 */

/** Line breaks and tabs: reports put untrusted text on one line (a table row, a terminal line). */
const LINE_BREAKS = /\r\n|[\n\r\t\v\f\u0085\u2028\u2029]/g;
/**
 * Characters that never belong in a report: C0/C1 controls (ANSI escape sequences start with ESC), DEL, and every
 * format character (Unicode category Cf: bidirectional overrides, which make text read differently from what it is,
 * "Trojan Source"; zero-width spaces and joiners, which make `prod` and `pro\u200Bd` look the same) and the Hangul
 * fillers, which show as nothing.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_CHARACTERS = /[\u0000-\u001F\u007F-\u009F\p{Cf}\u115F\u1160\u3164\uFFA0]/gu;

/** Text on one line without control characters: safe for a terminal line and the base of the Markdown escapes. */
export function cleanText(text: string): string {
  return String(text).replace(LINE_BREAKS, ' ').replace(UNSAFE_CHARACTERS, '');
}

/** At most `maxLength` characters (code points, so no surrogate pair is split), ending in `…` when cut. */
export function truncate(text: string, maxLength: number): string {
  const characters = Array.from(text);
  if (characters.length <= maxLength) return text;
  return `${characters.slice(0, Math.max(0, maxLength - 1)).join('')}…`;
}

/** Default bound of one escaped value: long enough for a message, short enough that a table row stays readable. */
export const DEFAULT_TEXT_LENGTH = 500;

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
/** ASCII punctuation with a Markdown meaning anywhere in a line (emphasis, links, images, tables, code, math). */
const MARKDOWN_SPECIALS = new Set([
  '\\',
  '`',
  '*',
  '_',
  '[',
  ']',
  '(',
  ')',
  '{',
  '}',
  '#',
  '!',
  '|',
  '~',
  '$',
]);
/**
 * GitHub turns some plain text into links, notifications and pictures after Markdown is rendered, so escaping
 * cannot stop them: `@user`, `@org/team`, `#123` and `GH-123` references, bare URLs, `www.` names and `:emoji:`
 * shortcodes. A zero-width joiner breaks each pattern while the text still reads the same (the joiners already in
 * the text are gone: see `cleanText`).
 */
/**
 * The colon that opens a `:shortcode:` GitHub may show as an emoji: names of letters, digits, `_`, `+` and `-`
 * (`:rocket:`, `:+1:`, `:-1:`, `:e-mail:`, `:1st_place_medal:`), and the two names of digits only, `:100:` and
 * `:1234:`. Other runs of digits between colons are times (`08:03:50`), left as they read.
 */
const EMOJI_SHORTCODE = /:(?=(?![0-9]+:)[\w+-]+:|(?:100|1234):)/g;
const AUTOLINK_TRIGGERS: readonly [RegExp, string][] = [
  [/@/g, '@\u200D'],
  [/#(?=\d)/g, '#\u200D'],
  [/\bGH-(?=\d)/gi, '$&\u200D'],
  [/:\/\//g, ':\u200D//'],
  [/\bwww\./gi, '$&\u200D'],
  [EMOJI_SHORTCODE, ':\u200D'],
];

/**
 * Breaks `@mentions`, `#123`/`GH-123` references, bare links and `:emoji:` with a zero-width joiner: for any text
 * GitHub shows.
 */
export function neutraliseAutolinks(text: string): string {
  return AUTOLINK_TRIGGERS.reduce(
    (inert, [pattern, replacement]) => inert.replace(pattern, replacement),
    text,
  );
}

/**
 * Escapes untrusted text for Markdown running text and table cells: it cannot open HTML, close a `<details>`,
 * break a table, add a link or an image, or mention anyone. Newlines become spaces; the result is bounded.
 */
export function escapeMarkdown(text: string, maxLength = DEFAULT_TEXT_LENGTH): string {
  const inert = neutraliseAutolinks(truncate(cleanText(text).trim(), maxLength));
  let escaped = '';
  for (const character of inert) {
    escaped += HTML_ENTITIES[character] ?? (MARKDOWN_SPECIALS.has(character) ? `\\${character}` : character);
  }
  // Only at the start of a line do `-`, `+` and `1.` open a list (or a rule); a hyphenated name stays readable.
  return escaped.replace(/^[-+]/, '\\$&').replace(/^(\d+)\./, '$1\\.');
}

/** Characters a backtick code span shows literally but that must not appear raw in the report. */
const NOT_LITERAL_IN_CODE = /[<>&|]/;

/**
 * Shows a short identifier in inline code that its content cannot break out of: the backtick fence is longer than
 * any backtick run inside, and there are no newlines. Code spans show their content literally (entities are not
 * decoded), so text with `<`, `>`, `&` or a table pipe falls back to `<code>` around escaped text.
 */
export function codeSpan(text: string, maxLength = 100): string {
  const bounded = truncate(cleanText(text).trim(), maxLength);
  if (bounded === '') return '';
  if (NOT_LITERAL_IN_CODE.test(bounded)) return `<code>${escapeMarkdown(bounded, maxLength)}</code>`;
  // GitHub does not link or notify inside code, but the raw text stays free of `@user` in case it is shown elsewhere.
  const inert = neutraliseAutolinks(bounded);
  const longestRun = Math.max(0, ...Array.from(inert.matchAll(/`+/g), (run) => run[0].length));
  const fence = '`'.repeat(longestRun + 1);
  const padding = inert.startsWith('`') || inert.endsWith('`') ? ' ' : '';
  return `${fence}${padding}${inert}${padding}${fence}`;
}
