import { FIM_TEMPLATE_CHOICES, type FimTemplate, type FimTemplateChoice } from '../core/fim';
import type { UnlikelyScope } from '../core/unlikely-tokens';
import { DEFAULT_EXCLUDES } from '../core/sensitive-paths';
import { english, type Translate } from '../core/translate';
import { checkExtraFields } from './extra-fields';

export type FimMode = 'auto' | 'suffix' | 'template';
export type MultilineMode = 'auto' | 'always' | 'never';
/** `automatic`: suggestions as you type; `manual`: only when asked (the trigger key, Alt+\). */
export type InlineTrigger = 'automatic' | 'manual';

/** Everything the completion engine and the editor need from the user's settings, already validated. */
export interface Settings {
  serverUrl: string;
  model: string;
  maxTokens: number;
  temperature: number;
  topP: number;
  n: number;
  stop: string[];
  user: string;
  logprobs: number;
  requestTimeoutMs: number;
  headers: Record<string, string>;
  allowInsecureKey: boolean;
  /** A PEM file of extra certificate authorities (a path on the machine the extension runs on), empty for none. */
  caCertificatesFile: string;
  fim: FimMode;
  fimTemplate: FimTemplateChoice;
  /** The user's own template, for `fimTemplate: "custom"`. */
  fimCustomTemplate: FimTemplate | undefined;
  /** Extra fields merged into every request body (validated: no owned field, no credential). */
  extraRequestFields: Record<string, unknown>;
  inlineEnabled: boolean;
  inlineTrigger: InlineTrigger;
  debounceMs: number;
  disabledLanguages: string[];
  multiline: MultilineMode;
  maxPrefixChars: number;
  maxSuffixChars: number;
  /** Most characters of context from other files (and the current file's name) before the prefix; 0 is off. */
  maxContextChars: number;
  minConfidence: number;
  /** Inline suggestions end before their first token below this probability (0: never). */
  trimBelowProbability: number;
  /** An inline stream ends after this many tokens in a row below `trimBelowProbability` (0: never). */
  stopAfterUnsureTokens: number;
  highlightLowConfidence: boolean;
  prefetch: 'auto' | 'on' | 'off';
  /** Ask for a suggestion where the cursor stops after a move (not typing), at a spot one writes at. */
  suggestWhereCursorStops: 'auto' | 'on' | 'off';
  /** Check Unlikely Code marks tokens below this probability. */
  unlikelyThreshold: number;
  unlikelySeverity: 'hint' | 'information';
  unlikelyScope: UnlikelyScope;
  /** Tokens per day after which automatic suggestions pause; 0 is no budget. */
  dailyTokenBudget: number;
  /** Globs of files never sent: the user's list (or the defaults) plus what the workspace adds. */
  exclude: string[];
}

/** A setting whose value was unusable, and the default used instead. */
export interface SettingProblem {
  key: string;
  message: string;
}

type Reader = (key: string) => unknown;

/**
 * Settings that decide where code and the key go, who the user is to the server, what goes with each
 * request and what the user spends. Only the user's own settings may set them (package.json gives them
 * the `application` scope); the reader below also ignores any other layer, for an editor that does not
 * enforce scopes. Keys are relative to `promptComplete.`.
 */
export const USER_ONLY_SETTINGS: readonly string[] = [
  'serverUrl', 'allowInsecureKey', 'headers', 'network.caCertificatesFile', 'user', 'extraRequestFields', 'usage.dailyTokenBudget',
];

/** A setting's values by layer, as VS Code's `inspect()` reports them. */
export interface SettingLayers {
  defaultValue?: unknown;
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
}

/**
 * Settings a workspace may add to but never take from: the user's own value (or the default) is the
 * base, and workspace and folder values are appended. Keys are relative to `promptComplete.`.
 */
export const ADDITIVE_SETTINGS: readonly string[] = ['exclude'];

/**
 * A reader over VS Code's layers: USER_ONLY_SETTINGS from the user's settings (or the default)
 * whatever a workspace or folder says, ADDITIVE_SETTINGS as the user's list plus the workspace's and
 * the folder's, and every other setting as the editor resolves it (`get`). A layer that is not a list
 * is passed on as it is, so validation reports it and falls back to the default.
 */
