/**
 * Compiles a glob to a regular expression over `/`-separated paths, case-insensitively:
 * `**` any number of whole path segments (none included), `*` any characters within one segment,
 * `?` one character within a segment, `{a,b}` either alternative, `[abc]`, `[a-z]` and `[!abc]` one
 * character of a set. A pattern without a `/` matches a file name at any depth, as in `.gitignore`
 * (`*.pem` is `**\/*.pem`). Anything else stands for itself.
 */
export function globToRegExp(glob: string): RegExp {
  const pattern = glob.includes('/') ? glob : `**/${glob}`;
  return new RegExp(`^${translate(pattern)}$`, 'i');
}

function translate(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (char === '*' && glob[i + 1] === '*') {
      const atSegmentStart = i === 0 || glob[i - 1] === '/';
      const atSegmentEnd = i + 2 === glob.length || glob[i + 2] === '/';
      if (atSegmentStart && atSegmentEnd) {
        if (i + 2 === glob.length) {
          out += '.*'; // a final "**" after "**/": everything below
        } else {
          out += '(?:.*/)?'; // "**/": any folders, or none
          i++;
        }
        i++;
        continue;
      }
      out += '[^/]*';
      i++;
      continue;
    }
    if (char === '/' && glob.slice(i) === '/**') {
      out += '(?:/.*)?'; // "dir/**": the folder and everything in it
      break;
    }
    if (char === '*') out += '[^/]*';
    else if (char === '?') out += '[^/]';
    else if (char === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end === -1) {
        out += '\\[';
        continue;
      }
      const body = glob.slice(i + 1, end);
      const negated = body.startsWith('!') || body.startsWith('^');
      const members = (negated ? body.slice(1) : body).replace(/[\\\]^]/g, '\\$&');
      out += negated ? `[^/${members}]` : `[${members}]`;
      i = end;
    } else if (char === '{') {
      const end = glob.indexOf('}', i + 1);
      if (end === -1) {
        out += '\\{';
        continue;
      }
      out += `(?:${glob.slice(i + 1, end).split(',').map(translate).join('|')})`;
      i = end;
    } else {
      out += char.replace(/[.+^${}()|\\]/g, '\\$&');
    }
  }
  return out;
}
