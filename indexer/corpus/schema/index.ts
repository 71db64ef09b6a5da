/**
 * The content model's one schema, composed from one small file per concept. The checker, the index
 * and the site all validate with these, so they can never disagree about what a clause is.
 */
export * from './common.ts';
export * from './document.ts';
export * from './guideline.ts';
export * from './clause.ts';
export * from './mapping.ts';
export * from './glossary.ts';
export * from './faq.ts';
export * from './official.ts';
export * from './checklist.ts';
export * from './source.ts';
export * from './note.ts';
export * from './reference.ts';
export * from './registry-entry.ts';
