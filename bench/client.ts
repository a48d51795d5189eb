// Benchmark of the completion client (npm run bench:client).
// A keep-alive completion server runs in a child process (its own event loop, so the clients do not
// share one with it). Three clients call it: raw undici.request (the floor: no mapping, no
// validation), our Gpt client, and the official `openai` package (the peer). Figures: per-request
// latency p50/p99 (sequential), throughput (16 in flight), a 1000-chunk stream end to end, and the
// SSE parser alone at 1000 and 10000 events to show its cost is linear.
import { fork, type ChildProcess } from 'node:child_process';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import OpenAI from 'openai';
import { Agent } from 'undici';
import { Gpt } from '../src/client';
import { SseParser } from '../src/client/lib/sse';

// Many short interleaved rounds: the machine is shared, and drift then hits every contender alike.
const rounds = 40;
const sequentialPerRound = 100;
const warmupRequests = 300;
const concurrency = 16;
const throughputPerRound = 400;
const streamChunks = 1000;
const streamRepeats = 30;

const prompt = 'def fibonacci(n):\n    """Return the n-th Fibonacci number."""\n';
const completionRequest = { model: 'bench-model', prompt, max_tokens: 16, temperature: 0, logprobs: 3 };

/** The server's reply: a realistic inline completion with 16 tokens of logprobs (about 2 KB). */
function completionBody(): string {
  const tokens = Array.from({ length: 16 }, (_, i) => ` tok${i}`);
  return JSON.stringify({
    id: 'cmpl-bench',
    object: 'text_completion',
    created: 1700000000,
    model: 'bench-model',
    system_fingerprint: 'fp_bench',
    choices: [
      {
        text: tokens.join(''),
        index: 0,
        finish_reason: 'length',
        logprobs: {
          tokens,
          token_logprobs: tokens.map((_, i) => -0.01 * i),
          top_logprobs: tokens.map((token) => ({ [token]: -0.01, ' alt1': -2.5, ' alt2': -3.1 })),
          text_offset: tokens.map((_, i) => prompt.length + i * 5),
        },
      },
    ],
    usage: { prompt_tokens: 20, completion_tokens: 16, total_tokens: 36 },
  });
}

function streamBody(chunks: number): string {
  const events: string[] = [];
  for (let i = 0; i < chunks; i++) {
    const chunk = { id: 'cmpl-bench', object: 'text_completion', created: 1700000000, model: 'bench-model', choices: [{ text: ` t${i}`, index: 0, finish_reason: i === chunks - 1 ? 'length' : null, logprobs: null }] };
    events.push(`data: ${JSON.stringify(chunk)}\n\n`);
  }
  events.push('data: [DONE]\n\n');
  return events.join('');
}

/** Child-process mode: serve completions until the parent disconnects. */
function serve(): void {
  const body = completionBody();
  const stream = streamBody(streamChunks);
  const server = http.createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => {
      if (Buffer.concat(parts).toString().includes('"stream":true')) {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        // Written in ~1 KB pieces so the client sees many reads, with events split across them.
        for (let i = 0; i < stream.length; i += 1000) res.write(stream.slice(i, i + 1000));
        res.end();
      } else {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
        res.end(body);
      }
    });
  });
  server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as AddressInfo).port }));
  process.on('disconnect', () => process.exit(0));
}

type Call = () => Promise<unknown>;

interface Contender {
  name: string;
  complete: Call;
  stream: Call;
}

async function startServer(): Promise<{ child: ChildProcess; origin: string }> {
  const child = fork(__filename, ['--serve'], { stdio: 'inherit' });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`bench server exited (${code})`)));
  });
  return { child, origin: `http://127.0.0.1:${port}` };
}

