/**
 * How an entry is read, for any table of entries: the whole dictionary (./index.ts) or one page's
 * part of it (./search-page.ts …), so a page's script carries only what it says.
 */

/** An entry: the text, or a function of the values it names. */
export type Entry = string | ((params: never) => string);
/** What an entry needs: its values, when it is a function of them; nothing when it is plain text. */
export type EntryParams<E> = E extends (params: infer P) => string ? [params: P] : [];
/** A reader of `table`: each key tied to its own values, so a misspelt key or a missing value is a type error. */
export type Words<W> = <K extends keyof W>(key: K, ...params: EntryParams<W[K]>) => string;

export function wordsOf<W extends Record<string, Entry>>(table: W): Words<W> {
  return (key, ...params) => {
    // The signature above ties each key to its own values; inside, any entry takes what it was given.
    const entry = table[key] as string | ((params: unknown) => string);
    return typeof entry === 'function' ? entry(params[0]) : entry;
  };
}
