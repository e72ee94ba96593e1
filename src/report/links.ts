/**
 * Links reports put on what they name: rule ids to the project's own documentation (never a relative path, which a
 * reader would resolve inside their own repository), and file:line to the blob of the commit under review.
 */

/** The project's repository, where its documentation lives. */
export const PROJECT_REPOSITORY = 'https://github.com/netpol-guard/netpol-guard';

/** Rules of results a `check` adds beside lint rules, and the page that documents them. */
const CHECK_RULE_PAGES: Readonly<Record<string, string>> = {
  'broken-flow': 'docs/code-scanning.md',
  'opened-path': 'docs/code-scanning.md',
};

/** The documentation of a rule: its section of docs/rules.md (or of the page of a check's own results). */
export function ruleDocsUrl(ruleId: string): string {
  const page = CHECK_RULE_PAGES[ruleId] ?? 'docs/rules.md';
  return `${PROJECT_REPOSITORY}/blob/main/${page}#${encodeURIComponent(ruleId)}`;
}

/** Where the commit under review is: `https://github.com`, `acme/gitops`, and the head commit. */
export interface BlobBase {
  serverUrl: string;
  repository: string;
  sha: string;
}

/** `…/blob/<sha>/<path>#L<line>`: a file of the commit, at a line when one is known. */
export function blobUrl(base: BlobBase, file: string, line?: number): string {
  const path = file
    .replace(/^(\.\/)+/, '')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
  const anchor = line !== undefined && Number.isInteger(line) && line >= 1 ? `#L${line}` : '';
  return `${base.serverUrl.replace(/\/+$/, '')}/${base.repository}/blob/${base.sha}/${path}${anchor}`;
}
