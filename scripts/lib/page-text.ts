/** Find a text on a page (outside code and form fields), scroll it into view and return its centre. */
import type { AnyPage } from './browsers';

export function centreOfText(page: AnyPage, text: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((t) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement?.closest('script,style,pre,code,textarea')) continue;
      const i = (n as Text).data.indexOf(t);
      if (i === -1) continue;
      n.parentElement!.scrollIntoView({ block: 'center' });
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + t.length);
      const b = r.getClientRects()[0];
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    }
    return null;
  }, text);
}
