import { slaChipCss } from '../../lib/features/sla-chip';

/** The queue page's own styles, inside its shadow root. */
export const QUEUE_CSS = `
:host { all: initial; display: block; }
.queue {
  --fg: #1f1f1f; --muted: #5f6368; --line: #dadce0; --accent: #0b57d0; --hover: #f2f6fc;
  --danger: #b3261e;
  font: 13px/1.4 system-ui, sans-serif; color: var(--fg); padding: 16px 24px;
}
[data-theme='dark'] .queue {
  --fg: #e3e3e3; --muted: #a8abaf; --line: #5f6368; --accent: #a8c7fa; --hover: #2d2f31;
  --danger: #f2b8b5;
}
h1 { font-size: 18px; font-weight: 500; margin: 0 0 12px; }
ul { list-style: none; margin: 0; padding: 0; border-top: 1px solid var(--line); }
.row {
  all: unset; box-sizing: border-box; width: 100%; cursor: pointer;
  display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr) 32px 72px minmax(0, 2fr) 80px;
  gap: 12px; align-items: center; padding: 8px 4px; border-bottom: 1px solid var(--line);
}
.row:hover { background: var(--hover); }
.row:focus-visible { outline: 2px solid var(--accent); outline-offset: -2px; }
.row:disabled { cursor: default; color: var(--muted); }
.subject { font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.customer, .updated, .status { color: var(--muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.avatar {
  display: inline-grid; place-items: center; width: 22px; height: 22px; border-radius: 50%;
  background: #3c6e47; color: #fff; font-size: 11px; font-weight: 600;
}
.tags { display: flex; flex-wrap: wrap; gap: 4px; }
.tag { border: 1px solid var(--line); border-radius: 10px; padding: 0 8px; }
.elsewhere { grid-column: 1 / -1; color: var(--muted); font-style: italic; }
.sla-chip { border-radius: 10px; padding: 0 8px; white-space: nowrap; font-weight: 500; }
${slaChipCss('.sla-chip')}
.muted { color: var(--muted); }
.problem { color: var(--danger); }
`;
