// Moving the reader to a question: scroll, focus its first control, flash it briefly.

/** Scrolls to an item (or section) and puts the keyboard focus on its first control. */
export function goToItem(code: string): void {
  const el = document.getElementById(`item-${code}`) ?? document.getElementById(`sec-${code}`);
  if (!el) return;
  el.scrollIntoView({ block: 'start', behavior: 'instant' as ScrollBehavior });
  const focusable = el.querySelector<HTMLElement>('input:not([type=hidden]):not([hidden]), textarea, button, h2');
  focusable?.focus({ preventScroll: true });
  el.setAttribute('data-flash', '1');
  window.setTimeout(() => el.removeAttribute('data-flash'), 1600);
}
