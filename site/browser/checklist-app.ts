/**
 * /checklist/: answers saved in this browser, several named assessments, results, export and import.
 *
 * The page's markup is complete without this script (site/pages/checklist/ and its components): this
 * fills in values, shows and orders what is already there, and never builds markup of its own beyond
 * cloning the page's row template and listing the saved assessments as <option>s. Scores, gaps, the
 * comparison and both file formats come from indexer/assessment — the same functions as `kojo
 * checklist report` — and every text from a file or the user is written as text.
 */
import {
  assessmentCsv,
  assessmentFile,
  ChecklistData,
  compareAssessments,
  emptyState,
  gapList,
  NOT_APPLICABLE,
  parseAssessmentFile,
  readStoredState,
  scoreAssessment,
  STORAGE_KEY,
  type Answer,
  type AnswerLevel,
  type CategoryScore,
  type StoredAssessment,
  type StoredState,
  type Tally,
} from '../../indexer/assessment/index.ts';
import { t } from '../../indexer/wording/checklist-page.ts';

const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
const $ = <T extends Element = HTMLElement>(selector: string, root: ParentNode = document): T => {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`checklist page: no ${selector}`);
  return found;
};
const $$ = <T extends Element = HTMLElement>(selector: string, root: ParentNode = document): T[] => [
  ...root.querySelectorAll<T>(selector),
];

const page = $('#ck-page');
const form = $<HTMLFormElement>('#ck-form');
const ui = {
  current: $<HTMLSelectElement>('#ck-current'),
  name: $<HTMLInputElement>('#ck-name'),
  date: $<HTMLInputElement>('#ck-date'),
  target: $<HTMLSelectElement>('#ck-target'),
  compare: $<HTMLSelectElement>('#ck-compare'),
  status: $('#ck-status'),
  statusText: $('#ck-status-text'),
  undo: $<HTMLButtonElement>('#ck-undo'),
  download: $<HTMLAnchorElement>('#ck-download'),
  importFile: $<HTMLInputElement>('#ck-import'),
};

let data: ChecklistData;
let state: StoredState = emptyState();
/** False when the browser holds answers this page cannot read: they are left as they are. */
let canSave = true;
/** What "元に戻す" brings back after a clear or a delete. */
let undoState: StoredState | null = null;
/** Each item's position in the checklist: answers are kept (and exported) in that order. */
let order = new Map<string, number>();

// ---- state --------------------------------------------------------------------------------------

