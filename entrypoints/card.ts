/**
 * Chromium only: the card (Preact, the Card component and its style sheet) as a script of its own. The content script
 * starts without it: once a page has names and is idle, it asks the background to put this script into its frame
 * (`loadCard`), which runs in the content script's world and hands the content script the CardHost class
 * (entrypoints/content/card-loader.ts). A page's start-up then compiles and runs a quarter less code (ADR 0002).
 * Firefox keeps the card in its content script: its start-up is not measured by a trace, and injecting would need
 * host permissions it does not otherwise ask for.
 */
import { CardHost } from './content/card-host';
import { CARD_GLOBAL } from './content/card-loader';

// An unlisted script, injected by the background (scripting.executeScript) into the frame that asked.
export default defineUnlistedScript({
  include: ['chrome'],
  main() {
    (globalThis as unknown as Record<string, unknown>)[CARD_GLOBAL] = CardHost;
  },
});
