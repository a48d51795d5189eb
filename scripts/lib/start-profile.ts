import * as fs from 'node:fs';
import * as path from 'node:path';

/** Settings the start profile begins with; the user's own changes are kept on top of them. */
const FIRST_RUN_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'readme',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'security.workspace.trust.enabled': false,
  'workbench.tips.enabled': false,
  // The sample folder sits inside this repository: no offer to open the repository itself.
  'git.openRepositoryInParentFolders': 'never',
  // The Token Probabilities view and the confidence in the status bar need probabilities.
  'promptComplete.logprobs': 3,
  // The built-in model is a bigram table: short completions read better than its long rambles.
  'promptComplete.maxTokens': 24,
  // A bigram table is unsure of nearly every token (most under 50%): trimming suggestions to the part
  // the model is sure of would show almost nothing. A real model keeps the default.
  'promptComplete.inline.trimBelowProbability': 0,
};

/** A VS Code profile kept between runs of the start command, under .tools/start-profile/<name>/. */
export interface StartProfile {
  readonly root: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  /** XDG_* variables pointing into the profile, so nothing is written to the home folder. */
  readonly env: Record<string, string>;
  readonly settingsFile: string;
}

/** Creates the profile's folders if needed (a second run reuses them). */
export function openStartProfile(repoRoot: string, name: string): StartProfile {
  const root = path.join(repoRoot, '.tools', 'start-profile', name);
  const userDataDir = path.join(root, 'user-data');
  const profile: StartProfile = {
    root,
    userDataDir,
    extensionsDir: path.join(root, 'extensions'),
    settingsFile: path.join(userDataDir, 'User', 'settings.json'),
    env: {
      XDG_CONFIG_HOME: path.join(root, 'xdg', 'config'),
      XDG_DATA_HOME: path.join(root, 'xdg', 'data'),
      XDG_CACHE_HOME: path.join(root, 'xdg', 'cache'),
      XDG_STATE_HOME: path.join(root, 'xdg', 'state'),
    },
  };
  for (const dir of [profile.extensionsDir, path.dirname(profile.settingsFile), ...Object.values(profile.env)]) {
    fs.mkdirSync(dir, { recursive: true });
  }
  return profile;
}

/**
 * Points `promptComplete.serverUrl` at this run's local server, keeping every other setting the
 * user changed in an earlier run. A settings file that is not plain JSON (VS Code allows comments)
 * is kept beside it as settings.json.bak and replaced.
 */
export function writeStartSettings(profile: StartProfile, serverUrl: string): void {
  let existing: Record<string, unknown> = {};
  if (fs.existsSync(profile.settingsFile)) {
    const text = fs.readFileSync(profile.settingsFile, 'utf8');
    try {
      existing = text.trim() ? JSON.parse(text) as Record<string, unknown> : {};
    } catch {
      fs.copyFileSync(profile.settingsFile, `${profile.settingsFile}.bak`);
      console.log(`  ${profile.settingsFile} was not plain JSON: kept as settings.json.bak`);
    }
  }
  const settings = { ...FIRST_RUN_SETTINGS, ...existing, 'promptComplete.serverUrl': serverUrl };
  fs.writeFileSync(profile.settingsFile, JSON.stringify(settings, null, 2) + '\n');
}

/**
 * The folder the editor opens: a copy of samples/workspace made on the first run and kept after it,
 * so edits (VS Code in the browser saves as you type) stay out of the repository and survive restarts.
 */
export function sampleWorkspaceCopy(repoRoot: string): string {
  const copy = path.join(repoRoot, '.tools', 'start-profile', 'workspace');
  if (!fs.existsSync(copy)) fs.cpSync(path.join(repoRoot, 'samples', 'workspace'), copy, { recursive: true });
  return copy;
}