function contenders(origin: string): { list: Contender[]; close(): Promise<void> } {
  const agent = new Agent();
  // The floor still serialises its request and builds headers per call: any real caller must.
  const headers = () => ({ 'content-type': 'application/json', authorization: 'Bearer sk-bench' });
  const undiciFloor: Contender = {
    name: 'undici.request (floor)',
    complete: async () => {
      const body = JSON.stringify(completionRequest);
      const response = await agent.request({ origin, path: '/v1/completions', method: 'POST', headers: headers(), body });
      return response.body.json();
    },
    stream: async () => {
      const body = JSON.stringify({ ...completionRequest, stream: true, max_tokens: streamChunks });
      const response = await agent.request({ origin, path: '/v1/completions', method: 'POST', headers: headers(), body });
      // The least a caller can do to get the chunks: split the whole text once at the end, no incremental parsing.
      const events = (await response.body.text()).split('\n\n');
      let text = '';
      for (const event of events) {
        if (event.startsWith('data: {')) text += (JSON.parse(event.slice(6)) as { choices: { text: string }[] }).choices[0]?.text ?? '';
      }
      return text;
    },
  };

  const gpt = new Gpt({ apiKeyAuth: 'sk-bench', serverURL: `${origin}/v1` });
  const gptRequest = { model: 'bench-model', prompt, maxTokens: 16, temperature: 0, logprobs: 3 };
  const ours: Contender = {
    name: 'Gpt.createCompletion',
    complete: () => gpt.completions.createCompletion(gptRequest),
    stream: async () => {
      let text = '';
      for await (const chunk of gpt.completions.createCompletionStream({ ...gptRequest, maxTokens: streamChunks })) text += chunk.choices[0]?.text ?? '';
      return text;
    },
  };

  const openai = new OpenAI({ apiKey: 'sk-bench', baseURL: `${origin}/v1`, maxRetries: 0 });
  const peer: Contender = {
    name: 'openai completions.create',
    complete: () => openai.completions.create({ model: 'bench-model', prompt, max_tokens: 16, temperature: 0, logprobs: 3 }),
    stream: async () => {
      const stream = await openai.completions.create({ model: 'bench-model', prompt, max_tokens: streamChunks, stream: true });
      let text = '';
      for await (const chunk of stream) text += chunk.choices[0]?.text ?? '';
      return text;
    },
  };

  return {
    list: [undiciFloor, ours, peer],
    close: async () => {
      await gpt.close();
      await agent.close();
    },
  };
}

function percentile(sortedMs: number[], p: number): number {
  return sortedMs[Math.min(sortedMs.length - 1, Math.floor((p / 100) * sortedMs.length))];
}

async function timeEach(call: Call, count: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = process.hrtime.bigint();
    await call();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return samples;
}

