/**
 * Verbs of change in every form an article writes them ("rose", "rising", "shrinks", "contracting"),
 * from one list of base forms in data/change-verbs.json, with the way each says a figure went.
 */
import verbs from './data/change-verbs.json' with { type: 'json' };

const DOUBLED = new Set(verbs.doubledFinal);

/** Base, third person, past, participle and -ing form of "base" or "base:past:participle". */
function formsOf(entry: string): string[] {
  const [base = '', past, participle] = entry.split(':');
  const stem = DOUBLED.has(base) ? base + base.at(-1) : base;
  const third = /(s|sh|ch|x|z)$/.test(base) ? `${base}es` : `${base}s`;
  const regularPast = base.endsWith('e') ? `${base}d` : `${stem}ed`;
  const ing = base.endsWith('e') && !base.endsWith('ee') ? `${base.slice(0, -1)}ing` : `${stem}ing`;
  return [base, third, past ?? regularPast, participle ?? past ?? regularPast, ing];
}

const BASE_OF = new Map<string, string>();
function compile(entries: readonly string[]): ReadonlySet<string> {
  const out = new Set<string>();
  for (const entry of entries) {
    const forms = formsOf(entry);
    for (const form of forms) {
      out.add(form);
      if (!BASE_OF.has(form)) BASE_OF.set(form, forms[0]!);
    }
  }
  return out;
}

/** Every form of a verb that says a figure went up: "rose", "grows", "climbing". */
export const RISING_VERBS = compile(verbs.rising);
/** Every form of a verb that says a figure went down: "fell", "shrinks", "contracting". */
export const FALLING_VERBS = compile(verbs.falling);
/** Every form of a verb of change that does not say which way: "edged", "doubled", "slowing". */
export const NEUTRAL_VERBS = compile(verbs.neutral);

/** The base form of a verb of change ("narrowing" -> "narrow"), or undefined for any other word. */
export function changeVerbBase(w: string): string | undefined {
  return BASE_OF.get(w);
}
