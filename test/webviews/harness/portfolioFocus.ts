/** The path of the card that has the keyboard focus (through the page's shadow roots); null when no card has it. */
export const FOCUSED_CARD_SCRIPT = `(() => {
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  return el && el.classList && el.classList.contains('card') ? el.dataset.path : null;
})()`;

/** The names on the cards shown, in order. */
export const CARD_NAMES_SCRIPT = `[...document.querySelector('optimus-portfolio').shadowRoot.querySelector('optimus-card-grid')?.shadowRoot.querySelectorAll('.name') ?? []].map((n) => n.textContent)`;
