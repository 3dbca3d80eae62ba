// What the toolbar's seed field accepts, and why it refuses the rest: a run's
// seed is a whole number from 0 to 2,147,483,647 (what a trace's header holds).

export const MAX_SEED = 2_147_483_647;

/** The seed the text names, or the reason it names none (said next to the field). */
export function seedOfText(text: string): { readonly seed: number } | { readonly problem: string } {
  const t = text.trim();
  if (t === "") return { problem: "Enter a seed: a whole number from 0 to 2,147,483,647." };
  if (!/^[+-]?\d+(\.\d+)?$/.test(t)) return { problem: `"${t}" is not a number; a seed is a whole number from 0 to 2,147,483,647.` };
  const n = Number(t);
  if (!Number.isInteger(n)) return { problem: `A seed is a whole number; ${t} has a fraction.` };
  if (n < 0) return { problem: `A seed cannot be negative (${t}); use 0 to 2,147,483,647.` };
  if (n > MAX_SEED) return { problem: `${t} is too large for a seed; the largest is 2,147,483,647.` };
  return { seed: n };
}
