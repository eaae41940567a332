/** The sidebar's own styles, inside its shadow root: Gmail's CSS and ours never meet. */
export const SIDEBAR_CSS = `
:host { all: initial; display: block; }
.sidebar {
  --fg: #1f1f1f; --muted: #5f6368; --line: #dadce0; --accent: #0b57d0; --danger: #b3261e;
  font: 13px/1.4 system-ui, sans-serif; color: var(--fg); padding: 12px 16px;
  display: grid; gap: 10px;
}
[data-theme='dark'] .sidebar {
  --fg: #e3e3e3; --muted: #a8abaf; --line: #5f6368; --accent: #a8c7fa; --danger: #f2b8b5;
}
[data-theme='dark'] .notice { background: #3a2e00; border-color: #8a6d00; }
.row { display: grid; grid-template-columns: 80px 1fr; align-items: center; gap: 8px; }
.label { color: var(--muted); }
dl, dd { margin: 0; }
.avatar {
  display: inline-grid; place-items: center; width: 22px; height: 22px; margin-right: 6px;
  border-radius: 50%; background: #3c6e47; color: #fff; font-size: 11px; font-weight: 600;
}
.actions { display: flex; gap: 8px; }
button, select {
  font: inherit; color: inherit; background: transparent; border: 1px solid var(--line);
  border-radius: 6px; padding: 4px 10px; cursor: pointer;
}
.actions button { border-color: var(--accent); color: var(--accent); }
button:focus-visible, select:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.tags ul { display: flex; flex-wrap: wrap; gap: 4px; margin: 0; padding: 0; list-style: none; }
.tags select { grid-column: 2; }
.tag { border: 1px solid var(--line); border-radius: 10px; padding: 0 2px 0 8px; }
.tag button { border: 0; padding: 0 6px; }
.notice {
  border: 1px solid #f9ab00; background: #fef7e0; border-radius: 6px; padding: 8px;
  display: flex; justify-content: space-between; align-items: center; gap: 8px;
}
.problem { color: var(--danger); margin: 0; }
.muted { color: var(--muted); margin: 0; }
`;
