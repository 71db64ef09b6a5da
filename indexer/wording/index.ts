/**
 * The one owner of what kojo-guide says to people, as Starlight keeps `translations/`: every fixed
 * string the CLI and its reports print is an entry of ./ja.ts, read through `t`. Portable (no Node
 * imports), so the site can read the same entries.
 */
import { ja, type Wording } from './ja.ts';

export type { Wording };
export type WordKey = keyof Wording;
/** What an entry needs: its values, when it is a function of them; nothing when it is plain text. */
export type WordParams<K extends WordKey> = Wording[K] extends (params: infer P) => string ? [params: P] : [];

/** The text of `key`: `t('cli.help.options')`, `t('model.ready', { model, root })`. */
export function t<K extends WordKey>(key: K, ...params: WordParams<K>): string {
  // The signature above ties each key to its own values; inside, any entry takes what it was given.
  const entry = ja[key] as string | ((params: unknown) => string);
  return typeof entry === 'function' ? entry(params[0]) : entry;
}
