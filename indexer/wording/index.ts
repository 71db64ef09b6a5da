/**
 * The one owner of what kojo-guide says to people, as Starlight keeps `translations/`: every fixed
 * string the CLI, its reports and the site print is an entry of ./ja.ts (or of a page's part of it in
 * ./ja/), read through `t`. Portable (no Node imports), so the site can read the same entries. Code
 * bundled into a page (browser scripts, the search and export rooms) reads its own part instead,
 * through the door beside it (./search-page.ts for ./ja/search-page.ts, …), so it does not carry the
 * whole dictionary.
 */
import { ja, type Wording } from './ja.ts';
import { type EntryParams, wordsOf } from './words.ts';

export type { Wording };
export type WordKey = keyof Wording;
/** What an entry needs: its values, when it is a function of them; nothing when it is plain text. */
export type WordParams<K extends WordKey> = EntryParams<Wording[K]>;

/** The text of `key`: `t('cli.help.options')`, `t('model.ready', { model, root })`. */
export const t = wordsOf(ja);
