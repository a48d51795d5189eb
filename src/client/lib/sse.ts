/** One server-sent event: its `event:` name (default "message") and its `data:` lines joined by "\n". */
export interface ServerSentEvent {
  event: string;
  data: string;
}

/** A line, or one event's data, grew past the parser's limit: the stream is not one this client will buffer. */
export class EventTooLargeError extends Error {}

/**
 * Incremental parser for `text/event-stream` bytes. Chunks may split anywhere, including inside a
 * line or a UTF-8 character; lines may end in "\n", "\r\n" or "\r". Each byte is scanned once, and a
 * line spanning many chunks is joined once when it ends, so the cost stays linear in the stream size.
 * No line and no event's data may pass `maxEventChars` ({@link EventTooLargeError}), so a stream that
 * never ends a line cannot grow memory without bound.
 */
export class SseParser {
  private readonly decoder = new TextDecoder('utf-8');
  private readonly lineParts: string[] = [];
  private pendingLineChars = 0;
  private dataChars = 0;
  // A "\r" ended the previous chunk: a "\n" at the start of the next one belongs to the same line break.
  private skipLeadingLineFeed = false;
  private dataLines: string[] = [];
  private eventName = '';

  constructor(private readonly maxEventChars = Infinity) {}

  /** Feeds the next bytes; returns the events they completed. */
  push(bytes: Uint8Array): ServerSentEvent[] {
    return this.pushText(this.decoder.decode(bytes, { stream: true }));
  }

  /** Ends the stream: returns the last event even if the server omitted its closing blank line. */
  end(): ServerSentEvent[] {
    const events = this.pushText(this.decoder.decode());
    if (this.lineParts.length > 0) this.processLine(this.takeLine(''), events);
    this.dispatch(events);
    return events;
  }

  private pushText(text: string): ServerSentEvent[] {
    const events: ServerSentEvent[] = [];
    let start = 0;
    if (this.skipLeadingLineFeed && text.length > 0) {
      this.skipLeadingLineFeed = false;
      if (text.charCodeAt(0) === 0x0a) start = 1;
    }
    const lineBreaks = new LineBreakFinder(text);
    while (start < text.length) {
      const lineEnd = lineBreaks.next(start);
      if (lineEnd === -1) {
        this.pendingLineChars += text.length - start;
        if (this.pendingLineChars > this.maxEventChars) throw new EventTooLargeError(`a line is longer than ${this.maxEventChars} characters`);
        this.lineParts.push(text.slice(start));
        break;
      }
      this.processLine(this.takeLine(text.slice(start, lineEnd)), events);
      start = lineEnd + 1;
      if (text.charCodeAt(lineEnd) === 0x0d) {
        if (start === text.length) this.skipLeadingLineFeed = true;
        else if (text.charCodeAt(start) === 0x0a) start++;
      }
    }
    return events;
  }

  private takeLine(lastPart: string): string {
    if (this.lineParts.length === 0) return lastPart;
    this.lineParts.push(lastPart);
    const line = this.lineParts.join('');
    this.lineParts.length = 0;
    this.pendingLineChars = 0;
    return line;
  }

  private processLine(line: string, events: ServerSentEvent[]): void {
    if (line === '') {
      this.dispatch(events);
      return;
    }
    if (line.charCodeAt(0) === 0x3a) return; // ":" starts a comment (keep-alive pings)
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === 0x20) value = value.slice(1);
    if (field === 'data') {
      this.dataChars += value.length + 1;
      if (this.dataChars > this.maxEventChars) throw new EventTooLargeError(`an event's data is longer than ${this.maxEventChars} characters`);
      this.dataLines.push(value);
    }
    else if (field === 'event') this.eventName = value;
    // "id" and "retry" only matter to reconnecting EventSource clients; completions are not resumable.
  }

  private dispatch(events: ServerSentEvent[]): void {
    if (this.dataLines.length > 0) {
      events.push({ event: this.eventName || 'message', data: this.dataLines.join('\n') });
    }
    this.dataLines = [];
    this.dataChars = 0;
    this.eventName = '';
  }
}

/** Finds the next "\r" or "\n"; remembers where each one is so no character is searched twice. */
class LineBreakFinder {
  private nextLineFeed = -2;
  private nextCarriageReturn = -2;

  constructor(private readonly text: string) {}

  next(from: number): number {
    if (this.nextLineFeed !== -1 && this.nextLineFeed < from) this.nextLineFeed = this.text.indexOf('\n', from);
    if (this.nextCarriageReturn !== -1 && this.nextCarriageReturn < from) this.nextCarriageReturn = this.text.indexOf('\r', from);
    if (this.nextLineFeed === -1) return this.nextCarriageReturn;
    if (this.nextCarriageReturn === -1) return this.nextLineFeed;
    return Math.min(this.nextLineFeed, this.nextCarriageReturn);
  }
}
