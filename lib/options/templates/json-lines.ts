type Path = readonly PropertyKey[];

/**
 * The 1-based line where the value at `path` starts in a valid JSON text, or where its
 * deepest present ancestor starts (a missing field is reported at its object).
 */
export function lineOfPath(text: string, path: Path): number {
  let pos = 0;
  const ws = () => {
    while (pos < text.length && /\s/.test(text[pos]!)) pos++;
  };
  const readString = () => {
    const start = pos++;
    while (pos < text.length && text[pos] !== '"') pos += text[pos] === '\\' ? 2 : 1;
    pos++;
    return JSON.parse(text.slice(start, pos)) as string;
  };
  const skipValue = (): void => {
    ws();
    const c = text[pos];
    if (c === '"') {
      readString();
    } else if (c === '{' || c === '[') {
      eachChild(() => {
        skipValue();
        return false;
      });
    } else {
      while (pos < text.length && !/[\s,\]}]/.test(text[pos]!)) pos++;
    }
  };
  // Calls `child(key)` with pos at each member's value; stops early when it returns true.
  const eachChild = (child: (key: string | number) => boolean) => {
    const isObject = text[pos] === '{';
    pos++;
    for (let index = 0; ; index++) {
      ws();
      if (text[pos] === '}' || text[pos] === ']') {
        pos++;
        return;
      }
      let key: string | number = index;
      if (isObject) {
        key = readString();
        ws();
        pos++; // the colon
      }
      ws();
      if (child(key)) return;
      ws();
      if (text[pos] === ',') pos++;
    }
  };
  const lineAt = (at: number) => text.slice(0, at).split('\n').length;

  ws();
  let found = pos;
  for (const step of path) {
    if (text[pos] !== '{' && text[pos] !== '[') break;
    let hit = false;
    eachChild((key) => {
      if (String(key) !== String(step)) {
        skipValue();
        return false;
      }
      hit = true;
      return true;
    });
    if (!hit) break;
    found = pos;
  }
  return lineAt(found);
}
