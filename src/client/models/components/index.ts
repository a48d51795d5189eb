export * from './createcompletionrequest';
export * from './validaterequest';
export * from './createcompletionresponse';
export * from './completionchoice';
export * from './completionlogprobs';
export * from './completionusage';
export * from './model';
