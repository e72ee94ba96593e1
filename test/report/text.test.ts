import { describe, expect, it } from 'vitest';
import { renderLintText, renderText } from '../../src/report/index.js';
import { failing, hostile, lint } from './cases.js';

describe('renderText', () => {
  it('uses ANSI colours only when asked', () => {
    expect(renderText(failing(), { color: false })).not.toContain('\u001b');
    expect(renderText(failing(), { color: true })).toContain('\u001b[31mFAIL\u001b[0m');
    expect(renderLintText(lint(), { color: false })).not.toContain('\u001b');
  });

  it('lets no escape sequence or control character of the input reach the terminal', () => {
    for (const color of [false, true]) {
      const text = renderText(hostile(), { color });
      expect(text).not.toContain('\u001b[31mred');
      for (const character of ['\u0007', '\u202E', '\r']) expect(text).not.toContain(character);
    }
  });

  it('keeps hostile values on their line and bounded', () => {
    const text = renderText(hostile(), { color: false });
    expect(text).not.toContain('A'.repeat(1_000));
    expect(text).toContain('line one line two');
  });

  it('writes findings as file:line:col  severity  rule  message and ends with a summary line', () => {
    const lines = renderLintText(lint(), { color: false }).trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^payments\/payments\.yaml:12:3 +error +rules-ignored-by-policy-types +payments\/lock-down/,
    );
    expect(lines.at(-1)).toBe('2 findings: 1 error, 1 warning, 0 infos, 1 suppressed');
  });
});
