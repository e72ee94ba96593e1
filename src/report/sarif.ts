import { createHash } from 'node:crypto';
import type { CheckResult, FlowsResult, PathChange, ReplayedFlow } from '../check/types.js';
import { peerLabel } from '../diff/peers.js';
import type { Diagnostic, Severity, SourceLocation } from '../manifests/types.js';
import type { Finding, LintResult } from '../rules/types.js';
import { cleanText, neutraliseAutolinks, truncate } from './escape.js';
import { describeRisks, formatPorts, plural } from './format.js';
import type { RuleDoc, SarifOptions } from './types.js';
import type { SuggestedFix } from '../fix/types.js';

const SARIF_SCHEMA =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const INFORMATION_URI = 'https://www.npmjs.com/package/netpol-guard';
const SOURCE_ROOT = '%SRCROOT%';
/** Versioned, so a change of what goes into the hash can use a new key instead of reopening every alert. */
const FINGERPRINT_KEY = 'netpolGuardFindingHash/v1';
const MAX_MESSAGE_LENGTH = 2_000;

type SarifLevel = 'error' | 'warning' | 'note';
const LEVEL: Readonly<Record<Severity, SarifLevel>> = { error: 'error', warning: 'warning', info: 'note' };

/** Rules of the results a `check` adds beside lint findings. */
export const CHECK_RULE_DOCS: readonly RuleDoc[] = [
  {
    id: 'broken-flow',
    severity: 'error',
    description: 'A flow recorded on the live cluster would be denied after this change.',
    rationale:
      'The flow passed when it was recorded and the base manifests allow it; the head manifests deny it, so ' +
      'merging cuts traffic that production depends on.',
    remediation:
      'Allow the flow in the policy named in the message (egress at the source, ingress at the destination), ' +
      'or, when the flow is meant to stop, say so in the pull request.',
  },
  {
    id: 'opened-path',
    severity: 'warning',
    description: 'This change opens a risky network path.',
    rationale:
      'A path that crosses namespaces, is reachable from any namespace, reaches the internet or the cloud ' +
      'metadata endpoint widens what a compromised pod can reach.',
    remediation:
      'Narrow the rule that opens it: name the namespace and the pods with selectors, list the ports, and ' +
      'avoid ipBlocks that cover the internet or the metadata endpoint.',
  },
];

interface SarifLocation {
  physicalLocation: {
    artifactLocation: { uri: string; uriBaseId: string };
    region: { startLine: number; startColumn: number };
  };
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: { text: string };
  locations?: SarifLocation[];
  relatedLocations?: (SarifLocation & { id: number; message: { text: string } })[];
  partialFingerprints: Record<string, string>;
  suppressions?: { kind: 'inSource'; justification?: string }[];
  fixes?: SarifFix[];
}

interface SarifFix {
  description: { text: string };
  artifactChanges: {
    artifactLocation: { uri: string; uriBaseId: string };
    replacements: {
      deletedRegion: { startLine: number; endLine: number };
      insertedContent: { text: string };
    }[];
  }[];
}

/**
 * A suggested fix as SARIF `fixes` (§3.55): whole lines replaced, so no column is needed. Both patches of a
 * connection that both ends deny are one fix: either alone does not restore it.
 */
function sarifFixes(fix: SuggestedFix | undefined): { fixes?: SarifFix[] } {
  if (!fix) return {};
  const patches = fix.alsoNeeded ? [fix, fix.alsoNeeded] : [fix];
  const changes = new Map<string, SarifFix['artifactChanges'][number]>();
  for (const patch of patches) {
    const uri = artifactUri(patch.file);
    const change = changes.get(uri) ?? {
      artifactLocation: { uri, uriBaseId: SOURCE_ROOT },
      replacements: [],
    };
    change.replacements.push({
      deletedRegion: { startLine: positive(patch.line), endLine: positive(patch.endLine) },
      insertedContent: { text: patch.replacement },
    });
    changes.set(uri, change);
  }
  const description = patches.map((patch) => `add a rule to spec.${patch.direction} of ${patch.policy}`);
  return {
    fixes: [
      {
        description: { text: messageText(`${description.join(' and ')}.`) },
        artifactChanges: [...changes.values()],
      },
    ],
  };
}

