import { TemplateExport } from '../../schema';
import { lineOfPath } from './json-lines';

export interface ImportProblem {
  /** Where, as the API names it (`templates.3.shortcut`); empty for the whole file. */
  path: string;
  line: number | null;
  message: string;
}

export type ImportCheck =
  | { ok: true; document: TemplateExport }
  | { ok: false; problems: ImportProblem[] };

/** JSON.parse's message names a position (V8: "at position 42", newer also "line 3"). */
function syntaxLine(text: string, message: string): number | null {
  const line = /line (\d+)/.exec(message);
  if (line) return Number(line[1]);
  const position = /position (\d+)/.exec(message);
  return position ? text.slice(0, Number(position[1])).split('\n').length : null;
}

/** Reads an export file and checks it against the contract before anything is sent. */
export function checkImportFile(text: string): ImportCheck {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    return {
      ok: false,
      problems: [{ path: '', line: syntaxLine(text, message), message: `Not JSON: ${message}` }],
    };
  }
  const parsed = TemplateExport.safeParse(json);
  if (parsed.success) return { ok: true, document: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      line: lineOfPath(text, issue.path),
      message: issue.message,
    })),
  };
}
