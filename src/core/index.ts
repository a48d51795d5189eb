// Editor-independent completion logic on plain strings; nothing here imports `vscode` or the client.
export * from './budget';
export * from './cache';
export * from './context';
export * from './debounce';
export * from './fim';
export * from './inert-text';
export * from './logprobs';
export * from './postprocess';
export * from './stream-stop';
