/**
 * Copy-link buttons beside permalinks (site/components/Permalink.astro): shows them and copies the
 * permalink's absolute address. The Clipboard API exists only in secure contexts (https or localhost),
 * and plant intranets often serve plain http, so a selected text field and execCommand('copy') are the
 * fallback. The result is announced in the page's status region (site/layouts/Base.astro).
 */
import { t } from '../../indexer/wording/permalink.ts';

const statusRegion = document.getElementById('page-status');

async function copy(text: string): Promise<boolean> {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Permission refused: try the old way.
    }
  }
  const field = document.createElement('textarea');
  field.value = text;
  field.setAttribute('readonly', '');
  field.className = 'visually-hidden';
  document.body.append(field);
  field.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    field.remove();
  }
}

function say(message: string) {
  if (!statusRegion) return;
  // A change of text is what a live region announces: clear first so a repeat is announced too.
  statusRegion.textContent = '';
  setTimeout(() => (statusRegion.textContent = message), 50);
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button.copy-link[data-copy-href]')) {
  button.hidden = false;
  button.addEventListener('click', async () => {
    const url = new URL(button.dataset.copyHref!, location.href).href;
    const ok = await copy(url);
    button.dataset.copied = ok ? 'yes' : 'no';
    say(ok ? t('permalink.copied', { url }) : t('permalink.notCopied', { url }));
    setTimeout(() => delete button.dataset.copied, 2000);
  });
}
