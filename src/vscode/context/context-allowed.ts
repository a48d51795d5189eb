import * as vscode from 'vscode';

/**
 * Until the user's own exclusion list (`promptComplete.exclude`) arrives, these names are never read
 * for context: environment files, private keys and certificates, SSH keys and token files.
 */
const INTERIM_SENSITIVE_NAME = /^(\.env(\..*)?|.*\.(pem|key|p12|pfx|keystore|jks)|id_(rsa|dsa|ecdsa|ed25519)(\.pub)?|\.npmrc|\.netrc|\.pypirc|\.git-credentials|credentials(\.json)?)$/i;

/** True for a file the user keeps out of requests; the integration point for `promptComplete.exclude`. */
export type ExclusionCheck = (uri: vscode.Uri) => boolean;

/** The interim check: a sensitive file name, anywhere in the path's last segment. */
export const interimExclusion: ExclusionCheck = (uri) => INTERIM_SENSITIVE_NAME.test(uri.path.slice(uri.path.lastIndexOf('/') + 1));

/**
 * The one gate every context source passes a file through before reading it: only in a trusted
 * workspace, only files inside its folders (or untitled files and notebook cells of such files), and
 * never a file the user excluded.
 */
export class ContextPolicy {
  constructor(private readonly isExcluded: ExclusionCheck = interimExclusion) {}

  isContextAllowed(uri: vscode.Uri): boolean {
    if (!vscode.workspace.isTrusted) return false;
    if (uri.scheme === 'untitled') return !this.isExcluded(uri);
    // A notebook cell's URI carries its notebook's path; the notebook decides.
    const file = uri.scheme === 'vscode-notebook-cell' ? uri.with({ scheme: 'file', fragment: '' }) : uri;
    if (!vscode.workspace.getWorkspaceFolder(file)) return false;
    return !this.isExcluded(file);
  }
}
