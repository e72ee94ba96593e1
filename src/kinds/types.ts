import type { FieldReader } from '../model/fields.js';
import type { TieredPolicy } from '../model/types.js';

/**
 * A policy kind the engine evaluates, besides NetworkPolicy: where its objects are told apart (apiVersion and kind,
 * never kind alone) and how one is read, strictly, into the model's tiered form (undefined, with an error at the
 * field, for an object the API server would reject).
 */
export interface PolicyKind {
  apiVersion: string;
  kind: string;
  read(reader: FieldReader): TieredPolicy | undefined;
}
