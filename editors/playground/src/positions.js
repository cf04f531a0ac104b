// Positions: the server's diagnostics give 1-based lines and columns counted
// in characters (Unicode scalar values); CodeMirror counts UTF-16 code units.

/** The document offset of a 1-based `{line, column}` (column in characters). */
export function offsetOf(doc, position) {
  const n = Math.min(Math.max(position.line, 1), doc.lines);
  const line = doc.line(n);
  return line.from + utf16Column(line.text, position.column - 1);
}

/** UTF-16 code units in the first `chars` characters of `text` (clamped). */
export function utf16Column(text, chars) {
  let units = 0;
  for (let left = chars; left > 0 && units < text.length; left--) {
    units += text.codePointAt(units) > 0xffff ? 2 : 1;
  }
  return units;
}
