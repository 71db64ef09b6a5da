/// <reference types="astro/client" />

/** Build-time values scripts/tools/build-site.ts passes to the pages (Vite defines). */
interface ImportMetaEnv {
  /** Absolute path of the content folder to build; astro.config.mjs defaults it to the repo's content/. */
  readonly KOJO_CONTENT_DIR?: string;
  /** '1' when the site bundles the e5 model, so the search page may offer it. */
  readonly KOJO_E5?: string;
  /** Comma-separated guideline keys whose official text the builder opted in to publish. */
  readonly KOJO_INCLUDE_OFFICIAL?: string;
}
