/**
 * /checklist/'s GRC export buttons. The open assessment is the one the checklist application saved
 * in this browser (indexer/assessment's stored state): this script reads it when a button is pressed
 * and builds the file with indexer/export — the functions behind `kojo export --assessment` — so the
 * page and the CLI write the same documents. Nothing is uploaded; the file is a data: URL.
 */
import { t } from '../../indexer/wording/checklist-export.ts';
import { ChecklistData, readStoredState, STORAGE_KEY } from '../../indexer/assessment/index.ts';
import { exportAssessment, type ExportFormat } from '../../indexer/export/index.ts';

const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
const status = document.querySelector<HTMLElement>('#ck-export-status')!;
const link = document.querySelector<HTMLAnchorElement>('#ck-export-download')!;
const buttons: [string, ExportFormat][] = [
  ['#ck-export-ciso', 'ciso-assistant'],
  ['#ck-export-oscal', 'oscal'],
];

function offer(data: ChecklistData, format: ExportFormat): void {
  const read = readStoredState(localStorage.getItem(STORAGE_KEY));
  if (!read.ok) {
    status.textContent = read.message;
    return;
  }
  const { state } = read;
  const a = state.assessments.find((x) => x.id === state.current) ?? state.assessments[0];
  if (!a) {
    status.textContent = t('checklist.export.none');
    return;
  }
  const file = exportAssessment(format, data, a, { exportedAt: new Date().toISOString() });
  const stem = `kojo-${a.name}${a.date ? `-${a.date}` : ''}`.replace(/[\\/:*?"<>|\s]+/g, '_');
  link.href = `data:${file.mediaType};charset=utf-8,${encodeURIComponent(file.content)}`;
  link.download = `${stem}-${file.name}`;
  link.click();
  status.textContent = t('checklist.export.done', { name: a.name, format: file.title.split('：')[0]! });
}

async function start(): Promise<void> {
  const response = await fetch(`${base}checklist/checklist.json`);
  const data = ChecklistData.parse(await response.json());
  for (const [selector, format] of buttons) {
    const button = document.querySelector<HTMLButtonElement>(selector)!;
    button.addEventListener('click', () => offer(data, format));
    button.disabled = false;
  }
}

if (document.querySelector('#ck-export-ciso')) {
  start().catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    status.textContent = t('checklist.export.failed', { reason });
  });
}