/** Requests per second with `inFlight` concurrent callers, and this process's CPU time per request in µs. */
async function throughput(call: Call, total: number, inFlight: number): Promise<{ rps: number; cpuMicros: number }> {
  let started = 0;
  const worker = async (): Promise<void> => {
    while (started < total) {
      started++;
      await call();
    }
  };
  const cpuBefore = process.cpuUsage();
  const begin = process.hrtime.bigint();
  await Promise.all(Array.from({ length: inFlight }, worker));
  const seconds = Number(process.hrtime.bigint() - begin) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  return { rps: total / seconds, cpuMicros: (cpu.user + cpu.system) / total };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Parses `events` SSE events fed in 700-byte pieces (so events and lines straddle pieces); best of 15, ms. */
function parserTime(events: number): number {
  const bytes = new TextEncoder().encode(streamBody(events));
  const best: number[] = [];
  for (let repeat = 0; repeat < 15; repeat++) {
    const parser = new SseParser();
    let count = 0;
    const started = process.hrtime.bigint();
    for (let i = 0; i < bytes.length; i += 700) count += parser.push(bytes.subarray(i, i + 700)).length;
    count += parser.end().length;
    best.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (count !== events + 1) throw new Error(`parser saw ${count} events, expected ${events + 1}`);
  }
  return Math.min(...best);
}

/** Median over rounds of ours / theirs, each pair measured back to back (robust to drift on a shared machine). */
function pairedRatio(ours: number[], theirs: number[]): number {
  return median(ours.map((value, round) => value / theirs[round]));
}

const fmt = (value: number, digits = 3): string => value.toFixed(digits);

async function main(): Promise<void> {
  const started = Date.now();
  const { child, origin } = await startServer();
  const { list, close } = contenders(origin);
  const latency = new Map<string, number[]>(list.map((c) => [c.name, []]));
  const rate = new Map<string, number[]>(list.map((c) => [c.name, []]));
  const cpu = new Map<string, number[]>(list.map((c) => [c.name, []]));
  const streamMs = new Map<string, number[]>(list.map((c) => [c.name, []]));
  try {
    for (const contender of list) await timeEach(contender.complete, warmupRequests);
    for (let round = 0; round < rounds; round++) {
      for (const contender of list) latency.get(contender.name)!.push(...(await timeEach(contender.complete, sequentialPerRound)));
      for (const contender of list) {
        const { rps, cpuMicros } = await throughput(contender.complete, throughputPerRound, concurrency);
        rate.get(contender.name)!.push(rps);
        cpu.get(contender.name)!.push(cpuMicros);
      }
    }
    for (const contender of list) await contender.stream();
    for (let repeat = 0; repeat < streamRepeats; repeat++) {
      for (const contender of list) streamMs.get(contender.name)!.push(...(await timeEach(contender.stream, 1)));
    }
  } finally {
    await close();
    child.disconnect();
  }

  console.log(`node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), server in a child process`);
  console.log(
    `latency: ${rounds * sequentialPerRound} sequential requests each; throughput: median of ${rounds} rounds of ` +
      `${throughputPerRound} requests, ${concurrency} in flight; stream: median of ${streamRepeats}\n`,
  );
  const rows = list.map((c) => {
    const sorted = [...latency.get(c.name)!].sort((a, b) => a - b);
    const cpuMicros = median(cpu.get(c.name)!);
    return { name: c.name, p50: percentile(sorted, 50), p99: percentile(sorted, 99), rps: median(rate.get(c.name)!), cpuMicros, stream: median(streamMs.get(c.name)!) };
  });
  console.log('client                      p50 ms   p99 ms    req/s  CPU µs/req  1000-chunk stream ms');
  for (const row of rows) {
    console.log(
      `${row.name.padEnd(26)} ${fmt(row.p50).padStart(7)} ${fmt(row.p99).padStart(8)} ${fmt(row.rps, 0).padStart(8)} ` +
        `${fmt(row.cpuMicros, 1).padStart(11)}  ${fmt(row.stream, 2).padStart(8)}`,
    );
  }
  const [floor, ours, peer] = rows;
  console.log('\nratios Gpt / other (latency, CPU, stream: lower is better; throughput: higher is better)');
  console.log('throughput, CPU and stream ratios are medians of back-to-back pairs');
  for (const other of [floor, peer]) {
    const paired = (series: Map<string, number[]>): string => fmt(pairedRatio(series.get(ours.name)!, series.get(other.name)!), 2);
    console.log(
      `  vs ${other.name.padEnd(26)} p50 ${fmt(ours.p50 / other.p50, 2)}x  p99 ${fmt(ours.p99 / other.p99, 2)}x  ` +
        `throughput ${paired(rate)}x  CPU/req ${paired(cpu)}x  stream ${paired(streamMs)}x`,
    );
  }
  parserTime(10000); // warm-up, so the first measurement does not pay for compilation
  const small = parserTime(1000);
  const large = parserTime(10000);
  console.log(`\nSSE parser alone: 1000 events ${fmt(small)} ms, 10000 events ${fmt(large)} ms (${fmt(large / small, 1)}x for 10x the events)`);
  console.log(`total run ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv.includes('--serve')) serve();
else
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