export function layeredReader(get: Reader, inspect: (key: string) => SettingLayers | undefined): Reader {
  return (key) => {
    const additive = ADDITIVE_SETTINGS.includes(key);
    if (!additive && !USER_ONLY_SETTINGS.includes(key)) return get(key);
    const layers = inspect(key);
    const base = layers?.globalValue !== undefined ? layers.globalValue : layers?.defaultValue;
    if (!additive || !Array.isArray(base)) return base;
    const added = [layers?.workspaceValue, layers?.workspaceFolderValue].filter((layer) => layer !== undefined);
    const invalid = added.find((layer) => !Array.isArray(layer));
    return invalid ?? [...base, ...added.flat()];
  };
}

/** Default values; they match the defaults declared in package.json. */
export const DEFAULT_SETTINGS: Settings = {
  serverUrl: 'http://127.0.0.1:8012/v1',
  model: '',
  maxTokens: 64,
  temperature: 0.2,
  topP: 1,
  n: 1,
  stop: [],
  user: '',
  logprobs: 2,
  requestTimeoutMs: 20000,
  headers: {},
  allowInsecureKey: false,
  caCertificatesFile: '',
  fim: 'auto',
  fimTemplate: 'auto',
  fimCustomTemplate: undefined,
  extraRequestFields: {},
  inlineEnabled: true,
  inlineTrigger: 'automatic',
  debounceMs: 250,
  disabledLanguages: ['scminput'],
  multiline: 'auto',
  maxPrefixChars: 6000,
  maxSuffixChars: 2000,
  maxContextChars: 4000,
  minConfidence: 0,
  trimBelowProbability: 0.7,
  stopAfterUnsureTokens: 3,
  highlightLowConfidence: true,
  prefetch: 'auto',
  suggestWhereCursorStops: 'auto',
  unlikelyThreshold: 0.00001,
  unlikelySeverity: 'information',
  unlikelyScope: 'slips',
  dailyTokenBudget: 0,
  exclude: [...DEFAULT_EXCLUDES],
};

/**
 * Reads every setting through `read` (keys relative to `promptComplete.`), validates it, and falls
 * back to the default for a bad value, describing each problem so the editor can say so once.
 */
