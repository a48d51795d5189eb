/** Command ids, as declared in package.json's contributes.commands. */
export const CommandIds = {
  setApiKey: 'promptComplete.setApiKey',
  clearApiKey: 'promptComplete.clearApiKey',
  completeSelection: 'promptComplete.completeSelection',
  selectModel: 'promptComplete.selectModel',
  toggleInline: 'promptComplete.toggleInline',
  snooze: 'promptComplete.snooze',
  showMenu: 'promptComplete.showMenu',
  showLog: 'promptComplete.showLog',
  showTokenProbabilities: 'promptComplete.showTokenProbabilities',
  checkUnlikelyCode: 'promptComplete.checkUnlikelyCode',
  clearUnlikelyCodeMarks: 'promptComplete.clearUnlikelyCodeMarks',
  forkSuggestion: 'promptComplete.forkSuggestion',
  forgetServerQuirks: 'promptComplete.forgetServerQuirks',
  showLastRequest: 'promptComplete.showLastRequest',
  /**
   * Not in the manifest: delivers a message to the probabilities panel as its page would send it and
   * answers the panel's state (how the extension-host tests choose an alternative without a mouse).
   */
  deliverTokenProbabilitiesMessage: 'promptComplete.tokenProbabilities.deliverMessage',
} as const;
