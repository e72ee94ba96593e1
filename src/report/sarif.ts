import { createHash } from 'node:crypto';
import type { CheckResult, FlowsResult } from '../check/types.js';
import type { L7Change, PathChange } from '../diff/types.js';
import { l7Narrows } from '../diff/l7.js';
import { comparePeers, peerLabel } from '../diff/peers.js';
import { patchSummary } from '../fix/describe.js';
import type { Diagnostic, Severity, SourceLocation } from '../manifests/types.js';
import type { Finding, LintResult } from '../rules/types.js';
import { cleanText, neutraliseAutolinks, truncate } from './escape.js';
import { causeOf, groupByCause, openedBy, pathCauseKey, risksOf } from '../diff/causes.js';
import {
  describeL7ChangeLine,
  describeMembers,
  describeRisks,
  formatChangePorts,
  formatLocation,
  formatPorts,
  plural,
  refusedRequest,
} from './format.js';
import type { RuleDoc, SarifOptions } from './types.js';
import type { BrokenFlow, SuggestedFix } from '../fix/types.js';
import { ruleDocsUrl } from './links.js';

const SARIF_SCHEMA =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const INFORMATION_URI = 'https://www.npmjs.com/package/netpol-guard';
const SOURCE_ROOT = '%SRCROOT%';
/** Versioned, so a change of what goes into the hash can use a new key instead of reopening every alert. */
const FINGERPRINT_KEY = 'netpolGuardFindingHash/v1';
const MAX_MESSAGE_LENGTH = 2_000;

type SarifLevel = 'error' | 'warning' | 'note';
const LEVEL: Readonly<Record<Severity, SarifLevel>> = { error: 'error', warning: 'warning', info: 'note' };
/**
 * GitHub code scanning ranks security alerts by `security-severity` (a CVSS-like score: 7.0-8.9 high, 4.0-6.9
 * medium, 0.1-3.9 low), and only for rules tagged `security`.
 */
