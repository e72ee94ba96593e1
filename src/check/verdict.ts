import type { Severity } from '../manifests/types.js';
import type { Finding } from '../rules/types.js';
import type { FailOn } from './types.js';

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** Whether a finding blocks under `fail-on`: not suppressed, and at or above the threshold (`never` blocks none). */
export function blocks(finding: Finding, failOn: FailOn): boolean {
  return !finding.suppressed && failOn !== 'never' && RANK[finding.severity] >= RANK[failOn];
}
