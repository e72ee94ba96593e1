import type { Diagnostic, LoadedObject } from '../manifests/types.js';
import type { FieldReader } from '../model/fields.js';
import type { NetworkPolicy, TieredPolicy } from '../model/types.js';

/**
 * A policy kind the engine evaluates: where its objects are told apart (apiVersion and kind, never kind alone), what
 * the loader checks before the model reads one, and how one is read, strictly, into a model form (undefined, with an
 * error at the field, for an object the API server would reject). The loader and the model builder know kinds only
 * through this and the registry (`registry.ts`).
 */
interface KindOf<Form extends string, Policy> {
  apiVersion: string;
  kind: string;
  /**
   * A namespaced kind's objects live in a namespace (kubectl's default when `metadata.namespace` is absent); a
   * cluster-scoped kind's `metadata.namespace` is ignored, as the API server ignores it.
   */
  namespaced: boolean;
  /** What the loader checks first (a schema): an object with problems is left out, each problem at its field. */
  validate?(object: LoadedObject): Diagnostic[];
  /** Why objects of this kind name under another apiVersion are not read, for their `unsupported-api-version`. */
  otherVersions?: string;
  /** Which model form `read` gives: the tiered form every kind compiles to, or NetworkPolicy's own. */
  form: Form;
  /** `namespace` is the object's (defaulted) namespace for namespaced kinds, undefined for cluster-scoped ones. */
  read(reader: FieldReader, namespace: string | undefined): Policy | undefined;
}

/**
 * A kind read into the tiered form (`TieredPolicy`), which the engine compiles alike for every such kind; an object
 * holding several rules with subjects of their own (a Cilium policy's `specs`) reads into one per rule.
 */
export type TieredKind = KindOf<'tiered', TieredPolicy | readonly TieredPolicy[]>;

/**
 * NetworkPolicy keeps a form of its own: its lint rules and fixes read its fields (podSelector, policyTypes), and
 * `src/kinds/network-policy/compile.ts` compiles it into the namespaced tier.
 */
export type NetworkPolicyKind = KindOf<'network-policy', NetworkPolicy>;

export type PolicyKind = TieredKind | NetworkPolicyKind;
