/**
 * Vectors for the browser as int8 with one scale per vector: a quarter of float32's bytes, and the
 * ranking error is far below the gaps between clauses.
 */
export function quantize(vectors: Float32Array[], dimension: number): { bytes: Int8Array; scales: number[] } {
  const bytes = new Int8Array(vectors.length * dimension);
  const scales = vectors.map((v, row) => {
    const max = v.reduce((m, x) => Math.max(m, Math.abs(x)), 0) || 1;
    for (let i = 0; i < dimension; i++) bytes[row * dimension + i] = Math.round((v[i]! / max) * 127);
    return max / 127;
  });
  return { bytes, scales };
}
