/**
 * Card styles for the shadow root. Pixel units only: rem and em would follow the
 * page's font size. The page's styles cannot reach into the shadow root, and
 * ours cannot leak out. The card is not selectable: Chromium's Select All would
 * otherwise copy an open card's text along with the page's.
 */
export const CARD_CSS = `
:host { all: initial; }
.wrap { position: fixed; top: 0; left: 0; z-index: 2147483647; width: min(340px, calc(100vw - 30px));
  -webkit-user-select: none; user-select: none;
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --accent: #1d4ed8; --chip: #eef2ff;
  --sea: #eef4fb; --landfill: #cbd5e1;
  color-scheme: light; }
.wrap.dark { --bg: #1c2128; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --accent: #6ea8fe; --chip: #26324a; --sea: #16202c; --landfill: #4b5563; color-scheme: dark; }
@media (prefers-color-scheme: dark) {
  .wrap.auto { --bg: #1c2128; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --accent: #6ea8fe; --chip: #26324a; --sea: #16202c; --landfill: #4b5563; color-scheme: dark; }
}
.card { box-sizing: border-box; max-height: inherit; overflow: auto; background: var(--bg); color: var(--fg);
  scrollbar-color: var(--line) var(--bg); /* Firefox drew a white track beside a dark card */
  border: 1px solid var(--line); border-radius: 10px; box-shadow: 0 8px 28px rgba(0,0,0,.18), 0 1px 3px rgba(0,0,0,.12);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; padding: 12px 14px 10px;
  text-align: start; animation: in 120ms ease-out; }
/* A card laid out ahead of time stays invisible and still: its fade-in starts when it is shown. */
.wrap.prepared .card { animation: none; }
@media (prefers-reduced-motion: reduce) { .card { animation: none; } }
@keyframes in { from { opacity: 0; transform: translateY(2px); } to { opacity: 1; transform: none; } }
.head { display: flex; align-items: flex-start; gap: 8px; }
.title { flex: 1; min-width: 0; }
.kind { font-size: 11px; letter-spacing: .04em; text-transform: uppercase; color: var(--muted); display: flex; gap: 6px; align-items: center; }
.flag { font-size: 14px; letter-spacing: 0; }
h2 { margin: 2px 0 0; font-size: 17px; line-height: 1.25; font-weight: 650; }
.matched { font-size: 12px; color: var(--muted); margin-top: 2px; }
.icon { all: unset; cursor: pointer; color: var(--muted); font-size: 18px; line-height: 1; padding: 2px 6px; border-radius: 6px; }
.icon:hover, .icon:focus-visible { background: var(--chip); color: var(--fg); }
.icon:focus-visible, a:focus-visible, .chip:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.summary { margin: 8px 0 8px; }
.facts { margin: 0 0 8px; padding: 8px 0 0; border-top: 1px solid var(--line); font-size: 13px; }
.asof { font-size: 11px; color: var(--muted); margin-bottom: 4px; }
.fact { display: grid; grid-template-columns: 38% 1fr; gap: 8px; padding: 2px 0; }
dt { color: var(--muted); }
dd { margin: 0; }
.when { display: block; color: var(--muted); font-size: 11.5px; }
.confirmed { font-style: italic; }
.related { list-style: none; margin: 0 0 8px; padding: 0; display: flex; flex-wrap: wrap; gap: 6px; }
.chip { all: unset; cursor: pointer; background: var(--chip); color: var(--fg); font-size: 12px; padding: 2px 8px; border-radius: 999px; }
.chip:hover { text-decoration: underline; }
.foot { display: flex; gap: 12px; align-items: baseline; font-size: 12px; border-top: 1px solid var(--line); padding-top: 6px; }
.foot a { color: var(--accent); text-decoration: none; }
.foot a:hover { text-decoration: underline; }
.map { flex: none; }
.map .sea { fill: var(--sea); stroke: var(--line); stroke-width: 1; }
.map .grid { fill: none; stroke: var(--line); stroke-width: .4; opacity: .6; }
.map .land { fill: var(--landfill); stroke: var(--bg); stroke-width: .3; }
.map .focus { fill: var(--accent); stroke: var(--accent); stroke-width: .6; }
.reviewed { margin-inline-start: auto; color: var(--muted); }
.wrap.sheet { top: auto !important; bottom: 0 !important; left: 0 !important; width: 100vw; }
.wrap.sheet .card { border-radius: 12px 12px 0 0; max-height: 60vh; }
`;
