import * as vscode from 'vscode';
import type { FieldSupport } from '../../engine/field-support';
import type { InlineSession } from '../../engine/inline-session';
import type { Log } from '../log';

/**
 * Forgets what was learnt about servers (fields they refused, such as `suffix`, `logprobs` and
 * `stream_options`, or `logprobs` they never answered), so the next request tries every field again.
 */
export function forgetServerQuirks(deps: { fields: readonly FieldSupport[]; session: InlineSession; log: Log }): void {
  for (const field of deps.fields) field.forget();
  deps.session.forgetAnswers();
  deps.log.info('Forgot what was learnt about servers; the next request tries every field again');
  void vscode.window.showInformationMessage(vscode.l10n.t('Prompt Complete: forgot what was learnt about servers. The next request tries every field again.'));
}
