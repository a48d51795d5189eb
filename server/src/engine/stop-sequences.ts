/** Where the earliest stop sequence starts in `text`, looking only at matches that end after `newTextFrom`. */
export function findStop(text: string, stops: readonly string[], newTextFrom: number): number | undefined {
  let earliest: number | undefined;
  for (const stop of stops) {
    const at = text.indexOf(stop, Math.max(0, newTextFrom - stop.length + 1));
    if (at >= 0 && (earliest === undefined || at < earliest)) earliest = at;
  }
  return earliest;
}

/** Length of the longest end of `text` that could still grow into a stop sequence (so must not be sent yet). */
export function undecidedTailLength(text: string, stops: readonly string[]): number {
  let longest = 0;
  for (const stop of stops) {
    for (let length = Math.min(stop.length - 1, text.length); length > longest; length--) {
      if (text.endsWith(stop.slice(0, length))) {
        longest = length;
        break;
      }
    }
  }
  return longest;
}
