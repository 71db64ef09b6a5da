export const usage = 'kojo build-index (not yet available)'; export async function run(): Promise<number> { throw new Error('not implemented'); }