/**
 * Untrusted text as a SARIF plain-text message. Viewers turn `[text](target)` into a link (SARIF 2.1.0 §3.11.6,
 * "embedded links"), so literal brackets, and the backslash that escapes them, are escaped; mentions and bare links
 * are broken as in the Markdown report.
 */
function messageText(text: string): string {
  const bounded = neutraliseAutolinks(truncate(cleanText(text), MAX_MESSAGE_LENGTH));
  const pieces = Array.from(bounded, (character) =>
    character === '[' || character === ']' || character === '\\' ? `\\${character}` : character,
  );
  const escaped = pieces.join('');
  if (escaped.length <= MAX_MESSAGE_LENGTH) return escaped;
  // Escapes made it longer: cut between pieces, never inside an escape, leaving room for the ellipsis.
  let length = 1;
  let kept = 0;
  while (kept < pieces.length && length + (pieces[kept]?.length ?? 0) <= MAX_MESSAGE_LENGTH) {
    length += pieces[kept]?.length ?? 0;
    kept++;
  }
  return `${pieces.slice(0, kept).join('')}…`;
}

/** A repository-relative path as a URI reference: forward slashes, each segment percent-encoded. */
function artifactUri(file: string): string {
  return file
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/** SARIF lines and columns start at 1; a missing or bad value becomes 1 rather than an invalid log. */
function positive(value: number | undefined): number {
  return Number.isInteger(value) && (value as number) >= 1 ? (value as number) : 1;
}

function sarifLocation(location: Partial<SourceLocation> | undefined): SarifLocation | undefined {
  if (!location?.file) return undefined;
  return {
    physicalLocation: {
      artifactLocation: { uri: artifactUri(location.file), uriBaseId: SOURCE_ROOT },
      region: { startLine: positive(location.line), startColumn: positive(location.column) },
    },
  };
}

/** Stable across runs: made of what the result is about, never of where it is (lines move with every edit). */
function fingerprint(parts: readonly (string | number | undefined)[]): Record<string, string> {
  const hash = createHash('sha256')
    .update(parts.map((part) => String(part ?? '')).join('\u0000'))
    .digest('hex');
  return { [FINGERPRINT_KEY]: hash.slice(0, 32) };
}

/** The rule list of the run, and the index of each id in it (`ruleIndex`). */
class RuleTable {
  readonly docs: RuleDoc[] = [];
  private readonly indexes = new Map<string, number>();

  add(doc: RuleDoc): void {
    if (this.indexes.has(doc.id)) return;
    this.indexes.set(doc.id, this.docs.length);
    this.docs.push(doc);
  }

  /** The index of a rule; a finding of a rule nobody documented still gets a descriptor, so every index resolves. */
  indexOf(id: string, severity: Severity): number {
    this.add({
      id,
      severity,
      description: `netpol-guard rule ${id}.`,
      rationale: 'This rule has no documentation.',
      remediation: 'See the message of the result.',
    });
    return this.indexes.get(id) ?? 0;
  }
}

function ruleDescriptor(doc: RuleDoc) {
  return {
    id: doc.id,
    shortDescription: { text: doc.description },
    fullDescription: { text: `${doc.description} ${doc.rationale}` },
    ...(doc.helpUri ? { helpUri: doc.helpUri } : {}),
    help: {
      text: `${doc.rationale}\n\nHow to fix: ${doc.remediation}`,
      markdown: `**Why it matters:** ${doc.rationale}\n\n**How to fix:** ${doc.remediation}`,
    },
    defaultConfiguration: { level: LEVEL[doc.severity] ?? 'warning' },
  };
}

function findingResult(finding: Finding, rules: RuleTable): SarifResult {
  const location = sarifLocation(finding);
  const related = (finding.related ?? []).flatMap((item, index) => {
    const relatedLocation = sarifLocation(item);
    return relatedLocation
      ? [{ id: index + 1, ...relatedLocation, message: { text: messageText(item.message) } }]
      : [];
  });
  const { kind, namespace, name } = finding.resource;
  return {
    ruleId: finding.rule,
    ruleIndex: rules.indexOf(finding.rule, finding.severity),
    level: LEVEL[finding.severity] ?? 'warning',
    message: { text: messageText(finding.message) },
    ...(location ? { locations: [location] } : {}),
    ...(related.length > 0 ? { relatedLocations: related } : {}),
    partialFingerprints: fingerprint([finding.rule, kind, namespace, name, finding.message]),
    ...(finding.suppressed
      ? {
          suppressions: [
            {
              kind: 'inSource' as const,
              ...(finding.suppressed.reason ? { justification: messageText(finding.suppressed.reason) } : {}),
            },
          ],
        }
      : {}),
    ...sarifFixes(finding.fix),
  };
}

function brokenFlowResult(flow: ReplayedFlow, rules: RuleTable): SarifResult {
  const from = peerLabel(flow.from);
  const to = peerLabel(flow.to);
  const seen = `seen ${plural(flow.count, 'time')}${flow.lastSeen ? `, last at ${flow.lastSeen}` : ''}`;
  const location = sarifLocation(flow.location);
  return {
    ruleId: 'broken-flow',
    ruleIndex: rules.indexOf('broken-flow', 'error'),
    level: 'error',
    message: {
      text: messageText(
        `Live flow ${from} -> ${to} ${flow.protocol}/${flow.port} (${seen}) would be denied` +
          (flow.explanation ? `: ${flow.explanation}` : '.'),
      ),
    },
    ...(location ? { locations: [location] } : {}),
    partialFingerprints: fingerprint(['broken-flow', from, to, flow.protocol, flow.port]),
    ...sarifFixes(flow.fix),
  };
}

function openedPathResult(change: PathChange, rules: RuleTable): SarifResult {
  const from = peerLabel(change.from);
  const to = peerLabel(change.to);
  const ports = formatPorts(change.protocol, change.ports);
  const location = sarifLocation(change.location);
  return {
    ruleId: 'opened-path',
    ruleIndex: rules.indexOf('opened-path', 'warning'),
    level: 'warning',
    message: {
      text: messageText(
        `This change opens ${from} -> ${to} ${ports}: ${describeRisks(change.risk, change)}.`,
      ),
    },
    ...(location ? { locations: [location] } : {}),
    partialFingerprints: fingerprint(['opened-path', from, to, ports]),
  };
}

/** Diagnostics are about the input, not the code: SARIF's tool execution notifications. */
function notification(diagnostic: Diagnostic) {
  const location = sarifLocation(diagnostic);
  return {
    level: LEVEL[diagnostic.severity] ?? 'warning',
    message: { text: messageText(diagnostic.message) },
    descriptor: { id: diagnostic.code },
    ...(location ? { locations: [location] } : {}),
  };
}

/** Flow records that could not be read are input problems too; the first few are kept as samples with file:line. */
function skippedFlowNotifications(flows: FlowsResult | undefined) {
  return (flows?.skippedSamples ?? []).map((sample) =>
    notification({
      severity: 'warning',
      code: 'flow-record-skipped',
      message: `flow record skipped: ${sample.reason}`,
      file: sample.file,
      line: sample.line,
    }),
  );
}

function isCheckResult(result: CheckResult | LintResult): result is CheckResult {
  return 'verdict' in result && 'diff' in result;
}

/**
 * A SARIF 2.1.0 log for GitHub code scanning: lint findings (suppressed ones marked as such), and for a `check`
 * the live flows it would break and the risky paths it opens. Fingerprints do not depend on line numbers, so an
 * alert survives edits above it.
 */
export function renderSarif(
  result: CheckResult | LintResult,
  rules: readonly RuleDoc[],
  options: SarifOptions = {},
): string {
  const table = new RuleTable();
  for (const doc of rules) table.add(doc);
  const check = isCheckResult(result);
  if (check) for (const doc of CHECK_RULE_DOCS) table.add(doc);

  const results = result.findings.map((finding) => findingResult(finding, table));
  if (check) {
    for (const flow of result.flows?.broken ?? []) results.push(brokenFlowResult(flow, table));
    for (const change of result.diff.opened)
      if (change.risk?.length) results.push(openedPathResult(change, table));
  }

  const uriBase = options.uriBase
    ? options.uriBase.endsWith('/')
      ? options.uriBase
      : `${options.uriBase}/`
    : undefined;
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'netpol-guard',
            ...(options.toolVersion ? { version: options.toolVersion } : {}),
            informationUri: INFORMATION_URI,
            rules: table.docs.map(ruleDescriptor),
          },
        },
        ...(uriBase ? { originalUriBaseIds: { [SOURCE_ROOT]: { uri: uriBase } } } : {}),
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: [
              ...result.diagnostics.map(notification),
              ...(check ? skippedFlowNotifications(result.flows) : []),
            ],
          },
        ],
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
