/**
 * Runs `body` and then puts every field of the given parameter tables back as it was (a test that moves
 * thresholds around the model's own margin must not leave them moved for the next test).
 */
export function withTuning(tables: readonly object[], body: () => void): void {
  const saved = tables.map((table) => ({ ...table }));
  try {
    body();
  } finally {
    tables.forEach((table, i) => Object.assign(table, saved[i]));
  }
}
