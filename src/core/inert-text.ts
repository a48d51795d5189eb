/**
 * Makes untrusted text (a server's message, a workspace setting's value, document text) safe to show in
 * a VS Code notification. Notifications render exactly one kind of markup, links written
 * `[label](https://…)`, `[label](command:…)` or `[label](file:…)`, and a command link runs that command
 * when clicked. Putting a space between `]` and `(` leaves the text readable but no longer a link.
 * Line breaks and other control characters become spaces, and the text is cut to `maxLength`.
 */
export function inertText(text: string, maxLength = 400): string {
  const oneLine = text.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ');
  const cut = oneLine.length > maxLength ? `${oneLine.slice(0, maxLength - 1)}…` : oneLine;
  return cut.replace(/\]\s*\(/g, '] (');
}