const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = { error: '8.0', warning: '5.0', info: '2.0' };

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
    // Recorded traffic, replayed by the engine: no guess is involved.
    precision: 'very-high',
  },
  {
    id: 'opened-path',
    severity: 'warning',
    description: 'This change opens a risky network path.',
    rationale:
      'A path that crosses namespaces, is reachable from any namespace, reaches the internet, the cloud ' +
      'metadata endpoint, a node or the API server widens what a compromised pod can reach.',
    remediation:
      'Narrow the rule that opens it: name the namespace and the pods with selectors, list the ports, and ' +
      'avoid ipBlocks that cover the internet or the metadata endpoint.',
  },
  {
    id: 'l7-filter-changed',
    severity: 'warning',
    description:
      'This change alters what a Cilium L7 filter lets through on a path that stays open at L3/L4.',
    rationale:
      'The proxy passes a request when one L7 rule (`toPorts[].rules`) matches it: a filter applied or narrowed ' +
      'refuses requests the base let through, which no L3/L4 diff shows and which break clients that send them; a ' +
      'filter removed or widened lets through requests the base refused.',
    remediation:
      'Check that the rules at the line named still match every request the clients send (method, path, host, ' +
      'DNS names), or, for a filter removed, that the path is meant to pass every request.',
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
function sarifFixes(fix: SuggestedFix | undefined, uris: ArtifactUris): { fixes?: SarifFix[] } {
  if (!fix) return {};
  const patches = fix.alsoNeeded ? [fix, fix.alsoNeeded] : [fix];
  const changes = new Map<string, SarifFix['artifactChanges'][number]>();
  for (const patch of patches) {
    const uri = uris(patch.file);
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
  const description = patches.map(patchSummary);
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

/** Turns a report path into the URI of its artifact, relative to `%SRCROOT%`. */
type ArtifactUris = (file: string) => string;

/**
 * Report paths as URI references relative to the repository root: the prefix of the analysed directory inside the
 * repository first (`k8s/` when `--head k8s`), forward slashes, each segment percent-encoded.
 */
function artifactUris(prefix: string): ArtifactUris {
  return (file) =>
    `${prefix}${file}`
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

function sarifLocation(
  location: Partial<SourceLocation> | undefined,
  uris: ArtifactUris,
): SarifLocation | undefined {
  if (!location?.file) return undefined;
  return {
    physicalLocation: {
      artifactLocation: { uri: uris(location.file), uriBaseId: SOURCE_ROOT },
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

/**
 * A rule as code scanning shows it: `name` for its title, `helpUri` to the project's documentation, and the
 * properties GitHub ranks and filters security alerts by (`tags`, `precision`, `security-severity`).
 */
function ruleDescriptor(doc: RuleDoc) {
  return {
    id: doc.id,
    name: ruleName(doc.id),
    shortDescription: { text: doc.description },
    fullDescription: { text: `${doc.description} ${doc.rationale}` },
    helpUri: doc.helpUri ?? ruleDocsUrl(doc.id),
    help: {
      text: `${doc.rationale}\n\nHow to fix: ${doc.remediation}`,
      markdown: `**Why it matters:** ${doc.rationale}\n\n**How to fix:** ${doc.remediation}`,
    },
    defaultConfiguration: { level: LEVEL[doc.severity] ?? 'warning' },
    properties: {
      tags: ['security', 'kubernetes', 'network-policy'],
      // Lint rules and the reachability diff read the manifests exactly; they cannot see what the tree lacks.
      precision: doc.precision ?? 'high',
      'security-severity': SECURITY_SEVERITY[doc.severity] ?? SECURITY_SEVERITY.warning,
    },
  };
}

/** `dns-egress-missing` → `DnsEgressMissing`: SARIF's `name` is an identifier, not a sentence. */
function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

function findingResult(finding: Finding, rules: RuleTable, uris: ArtifactUris): SarifResult {
  const location = sarifLocation(finding, uris);
  const related = (finding.related ?? []).flatMap((item, index) => {
    const relatedLocation = sarifLocation(item, uris);
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
    ...sarifFixes(finding.fix, uris),
  };
}

function brokenFlowResult(flow: BrokenFlow, rules: RuleTable, uris: ArtifactUris): SarifResult {
  const from = peerLabel(flow.from);
  const to = peerLabel(flow.to);
  const seen = `seen ${plural(flow.count, 'time')}${flow.lastSeen ? `, last at ${flow.lastSeen}` : ''}`;
  const location = sarifLocation(flow.location, uris);
  const refused = refusedRequest(flow);
  const connection = `${from} -> ${to} ${flow.protocol}/${flow.port} (${seen})`;
  return {
    ruleId: 'broken-flow',
    ruleIndex: rules.indexOf('broken-flow', 'error'),
    level: 'error',
    message: {
      text: messageText(
        refused
          ? `Live request ${refused.request} ${connection} would be refused at L7${refused.why}.`
          : `Live flow ${connection} would be denied` + (flow.explanation ? `: ${flow.explanation}` : '.'),
      ),
    },
    ...(location ? { locations: [location] } : {}),
    // Each request refused on a connection is an alert of its own, known by a digest of the whole request: its
    // fingerprint is as long for any path, and the cut a message makes never changes it.
    partialFingerprints: fingerprint([
      'broken-flow',
      from,
      to,
      flow.protocol,
      flow.port,
      ...(flow.request !== undefined ? [digest(flow.request)] : []),
    ]),
    ...sarifFixes(flow.fix, uris),
  };
}

/**
 * One result per L7 change (issue 18), at the rule at head that makes it: a warning when it may refuse requests base
 * let through (a filter applied, narrowed or changed), a note when it only lets more through (widened, removed).
 * Fingerprinted by the path and ports, not by the rules: editing the filter again on the same path is the same alert.
 */
function l7ChangeResult(change: L7Change, rules: RuleTable, uris: ArtifactUris): SarifResult {
  const location = sarifLocation(change.location, uris);
  return {
    ruleId: 'l7-filter-changed',
    ruleIndex: rules.indexOf('l7-filter-changed', 'warning'),
    level: l7Narrows(change.effect) ? 'warning' : 'note',
    message: { text: messageText(`This change alters an L7 filter: ${describeL7ChangeLine(change)}.`) },
    ...(location ? { locations: [location] } : {}),
    partialFingerprints: fingerprint([
      'l7-filter-changed',
      peerLabel(change.from),
      peerLabel(change.to),
      formatPorts(change.protocol, change.ports),
    ]),
  };
}

/** A fixed-length stand-in for untrusted text in a fingerprint. */
function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * One result per opened path (from, to), whatever the protocols: an alert is about a pair of workloads, and one per
 * protocol tripled the alerts of a pull request without saying more. Its location is the first change's. Paths of
 * one cause (the same ports, risks and location to one destination, or from one source) are one result: a
 * `namespaceSelector: {}` is one alert at its line, not one per workload of the tree.
 */
function openedPathResult(paths: readonly PathChange[][], rules: RuleTable, uris: ArtifactUris): SarifResult {
  const changes = paths[0]!;
  const [first] = changes as [PathChange, ...PathChange[]];
  const folds =
    paths.length < 2 ? undefined : comparePeers(paths[0]![0]!.to, paths[1]![0]!.to) === 0 ? 'from' : 'to';
  const end = (which: 'from' | 'to') => {
    if (folds !== which) return peerLabel(first[which]);
    const members = paths.map((path) => path[0]![which]);
    const named = members.slice(0, MAX_MEMBERS_NAMED).map(peerLabel);
    if (members.length > named.length) named.push(`and ${members.length - named.length} more`);
    const listed = `${describeMembers(members)}: ${named.join(', ')}`;
    return cause ? `${cause.peers} (${listed})` : `${describeMembers(members)} (${named.join(', ')})`;
  };
  // The rule's peer that opened every path of the group, and where it is written.
  const decided = folds ? causeOf(first) : undefined;
  const cause = decided && decided.folds === folds ? decided : undefined;
  const peerAt = cause?.decision.peer?.location;
  const by =
    cause?.written && peerAt ? ` (${cause.written} at ${formatLocation(peerAt.file, peerAt.line)})` : '';
  const ports = changes.map(formatChangePorts).join('; ');
  const risks = risksOf(paths.flat());
  const location = sarifLocation(changes.find((change) => change.location)?.location, uris);
  const allowedBy = changes.map(openedBy).find((text) => text !== undefined);
  return {
    ruleId: 'opened-path',
    ruleIndex: rules.indexOf('opened-path', 'warning'),
    level: 'warning',
    message: {
      text: messageText(
        `This change opens ${end('from')} -> ${end('to')} ${ports}${by}: ${describeRisks(risks, first)}` +
          (allowedBy ? `, ${allowedBy}.` : '.'),
      ),
    },
    ...(location ? { locations: [location] } : {}),
    // The pair only (a port added to an opened path is the same alert, not a new one); a group by its common end.
    partialFingerprints: fingerprint([
      'opened-path',
      folds === 'from' ? '*' : peerLabel(first.from),
      folds === 'to' ? '*' : peerLabel(first.to),
    ]),
  };
}

/** Members a grouped result names; the JSON report has every path. */
const MAX_MEMBERS_NAMED = 10;

/** The risky opened changes grouped by path (from, to), in the order each path first appears. */
function riskyPaths(opened: readonly PathChange[]): PathChange[][] {
  const paths = new Map<string, PathChange[]>();
  for (const change of opened) {
    if (!change.risk?.length) continue;
    const key = JSON.stringify([change.from, change.to]);
    const same = paths.get(key);
    if (same) same.push(change);
    else paths.set(key, [change]);
  }
  return [...paths.values()];
}

/** Paths of one cause (`pathCauseKey`): to one destination, or from one source. */
function causes(paths: readonly PathChange[][]): PathChange[][][] {
  return groupByCause(paths, pathCauseKey);
}

/** Diagnostics are about the input, not the code: SARIF's tool execution notifications. */
function notification(diagnostic: Diagnostic, uris: ArtifactUris) {
  const location = sarifLocation(diagnostic, uris);
  return {
    level: LEVEL[diagnostic.severity] ?? 'warning',
    message: { text: messageText(diagnostic.message) },
    descriptor: { id: diagnostic.code },
    ...(location ? { locations: [location] } : {}),
  };
}

/** Flow records that could not be read are input problems too; the first few are kept as samples with file:line. */
function skippedFlowNotifications(flows: FlowsResult | undefined, uris: ArtifactUris) {
  return (flows?.skippedSamples ?? []).map((sample) =>
    notification(
      {
        severity: 'warning',
        code: 'flow-record-skipped',
        message: `flow record skipped: ${sample.reason}`,
        file: sample.file,
        line: sample.line,
      },
      uris,
    ),
  );
}

function isCheckResult(result: CheckResult | LintResult): result is CheckResult {
  return 'verdict' in result && 'diff' in result;
}

/**
 * A SARIF 2.1.0 log for GitHub code scanning: lint findings (suppressed ones marked as such), and for a `check`
 * the live flows it would break, the risky paths it opens and the L7 filters it changes. Fingerprints do not depend on line numbers, so an
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

  const uris = artifactUris(options.pathPrefix ?? '');
  const results = result.findings.map((finding) => findingResult(finding, table, uris));
  if (check) {
    for (const flow of result.flows?.broken ?? []) results.push(brokenFlowResult(flow, table, uris));
    for (const paths of causes(riskyPaths(result.diff.opened)))
      results.push(openedPathResult(paths, table, uris));
    for (const change of result.diff.l7Changed ?? []) results.push(l7ChangeResult(change, table, uris));
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
              ...result.diagnostics.map((diagnostic) => notification(diagnostic, uris)),
              ...(check ? skippedFlowNotifications(result.flows, uris) : []),
            ],
          },
        ],
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