export function readSettings(read: Reader, t: Translate = english): { settings: Settings; problems: SettingProblem[] } {
  const problems: SettingProblem[] = [];
  const d = DEFAULT_SETTINGS;
  const v = new Validator(read, problems, t);
  const settings: Settings = {
    serverUrl: v.url('serverUrl', d.serverUrl),
    model: v.string('model', d.model).trim(),
    maxTokens: v.integer('maxTokens', d.maxTokens, 1, 4096),
    temperature: v.number('temperature', d.temperature, 0, 2),
    topP: v.number('topP', d.topP, 0, 1),
    n: v.integer('n', d.n, 1, 8),
    stop: v.stringArray('stop', d.stop, 4),
    user: v.string('user', d.user),
    logprobs: v.integer('logprobs', d.logprobs, 0, 5),
    requestTimeoutMs: v.integer('requestTimeoutMs', d.requestTimeoutMs, 1000, 600000),
    headers: v.headers('headers', d.headers),
    allowInsecureKey: v.boolean('allowInsecureKey', d.allowInsecureKey),
    caCertificatesFile: v.string('network.caCertificatesFile', d.caCertificatesFile).trim(),
    fim: v.oneOf('fim', d.fim, ['auto', 'suffix', 'template'] as const),
    fimTemplate: v.oneOf('fimTemplate', d.fimTemplate, FIM_TEMPLATE_CHOICES),
    fimCustomTemplate: v.fimTemplate('fimCustomTemplate'),
    extraRequestFields: v.extraFields('extraRequestFields', d.extraRequestFields),
    inlineEnabled: v.boolean('inline.enabled', d.inlineEnabled),
    inlineTrigger: v.oneOf('inline.trigger', d.inlineTrigger, ['automatic', 'manual'] as const),
    debounceMs: v.integer('inline.debounceMs', d.debounceMs, 0, 2000),
    disabledLanguages: v.stringArray('inline.disabledLanguages', d.disabledLanguages, 1000),
    multiline: v.oneOf('inline.multiline', d.multiline, ['auto', 'always', 'never'] as const),
    maxPrefixChars: v.integer('context.maxPrefixChars', d.maxPrefixChars, 100, 200000),
    maxSuffixChars: v.integer('context.maxSuffixChars', d.maxSuffixChars, 0, 100000),
    maxContextChars: v.integer('context.maxContextChars', d.maxContextChars, 0, 200000),
    minConfidence: v.number('inline.minConfidence', d.minConfidence, 0, 1),
    trimBelowProbability: v.number('inline.trimBelowProbability', d.trimBelowProbability, 0, 1),
    stopAfterUnsureTokens: v.integer('inline.stopAfterUnsureTokens', d.stopAfterUnsureTokens, 0, 64),
    highlightLowConfidence: v.boolean('highlightLowConfidence', d.highlightLowConfidence),
    prefetch: v.oneOf('inline.prefetch', d.prefetch, ['auto', 'on', 'off'] as const),
    suggestWhereCursorStops: v.oneOf('inline.suggestWhereCursorStops', d.suggestWhereCursorStops, ['auto', 'on', 'off'] as const),
    unlikelyThreshold: v.number('checkUnlikely.threshold', d.unlikelyThreshold, 0, 1),
    unlikelySeverity: v.oneOf('checkUnlikely.severity', d.unlikelySeverity, ['hint', 'information'] as const),
    unlikelyScope: v.oneOf('checkUnlikely.scope', d.unlikelyScope, ['slips', 'newWords', 'all'] as const),
    dailyTokenBudget: v.integer('usage.dailyTokenBudget', d.dailyTokenBudget, 0, 1_000_000_000),
    exclude: [...new Set(v.stringArray('exclude', d.exclude, 1000).map((glob) => glob.trim()))],
  };
  if (settings.fimTemplate === 'custom' && !settings.fimCustomTemplate) {
    problems.push({ key: 'promptComplete.fimTemplate', message: t('is "custom" but promptComplete.fimCustomTemplate sets no usable template; using "{0}"', d.fimTemplate) });
    settings.fimTemplate = d.fimTemplate;
  }
  return { settings, problems };
}

// Header names a user must not override: the key has its own secure home, and the rest are framing.
const RESERVED_HEADERS = new Set(['authorization', 'content-type', 'content-length', 'host', 'transfer-encoding']);

class Validator {
  constructor(
    private readonly read: Reader,
    private readonly problems: SettingProblem[],
    private readonly t: Translate,
  ) {}

  private value(key: string): unknown {
    return this.read(key);
  }

  private reject<T>(key: string, why: string, fallback: T): T {
    this.problems.push({ key: `promptComplete.${key}`, message: this.t('{0}; using {1}', why, JSON.stringify(fallback)) });
    return fallback;
  }

  string(key: string, fallback: string): string {
    const value = this.value(key);
    if (value === undefined || value === null) return fallback;
    return typeof value === 'string' ? value : this.reject(key, this.t('must be text'), fallback);
  }

  boolean(key: string, fallback: boolean): boolean {
    const value = this.value(key);
    if (value === undefined || value === null) return fallback;
    return typeof value === 'boolean' ? value : this.reject(key, this.t('must be true or false'), fallback);
  }

