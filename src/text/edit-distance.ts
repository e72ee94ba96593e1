/**
 * How many single-character edits turn `a` into `b`, a swap of two neighbouring characters counting as one
 * (optimal string alignment distance): for "did you mean" suggestions, where `tpyo` is one slip, not two.
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      const row = rows[i]!;
      if (i === 0) {
        row.push(j);
        continue;
      }
      const previous = rows[i - 1]!;
      let cost = Math.min(
        previous[j]! + 1,
        row[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        cost = Math.min(cost, rows[i - 2]![j - 2]! + 1);
      row.push(cost);
    }
  }
  return rows[a.length]![b.length]!;
}
