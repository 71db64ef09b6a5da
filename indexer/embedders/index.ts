/**
 * Embedders: the interface and the plug-in contract, and the built-in embedder, which needs no
 * weights and runs the same in Node and the browser. Portable (no Node imports). The Node registry
 * (and e5's Node half) is ./node.ts; what the browser can run is ./browser.ts.
 */
export {
  l2normalize,
  type Availability,
  type Embedder,
  type EmbedderPlugin,
  type EmbedderSetup,
  type TermLookup,
} from './embedder.ts';
export {
  BUILTIN_DIMENSION,
  BUILTIN_ID,
  BuiltinState,
  builtinEmbedder,
  builtinPlugin,
  embedBuiltin,
  fitBuiltinState,
  openBuiltin,
  termKeys,
} from './builtin.ts';
export { E5_MODEL, e5Id, e5Prefix, e5SitePaths, modelFiles } from './e5/model.ts';
