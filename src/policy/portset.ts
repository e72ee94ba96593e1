import type { Protocol } from '../model/types.js';
import type { PortRange } from './types.js';

/**
 * Ports per protocol as sorted, disjoint, non-adjacent inclusive ranges. Immutable.
 * (Stub: the engine work fills in the operations.)
 */
export class ConnSet {
  constructor(readonly byProtocol: Readonly<Record<Protocol, readonly PortRange[]>>) {}
}
