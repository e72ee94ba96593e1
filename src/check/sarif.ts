import { renderSarif, type SarifOptions } from '../report/index.js';
import { rules } from '../rules/index.js';
import type { LintResult } from '../rules/types.js';
import { VERSION } from '../version.js';
import type { CheckResult } from './types.js';

/** SARIF for code scanning, with every rule's documentation and this version of the tool (CLI and Action alike). */
export function sarifReport(
  result: CheckResult | LintResult,
  options: Pick<SarifOptions, 'uriBase' | 'pathPrefix'> = {},
): string {
  return renderSarif(
    result,
    rules.map((r) => r.meta),
    { toolVersion: VERSION, ...options },
  );
}
