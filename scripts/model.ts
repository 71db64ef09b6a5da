export const usage = 'kojo model (not yet available)'; export async function run(): Promise<number> { throw new Error('not implemented'); }
