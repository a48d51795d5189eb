'use strict';

/**
 * Runs async tasks with at most `concurrency` of them in flight at once.
 * Results come back in the order of the input, like Promise.all.
 */
async function mapWithConcurrency(items, concurrency, fn) {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError('concurrency must be a positive integer');
  }
  const results = new Array(items.length);
  let next = 0;

  async function worker() {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index], index);
    }
  }

  const workers = [];
  for (let i = 0; i < Math.min(concurrency, items.length); i++) {
    workers.push(worker());
  }
  await Promise.all(workers);
  return results;
}

/** A queue that starts each task when a slot is free and resolves with its result. */
class TaskQueue {
  constructor(concurrency = 1) {
    this.concurrency = concurrency;
    this.running = 0;
    this.waiting = [];
  }

  push(task) {
    return new Promise((resolve, reject) => {
      this.waiting.push({ task, resolve, reject });
      this.drain();
    });
  }

  get size() {
    return this.waiting.length;
  }

  drain() {
    while (this.running < this.concurrency && this.waiting.length > 0) {
      const { task, resolve, reject } = this.waiting.shift();
      this.running++;
      Promise.resolve()
        .then(task)
        .then(resolve, reject)
        .finally(() => {
          this.running--;
          this.drain();
        });
    }
  }
}

function timeout(promise, ms, message = 'timed out') {
  let timer;
  const expired = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

async function firstSuccessful(tasks) {
  const errors = [];
  for (const task of tasks) {
    try {
      return await task();
    } catch (error) {
      errors.push(error);
    }
  }
  throw new AggregateError(errors, 'every task failed');
}

module.exports = { mapWithConcurrency, TaskQueue, timeout, firstSuccessful };

if (require.main === module) {
  const delay = (ms, value) => new Promise((resolve) => setTimeout(() => resolve(value), ms));
  mapWithConcurrency([300, 100, 200], 2, (ms, i) => delay(ms, i)).then((results) => {
    console.log(results);
  });
}
