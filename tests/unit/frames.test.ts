import { describe, expect, test, vi } from 'vitest';
import { FrameOpener, frameMayHoldArticle, READABLE_FRAME } from '../../utils/dom/frames';

const ORIGIN = 'https://news.example';

/** A frame as the check sees it (no real iframe: happy-dom would try to load its page). */
function frame(src: string, size: { width: number; height: number }, text?: string, attrs: Record<string, string> = {}) {
  const body = text === undefined ? null : { textContent: text };
  return {
    src,
    getAttribute: (name: string) => attrs[name] ?? null,
    contentDocument: body ? ({ body } as unknown as Document) : null,
    getBoundingClientRect: () => ({ ...size }) as DOMRect,
  };
}

const AD = { width: 300, height: 250 };
const LEADERBOARD = { width: 728, height: 90 };
const VIDEO = { width: 640, height: 360 };
const FULL = { width: 1200, height: 800 };

describe('frameMayHoldArticle', () => {
  test('a frame of the page’s own origin counts, by its src, before it loads', () => {
    expect(frameMayHoldArticle(frame(`${ORIGIN}/comments/1`, AD), ORIGIN)).toBe(true);
  });

  test('ads and video players of other origins do not', () => {
    expect(frameMayHoldArticle(frame('https://ads.example/slot?1', AD), ORIGIN)).toBe(false);
    expect(frameMayHoldArticle(frame('https://ads.example/slot?2', LEADERBOARD), ORIGIN)).toBe(false);
    expect(frameMayHoldArticle(frame('https://www.youtube-nocookie.com/embed/x', VIDEO), ORIGIN)).toBe(false);
  });

  test('a frame of another origin large enough to read an article in counts', () => {
    expect(frameMayHoldArticle(frame('https://other.example/story', FULL), ORIGIN)).toBe(true);
    expect(frameMayHoldArticle(frame('https://other.example/story', READABLE_FRAME), ORIGIN)).toBe(true);
    expect(frameMayHoldArticle(frame('https://other.example/story', { width: 479, height: 900 }), ORIGIN)).toBe(false);
  });

  test('width and height attributes in pixels decide without layout; other values fall back to the box', () => {
    const ad = frame('https://ads.example/1', FULL, undefined, { width: '300', height: '250' });
    expect(frameMayHoldArticle(ad, ORIGIN)).toBe(false);
    const story = frame('https://other.example/story', AD, undefined, { width: '800', height: '600' });
    expect(frameMayHoldArticle(story, ORIGIN)).toBe(true);
    const fluid = frame('https://other.example/story', FULL, undefined, { width: '100%', height: '900' });
    expect(frameMayHoldArticle(fluid, ORIGIN)).toBe(true);
  });

  test('a frame the page wrote (about:blank) counts once it holds text', () => {
    expect(frameMayHoldArticle(frame('', AD, ''), ORIGIN)).toBe(false);
    expect(frameMayHoldArticle(frame('about:blank', AD, '   '), ORIGIN)).toBe(false);
    expect(frameMayHoldArticle(frame('about:blank', AD, 'A reader comment on NATO'), ORIGIN)).toBe(true);
  });

  test('an origin is compared whole: a look-alike host or port is another origin', () => {
    expect(frameMayHoldArticle(frame(`${ORIGIN}.evil.example/x`, AD), ORIGIN)).toBe(false);
    expect(frameMayHoldArticle(frame(`${ORIGIN}:8443/x`, AD), ORIGIN)).toBe(false);
    expect(frameMayHoldArticle(frame('http://[bad', AD), ORIGIN)).toBe(false);
  });
});

describe('FrameOpener', () => {
  function root(frames: object[]): ParentNode {
    return { querySelectorAll: () => frames } as unknown as ParentNode;
  }
  const doc = { location: { origin: ORIGIN } } as unknown as Document;

  test('a page of ads asks for nothing', () => {
    const ask = vi.fn();
    const opener = new FrameOpener(doc, ask);
    expect(opener.check([root(Array.from({ length: 20 }, (_, i) => frame(`https://ads.example/${i}`, AD)))])).toBe(false);
    expect(ask).not.toHaveBeenCalled();
  });

  test('asks once per new candidate frame, not again for frames it already asked for', () => {
    const ask = vi.fn();
    const opener = new FrameOpener(doc, ask);
    const comments = frame(`${ORIGIN}/comments`, AD);
    const ads = [frame('https://ads.example/1', AD), frame('https://ads.example/2', AD)];
    expect(opener.check([root([...ads, comments])])).toBe(true);
    expect(ask).toHaveBeenCalledTimes(1);
    expect(opener.check([root([...ads, comments])])).toBe(false);
    expect(ask).toHaveBeenCalledTimes(1);
    // A story frame added later (a live blog embedding another site's page) asks again.
    expect(opener.check([root([frame('https://other.example/live', FULL)])])).toBe(true);
    expect(ask).toHaveBeenCalledTimes(2);
  });

  test('an ad frame is judged once per page it holds, not on every check', () => {
    const ask = vi.fn();
    const opener = new FrameOpener(doc, ask);
    const ad = frame('https://ads.example/1', AD);
    const measured = vi.spyOn(ad, 'getBoundingClientRect');
    opener.check([root([ad])]);
    opener.check([root([ad])]);
    expect(measured).toHaveBeenCalledTimes(1);
    // The slot loads another page, now a readable one: judged again.
    ad.src = 'https://other.example/story';
    measured.mockReturnValue({ ...FULL } as DOMRect);
    expect(opener.check([root([ad])])).toBe(true);
    expect(ask).toHaveBeenCalledTimes(1);
  });

  test('a written frame that had no text yet is checked again later', () => {
    const ask = vi.fn();
    const opener = new FrameOpener(doc, ask);
    const written = frame('about:blank', AD, '');
    opener.check([root([written])]);
    expect(ask).not.toHaveBeenCalled();
    (written.contentDocument as unknown as { body: { textContent: string } }).body.textContent = 'Comments mention Gazprom';
    opener.check([root([written])]);
    expect(ask).toHaveBeenCalledTimes(1);
  });

  test('a changed text node (no frames under it) is ignored', () => {
    const ask = vi.fn();
    document.body.innerHTML = '<p>text</p>';
    expect(new FrameOpener(document, ask).check([document.body.firstChild!.firstChild!])).toBe(false);
    expect(ask).not.toHaveBeenCalled();
  });
});
