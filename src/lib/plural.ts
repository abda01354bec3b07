/** "1 work item", "3 work items"; `many` for irregular words ("1 field needs", "2 fields need"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

// One formatter for every count: toLocaleString builds a new one per call, which a list re-rendering hundreds of
// counts (rows' ages, the filters' options) pays for on every decision.
const COUNT = new Intl.NumberFormat('en');

/** "1,234". */
export function formatCount(n: number): string {
  return COUNT.format(n);
}
