/** The docked panel's chrome, inside its shadow root: Outlook's CSS and ours never meet. */
export const DOCK_CSS = `
:host { all: initial; }
.dock {
  --fg: #242424; --muted: #616161; --line: #e0e0e0; --bg: #ffffff; --raised: #f5f5f5;
  --accent: #0f6cbd;
  position: relative; box-sizing: border-box; height: 100%; display: flex;
  font: 13px/1.4 "Segoe UI", system-ui, sans-serif; color: var(--fg); background: var(--bg);
  border-inline-start: 1px solid var(--line);
}
.dock[data-theme='dark'] {
  --fg: #e3e3e3; --muted: #a8abaf; --line: #3d3d3d; --bg: #1f1f1f; --raised: #292929;
  --accent: #79b8f3;
}
.handle {
  position: absolute; inset-block: 0; inset-inline-start: -3px; width: 6px; cursor: col-resize;
  z-index: 1; outline: none;
}
.handle:hover, .handle:focus-visible, .handle[data-dragging] { background: var(--accent); }
.dock[data-collapsed] .handle { display: none; }
.frame { flex: 1; min-width: 0; display: flex; flex-direction: column; }
.bar {
  display: flex; align-items: center; gap: 8px; padding: 8px 10px;
  border-block-end: 1px solid var(--line); background: var(--raised);
}
.dock[data-collapsed] .bar { flex-direction: column; padding: 8px 4px; border: 0; }
.icon { width: 18px; height: 18px; }
h2 { flex: 1; margin: 0; font-size: 14px; font-weight: 600; }
.dock[data-collapsed] h2, .dock[data-collapsed] .body { display: none; }
button {
  font: inherit; color: inherit; background: transparent; border: 1px solid var(--line);
  border-radius: 4px; padding: 3px 8px; cursor: pointer;
}
button:focus-visible, summary:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.toggle { border: 0; padding: 2px 6px; font-size: 16px; line-height: 1; }
.body { flex: 1; min-height: 0; overflow: auto; display: flex; flex-direction: column; }
.notice { margin: 10px; padding: 8px; border: 1px solid #f9ab00; border-radius: 6px; background: #fef7e0; color: #3c2f00; }
nav { padding: 8px 10px; border-block-end: 1px solid var(--line); }
/* The panel's own title already says what the links are for; the heading names the nav for AT. */
nav h3 { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
nav ul { display: flex; flex-wrap: wrap; gap: 4px; margin: 0; padding: 0; list-style: none; }
nav button[aria-current='page'] { border-color: var(--accent); color: var(--accent); font-weight: 600; }
.view { flex: 1 0 auto; }
.empty { margin: 16px 12px; color: var(--muted); }
.queue-bar { padding: 8px 10px 0; }
.shortcuts { padding: 8px 10px; border-block-start: 1px solid var(--line); color: var(--muted); }
.shortcuts dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; margin: 6px 0 0; }
.shortcuts dt { font-family: ui-monospace, monospace; }
.shortcuts dd { margin: 0; }
[hidden] { display: none !important; }
`;

/** Outside the shadow root: makes room for the panel, as MaxAI does on Outlook (S2). */
export const spaceFor = (width: number) =>
  `html { width: calc(100% - ${width}px) !important; min-height: 100vh !important; }`;
