export const usage = 'kojo ask (not yet available)'; export async function run(): Promise<number> { throw new Error('not implemented'); }
