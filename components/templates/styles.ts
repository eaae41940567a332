/** The picker's own styles, inside its shadow root. */
export const PICKER_CSS = `
:host { all: initial; }
.picker {
  --fg: #1f1f1f; --muted: #5f6368; --line: #dadce0; --accent: #0b57d0; --bg: #fff;
  --active: #e8f0fe; --danger: #b3261e;
  font: 13px/1.4 system-ui, sans-serif; color: var(--fg); background: var(--bg);
  border: 1px solid var(--line); border-radius: 8px; box-shadow: 0 4px 16px rgb(0 0 0 / 0.2);
  display: grid; gap: 6px; padding: 8px; max-height: 320px; box-sizing: border-box;
  grid-template-rows: auto auto 1fr;
}
input {
  font: inherit; color: inherit; background: transparent; border: 1px solid var(--line);
  border-radius: 6px; padding: 6px 8px;
}
input:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.options { overflow: auto; display: grid; gap: 2px; }
.option { display: grid; padding: 6px 8px; border-radius: 6px; cursor: pointer; }
.option.active { background: var(--active); }
.title { font-weight: 600; }
.meta, .muted { color: var(--muted); }
p { margin: 0; }
.problem { color: var(--danger); }
`;
