import { writeGguf, type GgufTensor, type GgufValue } from './gguf-writer';
import type { TrainedModel } from './train-model';

/** Shape of the llama network the bigram table is written into. */
const HEAD_DIM = 32;
const FEED_FORWARD = 32;
const CONTEXT_LENGTH = 4096;
// Small enough that 1 + eps rounds to 1 in f32, so the final RMS norm scales by exactly 1/sqrt(d).
const RMS_EPSILON = 1e-10;

/**
 * Writes a trained bigram model as a one-block llama GGUF. The residual stream carries
 * sqrt(d) x one-hot(previous token) unchanged (every attention and feed-forward weight is 0),
 * the final RMS norm turns it into one-hot(previous token), and `output[next][prev]` holds
 * log P(next | prev); so the logits llama.cpp computes are exactly the table's log-probabilities.
 */
export function llamaModelFile(model: TrainedModel, name: string): Buffer {
  const vocabSize = model.tokenTexts.length;
  const width = vocabSize;
  const metadata: [string, GgufValue][] = [
    ['general.architecture', { type: 'string', value: 'llama' }],
    ['general.name', { type: 'string', value: name }],
    ['general.alignment', { type: 'uint32', value: 32 }],
    ['general.file_type', { type: 'uint32', value: 0 }],
    ['llama.vocab_size', { type: 'uint32', value: vocabSize }],
    ['llama.context_length', { type: 'uint32', value: CONTEXT_LENGTH }],
    ['llama.embedding_length', { type: 'uint32', value: width }],
    ['llama.block_count', { type: 'uint32', value: 1 }],
    ['llama.feed_forward_length', { type: 'uint32', value: FEED_FORWARD }],
    ['llama.attention.head_count', { type: 'uint32', value: 1 }],
    ['llama.attention.head_count_kv', { type: 'uint32', value: 1 }],
    ['llama.attention.key_length', { type: 'uint32', value: HEAD_DIM }],
    ['llama.attention.value_length', { type: 'uint32', value: HEAD_DIM }],
    ['llama.rope.dimension_count', { type: 'uint32', value: HEAD_DIM }],
    ['llama.attention.layer_norm_rms_epsilon', { type: 'float32', value: RMS_EPSILON }],
    ['tokenizer.ggml.model', { type: 'string', value: 'gpt2' }],
    ['tokenizer.ggml.pre', { type: 'string', value: 'gpt-2' }],
    ['tokenizer.ggml.tokens', { type: 'string[]', value: model.tokenTexts }],
    ['tokenizer.ggml.token_type', { type: 'int32[]', value: model.tokenTypes }],
    ['tokenizer.ggml.merges', { type: 'string[]', value: model.merges }],
    ['tokenizer.ggml.bos_token_id', { type: 'uint32', value: model.special.startOfText }],
    ['tokenizer.ggml.eos_token_id', { type: 'uint32', value: model.special.endOfText }],
    ['tokenizer.ggml.fim_pre_token_id', { type: 'uint32', value: model.special.fimPrefix }],
    ['tokenizer.ggml.fim_suf_token_id', { type: 'uint32', value: model.special.fimSuffix }],
    ['tokenizer.ggml.fim_mid_token_id', { type: 'uint32', value: model.special.fimMiddle }],
    ['tokenizer.ggml.add_bos_token', { type: 'bool', value: true }],
    ['tokenizer.ggml.add_eos_token', { type: 'bool', value: false }],
  ];

  const embedding = new Float32Array(vocabSize * width);
  for (let token = 0; token < vocabSize; token++) embedding[token * width + token] = Math.sqrt(width);
  const output = new Float32Array(vocabSize * width);
  for (let prev = 0; prev < vocabSize; prev++) {
    const row = model.bigrams.logProbabilityRow(prev);
    for (let next = 0; next < vocabSize; next++) output[next * width + prev] = row[next];
  }
  const zeros = (...dims: number[]) => new Float32Array(dims.reduce((a, b) => a * b, 1));
  const filled = (length: number, value: number) => new Float32Array(length).fill(value);
  const tensors: GgufTensor[] = [
    { name: 'token_embd.weight', dims: [width, vocabSize], data: embedding },
    { name: 'blk.0.attn_norm.weight', dims: [width], data: filled(width, 1) },
    { name: 'blk.0.attn_q.weight', dims: [width, HEAD_DIM], data: zeros(width, HEAD_DIM) },
    { name: 'blk.0.attn_k.weight', dims: [width, HEAD_DIM], data: zeros(width, HEAD_DIM) },
    { name: 'blk.0.attn_v.weight', dims: [width, HEAD_DIM], data: zeros(width, HEAD_DIM) },
    { name: 'blk.0.attn_output.weight', dims: [HEAD_DIM, width], data: zeros(HEAD_DIM, width) },
    { name: 'blk.0.ffn_norm.weight', dims: [width], data: filled(width, 1) },
    { name: 'blk.0.ffn_gate.weight', dims: [width, FEED_FORWARD], data: zeros(width, FEED_FORWARD) },
    { name: 'blk.0.ffn_down.weight', dims: [FEED_FORWARD, width], data: zeros(FEED_FORWARD, width) },
    { name: 'blk.0.ffn_up.weight', dims: [width, FEED_FORWARD], data: zeros(width, FEED_FORWARD) },
    { name: 'output_norm.weight', dims: [width], data: filled(width, 1 / Math.sqrt(width)) },
    { name: 'output.weight', dims: [width, vocabSize], data: output },
  ];
  return writeGguf(metadata, tensors);
}
