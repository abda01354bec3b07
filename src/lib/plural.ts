/** "1 work item", "3 work items"; `many` for irregular words ("1 field needs", "2 fields need"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
