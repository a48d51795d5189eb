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
} as const;