const newId = () => `a${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
const today = () => new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 10);

function current(): StoredAssessment {
  return state.assessments.find((a) => a.id === state.current) ?? state.assessments[0]!;
}

function addAssessment(a: Omit<StoredAssessment, 'id'>): StoredAssessment {
  const stored = { ...a, id: newId() };
  state.assessments.push(stored);
  state.current = stored.id;
  return stored;
}

function blank(): Omit<StoredAssessment, 'id'> {
  const names = new Set(state.assessments.map((a) => a.name));
  let n = state.assessments.length + 1;
  while (names.has(t('checklist.page.defaultName', { n }))) n++;
  return {
    name: t('checklist.page.defaultName', { n }),
    date: today(),
    target: state.assessments.length ? current().target : 3,
    answers: [],
  };
}

/** Saves the state in this browser; false (and said so) when it could not be kept. */
function save(): boolean {
  if (!canSave) return false;
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
    return true;
  } catch {
    say(t('checklist.page.notSaved'), 'error');
    return false;
  }
}

/** The browser's storage, or null where it refuses access (blocked site data, a sandboxed frame). */
function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function setAnswer(item: string, change: Partial<Pick<Answer, 'level' | 'note'>>): void {
  const a = current();
  const old = a.answers.find((x) => x.item === item) ?? { item, level: null, note: '' };
  const next = { ...old, ...change };
  a.answers = a.answers.filter((x) => x.item !== item);
  // An answer with neither a level nor a note is no answer: keep files free of empty rows.
  if (next.level !== null || next.note !== '') a.answers.push(next);
  a.answers.sort((x, y) => order.get(x.item)! - order.get(y.item)!);
}

// ---- messages -----------------------------------------------------------------------------------

function say(text: string, kind: 'ok' | 'error' = 'ok', undo = false): void {
  ui.statusText.textContent = text;
  ui.status.dataset.kind = kind;
  ui.undo.hidden = !undo;
  if (!undo) undoState = null;
}

function remember(): void {
  undoState = structuredClone(state);
}

// ---- showing the state ----------------------------------------------------------------------------

function fillAssessmentLists(): void {
  const label = (a: StoredAssessment) => (a.date ? `${a.name}（${a.date}）` : a.name);
  ui.current.replaceChildren(
    ...state.assessments.map((a) => new Option(label(a), a.id, false, a.id === state.current)),
  );
  const others = state.assessments.filter((a) => a.id !== state.current);
  if (!others.some((a) => a.id === state.compareWith)) state.compareWith = null;
  ui.compare.replaceChildren(
    new Option(t('checklist.page.noCompare'), ''),
    ...others.map((a) => new Option(label(a), a.id, false, a.id === state.compareWith)),
  );
}

function fillForm(): void {
  const a = current();
  ui.name.value = a.name;
  ui.date.value = a.date;
  ui.target.value = String(a.target);
  const answers = new Map(a.answers.map((x) => [x.item, x]));
  for (const field of $$<HTMLFieldSetElement>('fieldset[data-item]', form)) {
    const answer = answers.get(field.dataset.item!);
    const value = answer?.level === null || answer?.level === undefined ? '' : String(answer.level);
    // Unanswered checks nothing, so the keyboard enters the group at its first level.
    for (const radio of $$<HTMLInputElement>('input[type="radio"]', field)) {
      radio.checked = value !== '' && radio.value === value;
      // A level offered only for imported answers (no sourced meaning) shows while one uses it.
      const choice = radio.closest<HTMLElement>('[data-unsourced]');
      if (choice) choice.hidden = !radio.checked;
    }
    $<HTMLTextAreaElement>('textarea', field).value = answer?.note ?? '';
  }
}

const average = (t: Tally) => (t.average === null ? '—' : t.average.toFixed(2));

function fillResults(): void {
  const a = current();
  const score = scoreAssessment(data, a);
  for (const section of $$('section[data-category]', form)) {
    const s = score.categories.find((c) => c.id === section.dataset.category)!;
    const answered = s.items - s.unanswered;
    $<HTMLProgressElement>('progress', section).value = answered;
    $('[data-slot="answered"]', section).textContent = String(answered);
  }
  for (const row of $$('#ck-score tbody tr')) {
    const t =
      row.dataset.category === 'overall' ? score.overall : score.categories.find((c) => c.id === row.dataset.category)!;
    $('[data-slot="average"]', row).textContent = average(t);
    $('[data-slot="rated"]', row).textContent = `${t.rated} / ${t.items}`;
    for (const key of ['atTarget', 'notApplicable', 'unanswered'] as const)
      $(`[data-slot="${key}"]`, row).textContent = String(t[key]);
  }
  const o = score.overall;
  $('#ck-overall').textContent =
    o.items === o.unanswered
      ? t('checklist.page.noAnswers')
      : t('checklist.page.overall', { ...o, average: average(o), target: a.target });

  const compareTo = state.assessments.find((x) => x.id === state.compareWith);
  const compareScore = compareTo ? scoreAssessment(data, compareTo, a.target) : null;
  fillChart(score.categories, compareScore?.categories ?? null, a.target, score.top);
  fillGaps(a);
  fillCompare(compareTo);
  fillOverview();
}

function fillChart(scores: CategoryScore[], compare: CategoryScore[] | null, target: number, top: number): void {
  const chart = $<SVGSVGElement>('#ck-chart');
  const width = (g: Element) => Number($('.ck-chart__track', g).getAttribute('width'));
  for (const g of $$<SVGGElement>('.ck-chart__row', chart)) {
    const id = g.dataset.category;
    const series = { current: scores.find((c) => c.id === id)!, compare: compare?.find((c) => c.id === id) ?? null };
    for (const [name, t] of Object.entries(series)) {
      const bar = $(`rect[data-series="${name}"]`, g);
      const text = $(`text[data-series="${name}"]`, g);
      bar.setAttribute('width', String(t?.average ? (width(g) * t.average) / top : 0));
      text.textContent = t ? average(t) : '';
    }
  }
  const track = $('.ck-chart__track', chart);
  const x = Number(track.getAttribute('x')) + (width($('.ck-chart__row', chart)) * target) / top;
  for (const line of $$('.ck-chart__target', chart)) {
    line.setAttribute('x1', String(x));
    line.setAttribute('x2', String(x));
  }
  chart.classList.toggle('ck-chart--compare', Boolean(compare));
  $('#ck-legend-compare').hidden = !compare;
}

function fillGaps(a: StoredAssessment): void {
  const list = $('#ck-gaps');
  const gaps = gapList(data, a);
  const byItem = new Map($$('li[data-item]', list).map((li) => [li.dataset.item!, li]));
  for (const li of byItem.values()) li.hidden = true;
  for (const g of gaps) {
    const li = byItem.get(g.item.id)!;
    li.hidden = false;
    $('[data-slot="level"]', li).textContent = data.levels.find((l) => l.level === g.level)?.label ?? String(g.level);
    list.append(li);
  }
  $('#ck-gap-count').textContent = String(gaps.length);
  $('#ck-gaps-empty').hidden = gaps.length > 0;
}

function fillCompare(before: StoredAssessment | undefined): void {
  const wrap = $('#ck-compare-wrap');
  wrap.hidden = !before;
  if (!before) return;
  const c = compareAssessments(data, before, current());
  const show = (x: number | null) => (x === null ? '—' : x.toFixed(2));
  for (const row of $$('#ck-compare-table tbody tr')) {
    const ch =
      row.dataset.category === 'overall' ? c.overall : c.categories.find((x) => x.id === row.dataset.category)!;
    $('[data-slot="before"]', row).textContent = show(ch.before);
    $('[data-slot="after"]', row).textContent = show(ch.after);
    $('[data-slot="delta"]', row).textContent =
      ch.delta === null ? '—' : `${ch.delta > 0 ? '+' : ''}${ch.delta.toFixed(2)}`;
  }
  $('#ck-compare-changed').textContent = t('checklist.page.changed', { count: c.changed.length });
}

function fillOverview(): void {
  const template = $<HTMLTemplateElement>('#ck-overview-row');
  const rows = state.assessments.map((a) => {
    const row = template.content.firstElementChild!.cloneNode(true) as HTMLTableRowElement;
    const s = scoreAssessment(data, a);
    $('[data-slot="name"]', row).textContent = a.name;
    $('[data-slot="date"]', row).textContent = a.date;
    for (const c of s.categories) $(`[data-category="${c.id}"]`, row).textContent = average(c);
    $('[data-slot="overall"]', row).textContent = average(s.overall);
    $('[data-slot="rated"]', row).textContent = `${s.overall.items - s.overall.unanswered} / ${s.overall.items}`;
    if (a.id === state.current) row.setAttribute('aria-current', 'true');
    return row;
  });
  $('#ck-overview').replaceChildren(...rows);
}

function showAll(): void {
  fillAssessmentLists();
  fillForm();
  fillResults();
}

// ---- files --------------------------------------------------------------------------------------

function offer(text: string, type: string, ext: string): void {
  const a = current();
  const stem = `kojo-assessment-${a.name}${a.date ? `-${a.date}` : ''}`.replace(/[\\/:*?"<>|\s]+/g, '_');
  // A data: URL, not a blob: one — the file never leaves the page, and no request names another origin.
  ui.download.href = `data:${type};charset=utf-8,${encodeURIComponent(text)}`;
  ui.download.download = `${stem}.${ext}`;
  ui.download.click();
  say(t('checklist.page.exported', { name: a.name, format: ext.toUpperCase() }));
}

async function importFile(file: File): Promise<void> {
  const parsed = parseAssessmentFile(await file.text(), file.name, data);
  if (!parsed.ok) {
    say(t('checklist.page.importFailed', { error: parsed.error }), 'error');
    return;
  }
  addAssessment(parsed.value);
  const kept = save();
  showAll();
  const read = { name: parsed.value.name, answers: parsed.value.answers.length, warnings: parsed.warnings.join(' ') };
  // The page must not say an import is safe when it would be gone on reload (a note over the quota).
  if (kept) say(t('checklist.page.imported', read));
  else say(t('checklist.page.importedNotSaved', read), 'error');
}

// ---- events -------------------------------------------------------------------------------------

function bind(): void {
  form.addEventListener('change', (e) => {
    const input = e.target as HTMLInputElement;
    const item = input.closest<HTMLFieldSetElement>('fieldset[data-item]')?.dataset.item;
    if (!item || input.type !== 'radio') return;
    const level: AnswerLevel =
      input.value === '' ? null : input.value === NOT_APPLICABLE ? NOT_APPLICABLE : Number(input.value);
    setAnswer(item, { level });
    save();
    fillResults();
  });
  form.addEventListener('input', (e) => {
    const note = e.target as HTMLTextAreaElement;
    const item = note.closest<HTMLFieldSetElement>('fieldset[data-item]')?.dataset.item;
    if (!item || note.tagName !== 'TEXTAREA') return;
    setAnswer(item, { note: note.value });
    save();
  });
  form.addEventListener('submit', (e) => e.preventDefault());
  ui.current.addEventListener('change', () => {
    state.current = ui.current.value;
    save();
    showAll();
  });
  ui.name.addEventListener('input', () => {
    current().name = ui.name.value.trim() || t('checklist.page.unnamed');
    save();
    fillAssessmentLists();
    fillOverview();
  });
  ui.date.addEventListener('change', () => {
    current().date = /^\d{4}-\d{2}-\d{2}$/.test(ui.date.value) ? ui.date.value : '';
    save();
    fillAssessmentLists();
    fillOverview();
  });
  ui.target.addEventListener('change', () => {
    current().target = Number(ui.target.value);
    save();
    fillResults();
  });
  ui.compare.addEventListener('change', () => {
    state.compareWith = ui.compare.value || null;
    save();
    fillResults();
  });
  $('#ck-new').addEventListener('click', () => {
    const a = addAssessment(blank());
    save();
    showAll();
    say(t('checklist.page.created', { name: a.name }));
    ui.name.focus();
  });
  $('#ck-clear').addEventListener('click', () => {
    remember();
    current().answers = [];
    save();
    showAll();
    say(t('checklist.page.cleared', { name: current().name }), 'ok', true);
  });
  $('#ck-delete').addEventListener('click', () => {
    remember();
    const gone = current();
    state.assessments = state.assessments.filter((a) => a.id !== gone.id);
    state.current = state.assessments[0]?.id ?? null;
    if (!state.assessments.length) addAssessment(blank());
    save();
    showAll();
    say(t('checklist.page.deleted', { name: gone.name }), 'ok', true);
  });
  ui.undo.addEventListener('click', () => {
    if (!undoState) return;
    state = undoState;
    save();
    showAll();
    say(t('checklist.page.undone'));
  });
  $('#ck-export-json').addEventListener('click', () =>
    offer(`${JSON.stringify(assessmentFile(current()), null, 2)}\n`, 'application/json', 'json'),
  );
  $('#ck-export-csv').addEventListener('click', () => offer(assessmentCsv(data, current()), 'text/csv', 'csv'));
  ui.importFile.addEventListener('change', async () => {
    const file = ui.importFile.files?.[0];
    ui.importFile.value = '';
    if (file) await importFile(file);
  });
  $('#ck-print').addEventListener('click', () => window.print());
}

async function start(): Promise<void> {
  const response = await fetch(`${base}checklist/checklist.json`);
  data = ChecklistData.parse(await response.json());
  order = new Map(data.items.map((item, i) => [item.id, i]));
  // Without storage the checklist still works, for this visit only, and says so.
  const store = storage();
  let stored: string | null = null;
  try {
    stored = store?.getItem(STORAGE_KEY) ?? null;
  } catch {
    // getItem itself refused: the same as no storage.
  }
  const read = store ? readStoredState(stored) : ({ ok: false, message: t('checklist.page.noStorage') } as const);
  if (read.ok) {
    state = read.state;
    if (read.migrated) save();
  } else {
    canSave = false;
    say(store ? t('checklist.page.storedKept', { message: read.message }) : read.message, 'error');
  }
  if (!state.assessments.some((a) => a.id === state.current)) state.current = state.assessments[0]?.id ?? null;
  if (!state.assessments.length) {
    addAssessment(blank());
    save();
  }
  bind();
  showAll();
  page.dataset.state = 'ready';
}

start().catch((error: unknown) => {
  page.dataset.state = 'error';
  const reason = error instanceof Error ? error.message : String(error);
  say(t('checklist.page.loadFailed', { reason }), 'error');
});