  number(key: string, fallback: number, min: number, max: number): number {
    const value = this.value(key);
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
      return this.reject(key, this.t('must be a number from {0} to {1}', min, max), fallback);
    }
    return value;
  }

  integer(key: string, fallback: number, min: number, max: number): number {
    const value = this.value(key);
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      return this.reject(key, this.t('must be a whole number from {0} to {1}', min, max), fallback);
    }
    return value;
  }

  oneOf<T extends string>(key: string, fallback: T, allowed: readonly T[]): T {
    const value = this.value(key);
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'string' || !allowed.includes(value as T)) {
      return this.reject(key, this.t('must be one of {0}', allowed.join(', ')), fallback);
    }
    return value as T;
  }

  stringArray(key: string, fallback: string[], maxItems: number): string[] {
    const value = this.value(key);
    if (value === undefined || value === null) return fallback;
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string') || value.length > maxItems) {
      return this.reject(key, this.t('must be a list of at most {0} strings', maxItems), fallback);
    }
    return value.filter((item) => item.length > 0);
  }

  url(key: string, fallback: string): string {
    const text = this.string(key, fallback).trim();
    let parsed: URL;
    try {
      parsed = new URL(text);
    } catch {
      return this.reject(key, this.t('"{0}" is not a URL', text), fallback);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      return this.reject(key, this.t('must start with http:// or https://'), fallback);
    }
    if (parsed.username || parsed.password) {
      return this.reject(key, this.t('must not contain a user name or password (use Set API Key)'), fallback);
    }
    return text.replace(/\/+$/, '');
  }

  /** A custom fill-in-the-middle template; an empty object (the default) is none. */
  fimTemplate(key: string): FimTemplate | undefined {
    const value = this.value(key);
    if (value === undefined || value === null) return undefined;
    const fail = (why: string) => {
      this.problems.push({ key: `promptComplete.${key}`, message: this.t('{0}; using no custom template', why) });
      return undefined;
    };
    if (typeof value !== 'object' || Array.isArray(value)) return fail(this.t('must be an object with "prefix", "suffix" and "middle" markers'));
    const fields = value as Record<string, unknown>;
    if (Object.keys(fields).length === 0) return undefined;
    const unknown = Object.keys(fields).find((name) => !['prefix', 'suffix', 'middle', 'order', 'stop'].includes(name));
    if (unknown !== undefined) return fail(this.t('has an unknown field "{0}" (expected prefix, suffix, middle, order, stop)', unknown.slice(0, 40)));
    const { prefix, suffix, middle = '', order = 'prefix-first', stop = [] } = fields;
    if (typeof prefix !== 'string' || !prefix || typeof suffix !== 'string' || !suffix) return fail(this.t('needs non-empty "prefix" and "suffix" markers'));
    if (typeof middle !== 'string') return fail(this.t('"middle" must be text'));
    if (order !== 'prefix-first' && order !== 'suffix-first') return fail(this.t('"order" must be "prefix-first" or "suffix-first"'));
    if (!Array.isArray(stop) || stop.length > 4 || !stop.every((item) => typeof item === 'string' && item.length > 0)) {
      return fail(this.t('"stop" must be a list of at most 4 non-empty strings'));
    }
    return { prefix, suffix, middle, order, stop: [...stop] as string[] };
  }

  extraFields(key: string, fallback: Record<string, unknown>): Record<string, unknown> {
    const value = this.value(key);
    if (value === undefined || value === null) return fallback;
    const checked = checkExtraFields(value, this.t);
    return 'fields' in checked ? checked.fields : this.reject(key, checked.problem, fallback);
  }

  headers(key: string, fallback: Record<string, string>): Record<string, string> {
    const value = this.value(key);
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'object' || Array.isArray(value)) return this.reject(key, this.t('must be an object of header names to values'), fallback);
    const headers: Record<string, string> = {};
    for (const [name, headerValue] of Object.entries(value as Record<string, unknown>)) {
      if (typeof headerValue !== 'string' || !/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name) || /[\r\n]/.test(headerValue)) {
        return this.reject(key, this.t('header "{0}" is not a valid header name and text value', name), fallback);
      }
      if (RESERVED_HEADERS.has(name.toLowerCase())) {
        return this.reject(key, name.toLowerCase() === 'authorization' ? this.t('header "{0}" cannot be set here (use Set API Key)', name) : this.t('header "{0}" cannot be set here', name), fallback);
      }
      headers[name] = headerValue;
    }
    return headers;
  }
}

/**
 * A key that changes exactly when a setting that shapes the server's answers changes, so cached
 * completions survive edits of unrelated settings (the debounce, the status bar, …).
 */
export function answerFingerprint(settings: Settings): string {
  const { serverUrl, model, maxTokens, temperature, topP, n, stop, user, logprobs, headers, fim, fimTemplate, fimCustomTemplate, extraRequestFields, multiline, maxPrefixChars, maxSuffixChars, maxContextChars, minConfidence } = settings;
  return JSON.stringify([serverUrl, model, maxTokens, temperature, topP, n, stop, user, logprobs, headers, fim, fimTemplate, fimCustomTemplate, extraRequestFields, multiline, maxPrefixChars, maxSuffixChars, maxContextChars, minConfidence]);
}
