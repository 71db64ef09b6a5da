/** The guidelines this knowledge base covers. Kept free of zod so browser code can import it cheaply. */
export const guidelineKeys = ['meti', 'gutp'] as const;
export type GuidelineKey = (typeof guidelineKeys)[number];
