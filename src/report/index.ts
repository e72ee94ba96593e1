/** Reports: pure functions from results to strings (JSON, terminal text, GitHub Markdown, SARIF). */
export { codeSpan, escapeMarkdown, truncate } from './escape.js';
export { renderJson, renderLintJson } from './json.js';
export { renderLintMarkdown, renderMarkdown } from './markdown.js';
export { CHECK_RULE_DOCS, renderSarif } from './sarif.js';
export { renderLintText, renderText } from './text.js';
export type { MarkdownOptions, RuleDoc, SarifOptions, TextOptions } from './types.js';
