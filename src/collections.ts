/** Appends `value` to the list `map` holds under `key`, starting the list when there is none. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Whether two lists hold the same items in the same order (a missing list is empty). */
export function sameItems<T>(a: readonly T[] | undefined, b: readonly T[] | undefined): boolean {
  const [x, y] = [a ?? [], b ?? []];
  return x.length === y.length && x.every((item, i) => item === y[i]);
}

/** Whether two string records hold the same keys with the same values (a missing record is empty). */
export function sameEntries(
  a: Readonly<Record<string, string>> | undefined,
  b: Readonly<Record<string, string>> | undefined,
): boolean {
  if (a === b) return true;
  const [x, y] = [a ?? {}, b ?? {}];
  const keys = Object.keys(x);
  return (
    keys.length === Object.keys(y).length && keys.every((key) => Object.hasOwn(y, key) && x[key] === y[key])
  );
}

/**
 * Each item's position in a list, found once per list (kept while the list lives): putting a few items of a long
 * list back in its order costs those items, not the list.
 */
export function positionsIn<T>(list: readonly T[]): ReadonlyMap<T, number> {
  let positions = positionsByList.get(list) as ReadonlyMap<T, number> | undefined;
  if (!positions) {
    positions = new Map(list.map((item, index) => [item, index]));
    positionsByList.set(list, positions);
  }
  return positions;
}

const positionsByList = new WeakMap<readonly unknown[], ReadonlyMap<unknown, number>>();
