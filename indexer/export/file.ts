/** One file an export writes: its name, its media type, what it is (for the downloads page), its text. */
export interface ExportFile {
  name: string;
  mediaType: string;
  /** What the file holds, in a line of Japanese (the /downloads/ page lists it). */
  title: string;
  content: string;
}

/** When an export was made and by which kojo, passed in so that the functions stay pure. */
export interface ExportContext {
  /** ISO 8601 date-time with time zone (`2026-12-03T09:00:00.000Z`). */
  exportedAt: string;
}
