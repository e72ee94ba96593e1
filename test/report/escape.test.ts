import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeSpan, escapeMarkdown, truncate } from '../../src/report/escape.js';
import { mermaidText } from '../../src/report/mermaid.js';

const ZWJ = '\u200D';

describe('escapeMarkdown', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert\\(1\\)&lt;/script&gt;'],
    ['</details>', '&lt;/details&gt;'],
    ['a | b', 'a \\| b'],
    ['[link](http://x)', `\\[link\\]\\(http:${ZWJ}//x\\)`],
    ['![img](x)', '\\!\\[img\\]\\(x\\)'],
    ['@octocat and @org/team', `@${ZWJ}octocat and @${ZWJ}org/team`],
    ['fixes #12', `fixes \\#${ZWJ}12`],
    ['see www.example.com', `see www.${ZWJ}example.com`],
    ['line one\nline two\r\nthree', 'line one line two three'],
    [
      '`code` and *bold* and _em_ and ~~gone~~',
      '\\`code\\` and \\*bold\\* and \\_em\\_ and \\~\\~gone\\~\\~',
    ],
    ['"quoted" & \'single\'', '&quot;quoted&quot; &amp; &#39;single&#39;'],
    ['- a list', '\\- a list'],
    ['1. ordered', '1\\. ordered'],
    ['my-app-1.2', 'my-app-1.2'],
    ['$x$ math', '\\$x\\$ math'],
    ['\u001b[31mred\u0007 \u202Eevil', '\\[31mred evil'],
    // Format characters (Cf) and Hangul fillers make one name look like another: gone.
    ['pro\u200Bd\u200D\u2060\uFEFF\u00AD', 'prod'],
    ['pay\u3164ments\u115F\u1160\uFFA0', 'payments'],
    [':rocket: and :+1:', `:${ZWJ}rocket: and :${ZWJ}+1:`],
    [':-1: :100: :1234: :e-mail:', `:${ZWJ}-1: :${ZWJ}100: :${ZWJ}1234: :${ZWJ}e-mail:`],
    [':1st_place_medal: and a:b:c:', `:${ZWJ}1st\\_place\\_medal: and a:${ZWJ}b:${ZWJ}c:`],
    ['closes GH-123 and gh-7', `closes GH-${ZWJ}123 and gh-${ZWJ}7`],
    ['at 08:03:50', 'at 08:03:50'],
  ])('escapes %j', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it('bounds the length before escaping, with an ellipsis', () => {
    expect(escapeMarkdown('A'.repeat(10_000), 10)).toBe(`${'A'.repeat(9)}…`);
  });

  it('never lets any input open HTML, break a line or a table, link, or mention', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const escaped = escapeMarkdown(text);
        expect(escaped).not.toMatch(/[<>\n\r]/);
        expect(escaped).not.toMatch(/(^|[^\\])(\\\\)*\|/);
        expect(escaped).not.toContain('](');
        expect(escaped).not.toMatch(new RegExp(`@(?!${ZWJ})`));
      }),
    );
  });
});

describe('codeSpan', () => {
  it('uses a fence longer than any backtick run inside', () => {
    expect(codeSpan('a ``` b ` c')).toBe('````a ``` b ` c````');
    expect(codeSpan('`start')).toBe('`` `start ``');
  });

  it('falls back to <code> with escaped text for characters a code span would show raw', () => {
    expect(codeSpan('<script>|x')).toBe('<code>&lt;script&gt;\\|x</code>');
  });

  it('keeps identifiers as they are, on one line', () => {
    expect(codeSpan('namespace-selector-all')).toBe('`namespace-selector-all`');
    expect(codeSpan('a\nb')).toBe('`a b`');
    expect(codeSpan('')).toBe('');
  });

  it('cannot be broken out of', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const span = codeSpan(text);
        if (span === '' || span.startsWith('<code>')) return;
        const fence = /^`+/.exec(span)?.[0] ?? '';
        const inner = span.slice(fence.length, span.length - fence.length);
        expect(span.endsWith(fence)).toBe(true);
        for (const run of inner.match(/`+/g) ?? []) expect(run.length).not.toBe(fence.length);
        expect(inner).not.toMatch(/[\n\r<>&|]/);
      }),
    );
  });
});

describe('truncate', () => {
  it('keeps short text and never splits a surrogate pair', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('😀😀😀😀😀', 3)).toBe('😀😀…');
  });
});

describe('mermaidText', () => {
  it('writes every character with a meaning in Mermaid as an entity', () => {
    // The zero-width joiners break a mention or a reference in the raw text too, as everywhere in the comment.
    expect(mermaidText('a"]-->b[`x`]@me #1;')).toBe(
      'a#34;#93;--#62;b#91;#96;x#96;#93;#64;\u200Dme #35;\u200D1#59;',
    );
    expect(mermaidText('[link](http://x)')).toBe('#91;link#93;#40;http:\u200D//x#41;');
  });
});
