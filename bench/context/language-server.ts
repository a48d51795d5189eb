// A stand-in for the language servers the extension asks in VS Code: it finds declarations by name
// (as ctags does) in the project's current texts, and reads each the way the definition gatherer
// does (declarationAt). A real server resolves members and types more precisely; this one is
// deliberately plain and the same for every run.
import type { FoundDefinition } from '../../src/core/context/definition-store';
import { declarationAt } from '../../src/core/context/excerpt';

const DECLARATIONS: Record<string, RegExp[]> = {
  typescript: [
    /^\s*(?:export\s+)?(?:default\s+)?(?:abstract\s+)?(?:class|interface|type|enum|function|const|let|var)\s+([A-Za-z_$][\w$]*)/,
    /^\s+(?:(?:public|private|protected|readonly|static|async)\s+)*([A-Za-z_$][\w$]*)\s*[(<]/,
    /^\s+(?:(?:public|private|protected|readonly|static)\s+)*([A-Za-z_$][\w$]*)\??\s*:/,
  ],
  python: [/^\s*(?:def|class)\s+([A-Za-z_]\w*)/, /^([A-Za-z_]\w*)\s*=/, /^\s+([A-Za-z_]\w*)\s*:\s*[\w[]/],
  go: [/^func\s+(?:\([^)]*\)\s*)?([A-Za-z_]\w*)/, /^type\s+([A-Za-z_]\w*)/, /^\s+([A-Z]\w*)\s*=/, /^\s+([A-Za-z_]\w*)\s+[\w[\]*.]+\s*$/],
};

export interface ProjectFile {
  documentKey: string;
  path: string;
  languageId: string;
  text: string;
}

/** Looks names up in the files as they are when asked. */
export class NameLookup {
  constructor(private readonly files: () => readonly ProjectFile[]) {}

  definitionsOf(name: string, limit = 2): FoundDefinition[] {
    const found: FoundDefinition[] = [];
    for (const file of this.files()) {
      const patterns = DECLARATIONS[file.languageId] ?? [];
      const lines = file.text.split('\n');
      const source = { lineCount: lines.length, lineAt: (line: number) => lines[line]! };
      lines.forEach((line, index) => {
        if (found.length >= limit || !patterns.some((pattern) => pattern.exec(line)?.[1] === name)) return;
        const excerpt = declarationAt(source, index, 40, 2500);
        if (excerpt) found.push({ documentKey: file.documentKey, path: file.path, languageId: file.languageId, excerpt, source: 'definition' });
      });
    }
    return found;
  }
}
