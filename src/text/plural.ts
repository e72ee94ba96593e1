/**
 * Counts as people say them, one helper for every stage (issue 19: "1 unreadable record skipped", not "1 unreadable
 * records"): no message pluralises by hand.
 */

/** `singular` or `pluralForm` as `count` asks: the noun alone, for a message that writes the number itself. */
export function noun(count: number, singular: string, pluralForm = `${singular}s`): string {
  return count === 1 ? singular : pluralForm;
}

/** `1,234 findings` / `1 finding`: fixed locale so reports do not depend on the machine. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${noun(count, singular, pluralForm)}`;
}
