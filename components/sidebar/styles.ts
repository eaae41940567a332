import { slaChipCss } from '../../lib/features/sla-chip';

/** The sidebar's own styles, inside its shadow root: Gmail's CSS and ours never meet. */
export const SIDEBAR_CSS = `
:host { all: initial; display: block; }
.sidebar {
  --fg: #1f1f1f; --muted: #5f6368; --line: #dadce0; --accent: #0b57d0; --danger: #b3261e;
  --bg: #ffffff; --hover: #e8f0fe; --mention: #d3e3fd;
  font: 13px/1.4 system-ui, sans-serif; color: var(--fg); padding: 12px 16px;
  display: grid; grid-template-columns: minmax(0, 1fr); gap: 10px; background: var(--bg);
  box-sizing: border-box; overflow-wrap: anywhere;
}
[data-theme='dark'] .sidebar {
  --fg: #e3e3e3; --muted: #a8abaf; --line: #5f6368; --accent: #a8c7fa; --danger: #f2b8b5;
  --bg: #1f1f1f; --hover: #2d3b50; --mention: #2d4a77;
}
[data-theme='dark'] .notice { background: #3a2e00; border-color: #8a6d00; }
.row { display: grid; grid-template-columns: 80px minmax(0, 1fr); align-items: center; gap: 8px; }
/* Gmail's panel is narrow: controls take the column's width, never their content's. */
.row select, .row input, .inline-form { max-width: 100%; box-sizing: border-box; }
.row select { width: 100%; }
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
input, textarea {
  font: inherit; color: inherit; background: transparent; border: 1px solid var(--line);
  border-radius: 6px; padding: 4px 8px; min-width: 0;
}
textarea { width: 100%; box-sizing: border-box; resize: vertical; }
input:focus-visible, textarea:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
button:disabled { opacity: 0.6; cursor: default; }
.picker { position: relative; }
.popover {
  display: grid; gap: 6px; margin-top: 6px; padding: 8px; border: 1px solid var(--line);
  border-radius: 8px; background: var(--bg);
}
fieldset { border: 0; margin: 0; padding: 0; display: grid; gap: 6px; }
legend { color: var(--muted); padding: 0; margin-bottom: 4px; }
.quick-picks { display: grid; gap: 4px; }
.quick-picks button { text-align: left; }
.options { list-style: none; margin: 0; padding: 0; max-height: 180px; overflow: auto; }
.option { padding: 4px 6px; border-radius: 4px; cursor: pointer; }
.option.active { background: var(--hover); outline: 1px solid var(--accent); }
.inline-form { grid-column: 2; display: flex; gap: 4px; }
.inline-form input { flex: 1; }
.tags .hint, .tags .problem { grid-column: 2; }
.section { display: grid; gap: 6px; border-top: 1px solid var(--line); padding-top: 8px; }
.section h2 { font-size: 13px; font-weight: 600; margin: 0; }
.notes, .timeline, .history { list-style: none; margin: 0; padding: 0; display: grid; gap: 6px; }
.note { border-left: 3px solid var(--line); padding-left: 8px; }
.note[data-pending] { border-left-style: dashed; opacity: 0.8; }
.note p { margin: 0; }
.note-body { white-space: pre-wrap; }
.mention { background: var(--mention); color: inherit; border-radius: 3px; padding: 0 2px; }
.composer { display: grid; gap: 4px; justify-items: start; }
.timeline li { color: var(--fg); }
.link { display: grid; text-align: left; width: 100%; border: 0; padding: 2px 0; }
.link .subject { color: var(--accent); }
.sla-targets { list-style: none; margin: 0; padding: 0; display: grid; gap: 4px; }
.sla-targets li {
  display: grid; grid-template-columns: minmax(0, 1fr) auto; align-items: center; gap: 2px 8px;
}
.sla-detail { grid-column: 1 / -1; color: var(--muted); }
.sla-chip { border-radius: 10px; padding: 0 8px; white-space: nowrap; font-weight: 500; }
${slaChipCss('.sla-chip')}
.copilot-buttons { display: flex; flex-wrap: wrap; gap: 6px; }
.copilot-buttons .primary { background: var(--accent); border-color: var(--accent); color: var(--bg); }
.copilot h3 { font-size: 12px; font-weight: 600; margin: 2px 0; color: var(--muted); }
.copilot-draft, .copilot-triage { display: grid; gap: 6px; }
.copilot-sources ul, .copilot-triage ul, .copilot-prompt ol {
  list-style: none; margin: 0; padding: 0; display: grid; gap: 4px;
}
.copilot-triage li { display: grid; grid-template-columns: 72px minmax(0, 1fr); gap: 0 6px; }
.copilot-triage li .reason, .copilot-triage li .chip { grid-column: 2; justify-self: start; }
.chip { border: 1px solid var(--accent); color: var(--accent); border-radius: 8px; padding: 0 6px; font-size: 11px; }
.copilot-prompt summary { cursor: pointer; color: var(--accent); }
.copilot-prompt summary:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.copilot-prompt pre {
  white-space: pre-wrap; font: 12px/1.4 ui-monospace, monospace; margin: 2px 0 6px; padding: 6px;
  border: 1px solid var(--line); border-radius: 6px; max-height: 240px; overflow: auto;
}
.check { display: flex; gap: 6px; align-items: center; }
`;
