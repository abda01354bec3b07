import { FaultSpecError, MAX_RULES, checkRule, formatFaults, isFaultsPath, parseFaults } from './rules.ts';
import type { FaultRuleInput } from './schemas.ts';
import type { ActiveRule } from './rules.ts';

/** The live rule set: which rule (if any) faults a request, with counts and hits kept per rule. */
export class FaultInjector {
  private rules: ActiveRule[] = [];

  constructor(
    spec = '',
    private readonly random: () => number = Math.random,
  ) {
    this.replace(parseFaults(spec));
  }

  replace(rules: FaultRuleInput[]): void {
    if (rules.length > MAX_RULES) throw new FaultSpecError(`at most ${MAX_RULES} rules`);
    this.rules = rules.map(checkRule);
  }

  clear(): void {
    this.rules = [];
  }

  get active(): boolean {
    return this.rules.length > 0;
  }

  list() {
    return {
      spec: formatFaults(this.rules.map(({ matcher: _m, hits: _h, remaining: _r, ...r }) => r)),
      rules: this.rules.map(({ matcher: _m, ...r }) => r),
    };
  }

  /** The rule that faults this request, or undefined; counts the hit when it does. */
  pick(method: string, path: string): ActiveRule | undefined {
    if (isFaultsPath(path)) return undefined;
    const rule = this.rules.find(
      (r) =>
        (r.remaining === undefined || r.remaining > 0) &&
        (r.method === undefined || r.method === method || (r.method === 'GET' && method === 'HEAD')) &&
        r.matcher.test(path),
    );
    if (!rule) return undefined;
    if (rule.probability !== undefined && this.random() >= rule.probability) return undefined;
    if (rule.remaining !== undefined) rule.remaining -= 1;
    rule.hits += 1;
    return rule;
  }
}
