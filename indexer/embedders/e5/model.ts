/** Facts about the e5 model shared by Node and the browser (no Node imports here). */
export const E5_MODEL = 'Xenova/multilingual-e5-small';

/** e5 was trained with these prefixes; without them retrieval quality drops sharply. */
export const e5Prefix = { query: 'query: ', passage: 'passage: ' } as const;

/** Files transformers.js reads for a quantized feature-extraction model. */
export const modelFiles = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx'];

export function e5Id(model: string): string {
  return `e5:${model}`;
}

/** Where a site built with the model serves what transformers.js needs, relative to its root. */
export const e5SitePaths = { models: 'models/', wasm: 'ort/' } as const;
