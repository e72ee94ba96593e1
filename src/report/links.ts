/** Where reports link to: this project's documentation (rule ids), never a path relative to the reader's repository. */

/** This project's repository, where its documentation lives. */
export const PROJECT_URL = 'https://github.com/netpol-guard/netpol-guard';

/** Rules of results a `check` adds beside lint rules, and the page that documents them. */
const CHECK_RULE_PAGES: Readonly<Record<string, string>> = {
  'broken-flow': 'docs/code-scanning.md',
  'opened-path': 'docs/code-scanning.md',
};

/** The documentation of a rule: its section of docs/rules.md (or of the page of a check's own results). */
export function ruleDocsUrl(ruleId: string): string {
  const page = CHECK_RULE_PAGES[ruleId] ?? 'docs/rules.md';
  return `${PROJECT_URL}/blob/main/${page}#${encodeURIComponent(ruleId)}`;
}
