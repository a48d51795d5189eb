/** What `npm start -- [flags]` asked for. */
export interface StartOptions {
  /** Port for code-server; undefined: 8013 when free, else any free port. */
  readonly port?: number;
  /** Open the desktop VS Code on the PATH (`code`) instead of code-server. */
  readonly desktop: boolean;
  readonly help: boolean;
}

export const USAGE = `Usage: npm start [-- [--port N] [--desktop] [--help]]

Builds the extension, the local server and its built-in model, starts the local server on
127.0.0.1 (port 8012 when free), and opens the sample workspace with the extension installed and
pointed at that server:

  (default)    in code-server, a VS Code in your browser: open the printed URL
  --port N     code-server's port (default 8013 when free, else any free port; 0: any free port)
  --desktop    in the desktop VS Code on your PATH (\`code\`) instead, with its own profile
  --help       this text

The profile (settings, installed extension) and the workspace (a copy of samples/workspace) live in
.tools/start-profile/ and are kept between runs; delete that folder to start afresh. Ctrl+C stops
everything npm start started.`;

/** Parses the command-line flags; throws an Error whose message says what is wrong. */
export function parseOptions(args: string[]): StartOptions {
  let port: number | undefined;
  let desktop = false;
  let help = false;
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split(/=(.*)/s);
    if (flag === '--help' || flag === '-h') help = true;
    else if (flag === '--desktop') desktop = true;
    else if (flag === '--port') port = parsePort(inline ?? args[++i]);
    else throw new Error(`unknown argument ${args[i]}`);
  }
  return { port, desktop, help };
}

function parsePort(value: string | undefined): number {
  const port = Number(value);
  if (value === undefined || !/^\d+$/.test(value) || port > 65535) throw new Error(`--port needs a number from 0 to 65535, not ${value ?? 'nothing'}`);
  return port;
}
