import * as vscode from 'vscode';

/**
 * The Token Probabilities page's texts in the user's language, keyed by their English (the page looks
 * each up and fills its `{0}` placeholders). Listed here, as literals, so the translation bundle has them.
 */
export function pageStrings(): Record<string, string> {
  const t = vscode.l10n.t;
  return {
    'Token probabilities': t('Token probabilities'),
    'No completion yet. Accept an inline suggestion or run Prompt Complete: Complete Selection; the latest completion shows here.':
      t('No completion yet. Accept an inline suggestion or run Prompt Complete: Complete Selection; the latest completion shows here.'),
    'This completion came without token probabilities.': t('This completion came without token probabilities.'),
    'Open the logprobs setting': t('Open the logprobs setting'),
    'Completion': t('Completion'),
    'Tokens of the completion. Arrow keys move, Enter shows the alternatives.': t('Tokens of the completion. Arrow keys move, Enter shows the alternatives.'),
    '{0} tokens': t('{0} tokens'),
    'confidence {0}': t('confidence {0}'),
    ' (mean token probability)': t(' (mean token probability)'),
    'Token {0} of {1}: ': t('Token {0} of {1}: '),
    'The server sent no alternatives for this token.': t('The server sent no alternatives for this token.'),
    'Alternatives for token {0}': t('Alternatives for token {0}'),
    'Choose an alternative to ask the model to continue from it.': t('Choose an alternative to ask the model to continue from it.'),
    ' (what the model wrote)': t(' (what the model wrote)'),
    ' (part of a character; cannot be sent)': t(' (part of a character; cannot be sent)'),
    'Asking the server to continue from the alternative…': t('Asking the server to continue from the alternative…'),
    'The server could not continue: {0}': t('The server could not continue: {0}'),
    'unknown error': t('unknown error'),
    'The model continued like this:': t('The model continued like this:'),
    'The model stopped right after the alternative.': t('The model stopped right after the alternative.'),
    'Branch from token {0}': t('Branch from token {0}'),
    'Inserted': t('Inserted'),
    'Insert': t('Insert'),
    'Cannot insert: the editor no longer holds the completion': t('Cannot insert: the editor no longer holds the completion'),
    '70% or more': t('70% or more'),
    '30% to 70%': t('30% to 70%'),
    'under 30%': t('under 30%'),
    'no probability': t('no probability'),
    'Legend': t('Legend'),
    'Set {0} to 1–5 (how many alternatives to show at each token) and complete again. Some servers send no probabilities at all.':
      t('Set {0} to 1–5 (how many alternatives to show at each token) and complete again. Some servers send no probabilities at all.'),
    '{0}; alternatives: {1}': t('{0}; alternatives: {1}'),
    'line break': t('line break'),
    '1 space': t('1 space'),
    '{0} spaces': t('{0} spaces'),
    'Complete Selection': t('Complete Selection'),
    'Inline suggestion': t('Inline suggestion'),
  };
}
