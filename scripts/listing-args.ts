import { parseArgs } from 'node:util';

/** The options every listing command takes: which content, and JSON for programs. */
export function parseListingArgs(argv: string[]): { content: string; json: boolean } {
  const { values } = parseArgs({
    args: argv,
    options: { content: { type: 'string', default: 'content' }, json: { type: 'boolean', default: false } },
    strict: true,
  });
  return { content: values.content!, json: values.json! };
}
