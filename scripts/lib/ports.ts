import * as net from 'node:net';

/** Whether nothing listens on 127.0.0.1:port right now. */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** The preferred port when it is free, else 0 (the server then picks a free one). */
export async function preferredOrAny(preferred: number): Promise<number> {
  return await isPortFree(preferred) ? preferred : 0;
}
