/**
 * A tiny but real transformers.js model, written by the tests: a one-node ONNX graph (Gather: token id
 * → embedding row, as `last_hidden_state`) with a WordPiece tokenizer. It lets the e5 code path — local
 * loading, `query:`/`passage:` prefixes, mean pooling, normalisation — run for real without weights.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

export const tinyVocab = [
  '[PAD]',
  '[UNK]',
  '[CLS]',
  '[SEP]',
  '[MASK]',
  'query',
  'passage',
  ':',
  'factory',
  'security',
  'usb',
  'memory',
  'old',
  'os',
];
export const TINY_DIMENSION = 8;

/** Row i of the embedding table: distinct, deterministic, non-orthogonal. */
export function tinyEmbeddingRow(id: number): number[] {
  return Array.from(
    { length: TINY_DIMENSION },
    (_, j) => ((id * 7 + j * 3) % 11) - 5 + (j === id % TINY_DIMENSION ? 4 : 0),
  );
}

/** What the model should output for a text: the normalised mean of its tokens' rows, [CLS] and [SEP] included. */
export function expectedTinyEmbedding(text: string): number[] {
  const ids = [
    2,
    ...text
      .toLowerCase()
      .split(/\s+|(?=:)|(?<=:)/)
      .filter(Boolean)
      .map((t) => Math.max(1, tinyVocab.indexOf(t))),
    3,
  ];
  const mean = Array.from(
    { length: TINY_DIMENSION },
    (_, j) => ids.reduce((s, id) => s + tinyEmbeddingRow(id)[j]!, 0) / ids.length,
  );
  const norm = Math.hypot(...mean);
  return mean.map((x) => x / norm);
}

export function writeTinyModel(root: string, model = 'Xenova/multilingual-e5-small'): string {
  const dir = join(root, model);
  mkdirSync(join(dir, 'onnx'), { recursive: true });
  const int64Input = (name: string) => ({
    name,
    type: {
      tensorType: {
        elemType: onnx.TensorProto.DataType.INT64,
        shape: { dim: [{ dimParam: 'batch' }, { dimParam: 'sequence' }] },
      },
    },
  });
  const graph = {
    name: 'tiny-embedding',
    node: [
      {
        opType: 'Gather',
        input: ['embeddings', 'input_ids'],
        output: ['last_hidden_state'],
        attribute: [{ name: 'axis', i: 0, type: onnx.AttributeProto.AttributeType.INT }],
      },
    ],
    initializer: [
      {
        name: 'embeddings',
        dims: [tinyVocab.length, TINY_DIMENSION],
        dataType: onnx.TensorProto.DataType.FLOAT,
        floatData: tinyVocab.flatMap((_, id) => tinyEmbeddingRow(id)),
      },
    ],
    input: [int64Input('input_ids'), int64Input('attention_mask')],
    output: [
      {
        name: 'last_hidden_state',
        type: {
          tensorType: {
            elemType: onnx.TensorProto.DataType.FLOAT,
            shape: { dim: [{ dimParam: 'batch' }, { dimParam: 'sequence' }, { dimValue: TINY_DIMENSION }] },
          },
        },
      },
    ],
  };
  const bytes = onnx.ModelProto.encode({
    irVersion: 7,
    opsetImport: [{ domain: '', version: 13 }],
    producerName: 'kojo-tests',
    graph,
  }).finish();
  writeFileSync(join(dir, 'onnx', 'model_quantized.onnx'), bytes);

  const special = (content: string, id: number) => ({
    id,
    content,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  });
  writeFileSync(
    join(dir, 'tokenizer.json'),
    JSON.stringify({
      version: '1.0',
      truncation: null,
      padding: null,
      added_tokens: tinyVocab.slice(0, 5).map(special),
      normalizer: {
        type: 'BertNormalizer',
        clean_text: true,
        handle_chinese_chars: true,
        strip_accents: null,
        lowercase: true,
      },
      pre_tokenizer: { type: 'BertPreTokenizer' },
      post_processor: {
        type: 'TemplateProcessing',
        single: [
          { SpecialToken: { id: '[CLS]', type_id: 0 } },
          { Sequence: { id: 'A', type_id: 0 } },
          { SpecialToken: { id: '[SEP]', type_id: 0 } },
        ],
        pair: [
          { SpecialToken: { id: '[CLS]', type_id: 0 } },
          { Sequence: { id: 'A', type_id: 0 } },
          { SpecialToken: { id: '[SEP]', type_id: 0 } },
          { Sequence: { id: 'B', type_id: 1 } },
          { SpecialToken: { id: '[SEP]', type_id: 1 } },
        ],
        special_tokens: {
          '[CLS]': { id: '[CLS]', ids: [2], tokens: ['[CLS]'] },
          '[SEP]': { id: '[SEP]', ids: [3], tokens: ['[SEP]'] },
        },
      },
      decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
      model: {
        type: 'WordPiece',
        unk_token: '[UNK]',
        continuing_subword_prefix: '##',
        max_input_chars_per_word: 100,
        vocab: Object.fromEntries(tinyVocab.map((t, i) => [t, i])),
      },
    }),
  );
  writeFileSync(
    join(dir, 'tokenizer_config.json'),
    JSON.stringify({
      tokenizer_class: 'BertTokenizer',
      do_lower_case: true,
      pad_token: '[PAD]',
      unk_token: '[UNK]',
      cls_token: '[CLS]',
      sep_token: '[SEP]',
      mask_token: '[MASK]',
      model_max_length: 512,
    }),
  );
  writeFileSync(
    join(dir, 'config.json'),
    JSON.stringify({
      model_type: 'bert',
      architectures: ['BertModel'],
      hidden_size: TINY_DIMENSION,
      vocab_size: tinyVocab.length,
    }),
  );
  return dir;
}
