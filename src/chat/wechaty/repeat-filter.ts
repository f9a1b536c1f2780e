/**
 * Lets the first occurrence of a message through and then one per `windowMs`, counting the rest:
 * a puppet that cannot reach its server reports the same error many times a second.
 */
export function repeatFilter(windowMs: number, now: () => number = Date.now) {
  const seen = new Map<string, { at: number; suppressed: number }>();
  return (key: string): { pass: boolean; suppressed: number } => {
    const entry = seen.get(key);
    const time = now();
    if (entry && time - entry.at < windowMs) {
      entry.suppressed += 1;
      return { pass: false, suppressed: entry.suppressed };
    }
    seen.set(key, { at: time, suppressed: 0 });
    return { pass: true, suppressed: entry?.suppressed ?? 0 };
  };
}
