// A minimal GGUF v3 writer: header, key/value metadata, tensor infos, then 32-byte aligned
// little-endian f32 tensor data. Enough for llama.cpp to load a model we make ourselves.

/** A metadata value with its GGUF type. */
export type GgufValue =
  | { readonly type: 'uint32'; readonly value: number }
  | { readonly type: 'float32'; readonly value: number }
  | { readonly type: 'bool'; readonly value: boolean }
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'int32[]'; readonly value: readonly number[] }
  | { readonly type: 'float32[]'; readonly value: readonly number[] }
  | { readonly type: 'string[]'; readonly value: readonly string[] };

/** An f32 tensor; `dims` innermost first, as GGUF orders them (ne0 = row length). */
export interface GgufTensor {
  readonly name: string;
  readonly dims: readonly number[];
  readonly data: Float32Array;
}

export const GGUF_ALIGNMENT = 32;

const GGUF_TYPE = { uint32: 4, int32: 5, float32: 6, bool: 7, string: 8, array: 9 } as const;
const GGML_TYPE_F32 = 0;

/** Serialises metadata and tensors to the bytes of a GGUF v3 file. */
export function writeGguf(metadata: ReadonlyArray<readonly [string, GgufValue]>, tensors: readonly GgufTensor[]): Buffer {
  const out = new ByteWriter();
  out.bytes(Buffer.from('GGUF', 'ascii'));
  out.u32(3);
  out.u64(tensors.length);
  out.u64(metadata.length);
  for (const [key, value] of metadata) {
    out.string(key);
    writeValue(out, value);
  }
  let offset = 0;
  const offsets: number[] = [];
  for (const tensor of tensors) {
    const elements = tensor.dims.reduce((a, b) => a * b, 1);
    if (elements !== tensor.data.length) throw new Error(`tensor ${tensor.name}: dims ${tensor.dims} do not match ${tensor.data.length} values`);
    out.string(tensor.name);
    out.u32(tensor.dims.length);
    for (const dim of tensor.dims) out.u64(dim);
    out.u32(GGML_TYPE_F32);
    out.u64(offset);
    offsets.push(offset);
    offset = alignUp(offset + tensor.data.byteLength);
  }
  out.padTo(GGUF_ALIGNMENT);
  const dataStart = out.length;
  for (const [i, tensor] of tensors.entries()) {
    out.padTo(GGUF_ALIGNMENT);
    if (out.length - dataStart !== offsets[i]) throw new Error(`tensor ${tensor.name} misaligned`);
    // Float32Array bytes are in host order; GGUF wants little-endian, as on every host llama.cpp ships for here.
    out.bytes(Buffer.from(tensor.data.buffer, tensor.data.byteOffset, tensor.data.byteLength));
  }
  return out.toBuffer();
}

function writeValue(out: ByteWriter, value: GgufValue): void {
  switch (value.type) {
    case 'uint32': out.u32(GGUF_TYPE.uint32); out.u32(value.value); break;
    case 'float32': out.u32(GGUF_TYPE.float32); out.f32(value.value); break;
    case 'bool': out.u32(GGUF_TYPE.bool); out.u8(value.value ? 1 : 0); break;
    case 'string': out.u32(GGUF_TYPE.string); out.string(value.value); break;
    case 'int32[]':
      out.u32(GGUF_TYPE.array); out.u32(GGUF_TYPE.int32); out.u64(value.value.length);
      for (const v of value.value) out.i32(v);
      break;
    case 'float32[]':
      out.u32(GGUF_TYPE.array); out.u32(GGUF_TYPE.float32); out.u64(value.value.length);
      for (const v of value.value) out.f32(v);
      break;
    case 'string[]':
      out.u32(GGUF_TYPE.array); out.u32(GGUF_TYPE.string); out.u64(value.value.length);
      for (const v of value.value) out.string(v);
      break;
  }
}

const alignUp = (n: number): number => Math.ceil(n / GGUF_ALIGNMENT) * GGUF_ALIGNMENT;

/** Appends little-endian values to a growing list of chunks. */
class ByteWriter {
  private readonly chunks: Buffer[] = [];
  length = 0;

  bytes(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }
  u8(v: number): void { const b = Buffer.alloc(1); b.writeUInt8(v); this.bytes(b); }
  u32(v: number): void { const b = Buffer.alloc(4); b.writeUInt32LE(v); this.bytes(b); }
  i32(v: number): void { const b = Buffer.alloc(4); b.writeInt32LE(v); this.bytes(b); }
  f32(v: number): void { const b = Buffer.alloc(4); b.writeFloatLE(v); this.bytes(b); }
  u64(v: number): void { const b = Buffer.alloc(8); b.writeBigUInt64LE(BigInt(v)); this.bytes(b); }
  string(s: string): void { const b = Buffer.from(s, 'utf8'); this.u64(b.length); this.bytes(b); }
  padTo(alignment: number): void { const pad = (alignment - (this.length % alignment)) % alignment; if (pad) this.bytes(Buffer.alloc(pad)); }
  toBuffer(): Buffer { return Buffer.concat(this.chunks, this.length); }
}
