import { codeSpan } from './escape.js';
import { formatLocation } from './format.js';
import type { RunContext } from './types.js';

/** Where reports link to: this project's documentation (rule ids), never a path relative to the reader's repository. */

/** This project's repository, where its documentation lives. */
export const PROJECT_URL = 'https://github.com/netpol-guard/netpol-guard';

/** Rules of results a `check` adds beside lint rules, and the page that documents them. */
const CHECK_RULE_PAGES: Readonly<Record<string, string>> = {
  'broken-flow': 'docs/code-scanning.md',
  'opened-path': 'docs/code-scanning.md',
  'l7-filter-changed': 'docs/code-scanning.md',
};

/** The documentation of a rule: its section of docs/rules.md (or of the page of a check's own results). */
export function ruleDocsUrl(ruleId: string): string {
  const page = CHECK_RULE_PAGES[ruleId] ?? 'docs/rules.md';
  return `${PROJECT_URL}/blob/main/${page}#${encodeURIComponent(ruleId)}`;
}

const MAX_URL_LENGTH = 500;

/**
 * An http(s) URL fit for a Markdown link destination, or undefined: characters that could end the destination
 * (parentheses, angle brackets, quotes, spaces) are percent-encoded, and a long one is refused.
 */
export function linkTarget(url: string | undefined): string | undefined {
  if (!url || url.length > MAX_URL_LENGTH || !URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  return parsed.href.replace(
    /[()<>"' ]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * The head blob of `file` at `line` (`…/blob/<head sha>/<prefix><file>#L<n>`), when the run says where the
 * repository is; each path segment is percent-encoded, so a file name chosen by a pull request cannot add to the URL.
 */
export function blobUrl(context: RunContext | undefined, file: string, line?: number): string | undefined {
  if (!context?.repositoryUrl || !context.headSha || !/^[0-9a-f]{7,64}$/i.test(context.headSha))
    return undefined;
  if (file.split('/').some((segment) => segment === '..' || segment === '.')) return undefined;
  const repository = linkTarget(context.repositoryUrl.replace(/\/+$/, ''));
  if (!repository) return undefined;
  const path = `${context.pathPrefix ?? ''}${file}`.split('/').map(encodeURIComponent).join('/');
  return `${repository}/blob/${context.headSha}/${path}${line ? `#L${line}` : ''}`;
}

/** How reports write a place and a rule id: linked when the run says where they are, else as code. */
export interface MarkdownLinks {
  /** `file:line` of head, linked to its blob line; base lines are not in the head blob, so `base` is never linked. */
  location(file: string | undefined, line?: number, side?: 'base' | 'head'): string;
  /** A rule id, linked to its documentation. */
  rule(id: string): string;
}

export function markdownLinks(context: RunContext | undefined): MarkdownLinks {
  return {
    location(file, line, side) {
      const text = codeSpan(formatLocation(file, line), 200);
      if (!file || !text || side === 'base') return text;
      const url = blobUrl(context, file, line);
      return url ? `[${text}](${url})` : text;
    },
    rule(id) {
      const text = codeSpan(id);
      return text && context?.repositoryUrl ? `[${text}](${ruleDocsUrl(id)})` : text;
    },
  };
}
