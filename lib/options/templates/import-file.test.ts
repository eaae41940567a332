import { describe, expect, it } from 'vitest';
import { checkImportFile } from './import-file';
import { lineOfPath } from './json-lines';

const file = (templates: unknown[]) => JSON.stringify({ version: 1, templates }, null, 2);
const good = { title: 'Hi', body: '<p>Hi</p>', scope: 'personal' };

describe('import file check', () => {
  it('accepts an export document, with defaults filled', () => {
    const check = checkImportFile(file([good]));
    expect(check).toMatchObject({
      ok: true,
      document: { templates: [{ tags: [], folder: null }] },
    });
  });

  it('reports the field and its line', () => {
    const text = file([good, { ...good, shortcut: 'Not Valid' }]);
    const check = checkImportFile(text);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    const [problem] = check.problems;
    expect(problem).toMatchObject({ path: 'templates.1.shortcut' });
    expect(text.split('\n')[problem!.line! - 1]).toContain('"shortcut": "Not Valid"');
  });

  it('reports a missing field at its object', () => {
    const text = file([good, { body: 'x', scope: 'team' }]);
    const check = checkImportFile(text);
    if (check.ok) throw new Error('accepted');
    expect(check.problems[0]).toMatchObject({ path: 'templates.1.title' });
    expect(text.split('\n')[check.problems[0]!.line! - 1]?.trim()).toBe('{');
  });

  it('reports broken JSON with its line', () => {
    const check = checkImportFile('{\n  "version": 1,\n  "templates": [\n    {,}\n  ]\n}');
    if (check.ok) throw new Error('accepted');
    expect(check.problems[0]).toMatchObject({ path: '', line: 4 });
    expect(check.problems[0]!.message).toMatch(/^Not JSON/);
  });

  it('reports a wrong version at the top', () => {
    const check = checkImportFile('{"version": 2, "templates": []}');
    if (check.ok) throw new Error('accepted');
    expect(check.problems[0]).toMatchObject({ path: 'version', line: 1 });
  });
});

describe('JSON line of a path', () => {
  const text = '{\n "a": [\n  1,\n  {"b": "x\\"]}"},\n  {\n   "c": [true, null]\n  }\n ]\n}';
  it('walks objects and arrays, past strings holding brackets', () => {
    expect(lineOfPath(text, [])).toBe(1);
    expect(lineOfPath(text, ['a'])).toBe(2);
    expect(lineOfPath(text, ['a', 1, 'b'])).toBe(4);
    expect(lineOfPath(text, ['a', 2, 'c', 1])).toBe(6);
    expect(lineOfPath(text, ['a', 2, 'missing'])).toBe(5);
  });
});
