export type Listener<T> = (event: T) => void;

export interface Disposable {
  dispose(): void;
}

/**
 * A typed event emitter. Each event name has its own payload type,
 * and every subscription returns a disposable that removes the listener.
 */
export class EventEmitter<Events extends Record<string, unknown>> {
  private readonly listeners = new Map<keyof Events, Set<Listener<never>>>();

  on<K extends keyof Events>(name: K, listener: Listener<Events[K]>): Disposable {
    let set = this.listeners.get(name);
    if (!set) {
      set = new Set();
      this.listeners.set(name, set);
    }
    set.add(listener as Listener<never>);
    return {
      dispose: () => {
        set?.delete(listener as Listener<never>);
      },
    };
  }

  once<K extends keyof Events>(name: K, listener: Listener<Events[K]>): Disposable {
    const subscription = this.on(name, (event) => {
      subscription.dispose();
      listener(event);
    });
    return subscription;
  }

  emit<K extends keyof Events>(name: K, event: Events[K]): void {
    const set = this.listeners.get(name);
    if (!set) {
      return;
    }
    for (const listener of [...set]) {
      try {
        (listener as Listener<Events[K]>)(event);
      } catch (error) {
        console.error(`listener for ${String(name)} failed:`, error);
      }
    }
  }

  listenerCount<K extends keyof Events>(name: K): number {
    return this.listeners.get(name)?.size ?? 0;
  }

  clear(): void {
    this.listeners.clear();
  }
}

interface DownloadEvents extends Record<string, unknown> {
  progress: { received: number; total: number };
  done: { path: string };
  error: Error;
}

export function trackDownload(emitter: EventEmitter<DownloadEvents>): Disposable {
  const subscriptions = [
    emitter.on('progress', ({ received, total }) => {
      const percent = total > 0 ? Math.round((received / total) * 100) : 0;
      console.log(`downloaded ${percent}%`);
    }),
    emitter.on('done', ({ path }) => {
      console.log(`saved to ${path}`);
    }),
    emitter.on('error', (error) => {
      console.error(`download failed: ${error.message}`);
    }),
  ];
  return {
    dispose: () => {
      for (const subscription of subscriptions) {
        subscription.dispose();
      }
    },
  };
}
