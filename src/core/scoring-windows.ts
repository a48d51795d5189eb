/** One request's worth of text to score: `[start, end)` is sent, tokens in `[judgedFrom, end)` are judged. */
export interface ScoringWindow {
  start: number;
  judgedFrom: number;
  end: number;
}

/** How big a scoring request may be. */
export interface WindowSizes {
  /** Most characters sent in one request (context plus judged text); keeps each request within the model's context. */
  windowChars: number;
  /** Characters before the judged text sent as context, so its first tokens are judged with what precedes them. */
  contextChars: number;
}

/**
 * Cuts `[from, to)` of `text` into windows for scoring existing text. Each window judges at most
 * `windowChars - contextChars` characters, ending at a line break where one falls in its second half
 * (a token never spans the cut), and sends up to `contextChars` of the text before them, starting at a
 * line start, as context. Together the judged parts cover `[from, to)` exactly once.
 */
export function planScoringWindows(text: string, from: number, to: number, sizes: WindowSizes): ScoringWindow[] {
  const contextChars = Math.max(0, Math.min(sizes.contextChars, Math.floor(sizes.windowChars / 2)));
  const judgedChars = Math.max(1, sizes.windowChars - contextChars);
  const windows: ScoringWindow[] = [];
  let judgedFrom = Math.max(0, from);
  const last = Math.min(text.length, to);
  while (judgedFrom < last) {
    let end = Math.min(last, judgedFrom + judgedChars);
    if (end < last) {
      const lineBreak = text.lastIndexOf('\n', end - 1);
      if (lineBreak >= judgedFrom + judgedChars / 2) end = lineBreak + 1;
    }
    windows.push({ start: contextStart(text, judgedFrom, contextChars), judgedFrom, end });
    judgedFrom = end;
  }
  return windows;
}

// The context starts at a line start when one falls within the allowance, so it reads as whole lines;
// a single line longer than the allowance is cut mid-line rather than dropped.
function contextStart(text: string, judgedFrom: number, contextChars: number): number {
  const earliest = Math.max(0, judgedFrom - contextChars);
  if (earliest === 0 || text[earliest - 1] === '\n') return earliest;
  const lineBreak = text.indexOf('\n', earliest);
  return lineBreak >= 0 && lineBreak < judgedFrom ? lineBreak + 1 : earliest;
}
