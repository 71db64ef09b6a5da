/**
 * /checklist/'s script. A content tree without checklist items renders no form: there is nothing to
 * add behaviour to then, so the application (site/browser/checklist-app.ts) is loaded only with one.
 */
if (document.querySelector('#ck-form')) {
  import('./checklist-app.ts').catch((error: unknown) => {
    document.querySelector<HTMLElement>('#ck-page')!.dataset.state = 'error';
    throw error;
  });
}
