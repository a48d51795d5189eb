import { InlineSession } from '../../src/engine/inline-session';
import { allowsMultiline } from '../../src/engine/multiline';
import type { Settings } from '../../src/engine/settings';
import type { OracleLatency } from '../typing/oracle-server';
import { GapSource, type Rhythm } from '../typing/rhythm';
import type { NoiseModel } from './noisy-oracle';
import { NoisyStreamer, type ServerCounts } from './noisy-streamer';
import { VirtualClock } from './virtual-clock';

/** A file to type: the editor holds `text[0, from)`, the typist types on to `to`. */
export interface SimFile {
  name: string;
  text: string;
  from: number;
  to: number;
}

export interface SimOptions {
  settings: Settings;
  files: readonly SimFile[];
  rhythm: Rhythm;
  latency: OracleLatency;
  noise: NoiseModel;
  /** Seeds the typing rhythm. */
  seed: number;
  /** Seeds the oracle's noise. */
  noiseSeed: number;
}

/** What typing the files produced. */
export interface SimFigures extends ServerCounts {
  /** Characters inserted by Tab. */
  keystrokesSaved: number;
  typedChars: number;
  accepts: number;
  /** Times ghost text appeared or changed. */
  displays: number;
  /** Of those, the ones with any character that differs from how the file goes on. */
  wrongDisplays: number;
  /** Over all displays: the characters from the first one that differs from the file to the end. */
  wrongCharsShown: number;
  /** Over all displays: the characters that were how the file goes on. */
  rightCharsShown: number;
}

/**
 * Types the files key by key against the real InlineSession (the product's whole inline policy: cache,
 * reuse, debounce, prefetch, trimming, ranking, doubt stop) on a virtual clock, with the noisy oracle
 * as its server. The ghost text follows VS Code's rules: a call's answer shows unless a newer call was
 * made; typing a character the visible suggestion begins with keeps the rest visible; any other
 * character hides it. The typist presses Tab once a suggestion has been visible for the reaction time
 * and is exactly how the file goes on; otherwise types the next character.
 */
export async function simulateTyping(options: SimOptions): Promise<SimFigures> {
  const clock = new VirtualClock();
  const settings = () => options.settings;
  const streamer = new NoisyStreamer(options.files.map((file) => file.text), clock, options.latency, settings, options.noise, options.noiseSeed);
  const session = new InlineSession({ engine: streamer, settings, clock });
  const figures: SimFigures = { ...streamer.counts, keystrokesSaved: 0, typedChars: 0, accepts: 0, displays: 0, wrongDisplays: 0, wrongCharsShown: 0, rightCharsShown: 0 };
  try {
    for (const [index, file] of options.files.entries()) await typeFile(file, session, clock, options, figures, index);
  } finally {
    session.dispose();
  }
  await clock.advanceTo(clock.now() + 60_000);
  return { ...figures, ...streamer.counts };
}

async function typeFile(file: SimFile, session: InlineSession, clock: VirtualClock, options: SimOptions, figures: SimFigures, index: number): Promise<void> {
  const gaps = new GapSource(options.rhythm, options.seed + index);
  let pos = file.from;
  let visible: { text: string; since: number } | undefined;
  let latestCall = 0;
  let controller: AbortController | undefined;

  const show = (text: string) => {
    if (visible?.text === text) return;
    visible = text ? { text, since: clock.now() } : undefined;
    if (!text) return;
    const rest = file.text.slice(pos);
    let same = 0;
    while (same < text.length && text[same] === rest[same]) same++;
    figures.displays++;
    figures.rightCharsShown += same;
    figures.wrongCharsShown += text.length - same;
    if (same < text.length) figures.wrongDisplays++;
  };

  // What VS Code does after each edit: cancel the previous call, make a new one, show its answer.
  const call = (explicit = false) => {
    controller?.abort();
    const own = new AbortController();
    controller = own;
    const id = ++latestCall;
    const prefix = file.text.slice(0, pos);
    const settings = options.settings;
    void session.provide({
      prefix, suffix: '', languageId: file.name.split('.').pop() ?? '', multiline: allowsMultiline(settings.multiline, ''), explicit, signal: own.signal,
    }).then((answer) => {
      if (id !== latestCall || !answer) return;
      show(answer.suggestions[0]?.text ?? '');
      // A block shown from its first lines: VS Code is asked again once the rest has arrived.
      if (answer.rest) void answer.rest.then(() => { if (id === latestCall) call(true); });
    });
  };

  call();
  let at = clock.now();
  while (pos < file.to) {
    await clock.advanceTo(at);
    const rest = file.text.slice(pos);
    let gap: number;
    if (visible && clock.now() - visible.since >= options.rhythm.reactionMs && rest.startsWith(visible.text)) {
      pos += visible.text.length;
      figures.keystrokesSaved += visible.text.length;
      figures.accepts++;
      visible = undefined;
      gap = gaps.afterAccept();
    } else {
      const char = file.text[pos]!;
      pos++;
      figures.typedChars++;
      visible = visible && visible.text.length > 1 && visible.text.startsWith(char) ? { text: visible.text.slice(1), since: visible.since } : undefined;
      gap = gaps.afterChar(char, file.text[pos - 2] ?? '');
    }
    call();
    at += gap;
  }
  await clock.advanceTo(at);
  controller?.abort();
}
