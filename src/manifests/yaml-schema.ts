import { Document, isScalar, type Composer, type ScalarTag } from 'yaml';

/**
 * kubectl reads YAML 1.1 (go-yaml): `yes`/`no`/`on`/`off` are booleans and `0755` is octal, so a label value
 * written `yes` is rejected by the API server exactly as it is here. go-yaml keeps timestamps and sexagesimal
 * numbers (`22:22`) as strings, so those YAML 1.1 tags are left out.
 */
export const YAML_OPTIONS = {
  version: '1.1',
  customTags: (tags) => tags.filter((tag) => !isTimeTag(tag)),
  uniqueKeys: true,
  // Conversion warnings (collection keys) would go to the process's stderr; such documents are reported instead.
  logLevel: 'error',
} as const satisfies ConstructorParameters<typeof Composer>[0];

function isTimeTag(tag: string | { tag: string; format?: string }): boolean {
  if (typeof tag === 'string') return tag === 'timestamp' || tag === 'intTime' || tag === 'floatTime';
  return tag.tag === 'tag:yaml.org,2002:timestamp' || tag.format === 'TIME';
}

export const JSON_OPTIONS = { version: '1.2', uniqueKeys: true, logLevel: 'error' } as const;

const schemaDocument = new Document(null, YAML_OPTIONS);
/** The tags a plain scalar is tested against, in the schema's order, as the composer tests them. */
const IMPLICIT_TAGS = schemaDocument.schema.tags.filter(
  (tag): tag is ScalarTag => tag.default === true && !tag.collection && tag.test !== undefined,
);

/**
 * The value of a plain (unquoted, untagged) scalar under `YAML_OPTIONS`, decided by the schema's own tags exactly
 * as the YAML composer decides it (`22` a number, `yes` true, `~` null, anything else a string); undefined when a
 * tag rejects the text, which the composer would report.
 */
export function resolvePlainScalar(source: string): { value: unknown } | undefined {
  // Manifests repeat their scalars (kinds, protocols, label values): each text is tested against the tags once.
  if (resolvedScalars.has(source)) return resolvedScalars.get(source);
  const resolved = resolveByTags(source);
  if (source.length > MAX_REMEMBERED_LENGTH) return resolved;
  if (resolvedScalars.size >= MAX_RESOLVED_SCALARS) resolvedScalars.clear();
  resolvedScalars.set(source, resolved);
  return resolved;
}

/**
 * Bounds what `resolvePlainScalar` remembers (values are primitives: numbers, booleans, null, texts): short texts
 * repeat, long ones (descriptions, images) rarely do.
 */
const MAX_RESOLVED_SCALARS = 65_536;
const MAX_REMEMBERED_LENGTH = 64;
const resolvedScalars = new Map<string, { value: unknown } | undefined>();

function resolveByTags(source: string): { value: unknown } | undefined {
  const tag = IMPLICIT_TAGS.find((candidate) => candidate.test?.test(source));
  if (tag?.resolve === undefined) return { value: source };
  let rejected = false;
  const resolved: unknown = tag.resolve(
    source,
    () => {
      rejected = true;
    },
    schemaDocument.options,
  );
  if (rejected) return undefined;
  return { value: isScalar(resolved) ? resolved.value : resolved };
}
