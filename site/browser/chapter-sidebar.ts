/**
 * Marks, in the chapter sidebar, the clause the reader is at (aria-current="location", styled by
 * global.css): the topmost clause whose heading has scrolled into the upper part of the viewport, or
 * the one the URL's fragment names. Behaviour only; the list is the component's markup.
 */
const nav = document.querySelector<HTMLElement>('#chapter-toc');
if (nav) {
  const links = new Map<string, HTMLAnchorElement>();
  for (const a of nav.querySelectorAll<HTMLAnchorElement>('a[href^="#"]'))
    links.set(decodeURIComponent(a.hash.slice(1)), a);
  const targets = [...links.keys()].flatMap((id) => document.getElementById(id) ?? []);
  let current: HTMLAnchorElement | undefined;

  const mark = (id: string | undefined) => {
    const link = id ? links.get(id) : undefined;
    if (!link || link === current) return;
    current?.removeAttribute('aria-current');
    link.setAttribute('aria-current', 'location');
    current = link;
    // Keep the marked entry visible inside the sidebar's own scroll area, without moving the page.
    const box = nav.getBoundingClientRect();
    const at = link.getBoundingClientRect();
    if (nav.scrollHeight > nav.clientHeight && (at.top < box.top || at.bottom > box.bottom)) {
      nav.scrollTop += at.top - box.top - box.height / 3;
    }
  };

  // Which targets are in the band from the top of the viewport to 40% down; the first of them wins.
  const inBand = new Set<Element>();
  const observer = new IntersectionObserver(
    (changes) => {
      for (const c of changes) c.isIntersecting ? inBand.add(c.target) : inBand.delete(c.target);
      const first = targets.find((t) => inBand.has(t));
      if (first) mark(first.id);
    },
    { rootMargin: '0px 0px -60% 0px' },
  );
  for (const t of targets) observer.observe(t);
  const fromHash = () => mark(decodeURIComponent(location.hash.slice(1)));
  addEventListener('hashchange', fromHash);
  fromHash();
}

export {};
