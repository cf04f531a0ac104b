// Unit tests of the page's own code (node --test): positions and the tokenizer.
import { test } from "node:test";
import assert from "node:assert/strict";
import { StringStream } from "@codemirror/language";
import { Text } from "@codemirror/state";
import { redress } from "../src/mode.js";
import { offsetOf, utf16Column } from "../src/positions.js";

test("a column in characters becomes UTF-16 units, CJK and astral characters included", () => {
  assert.equal(utf16Column("abc", 2), 2);
  assert.equal(utf16Column("上海abc", 3), 3); // CJK: one unit each
  assert.equal(utf16Column("🙂x", 1), 2); // astral: two units
  assert.equal(utf16Column("🙂x", 2), 3);
  assert.equal(utf16Column("ab", 10), 2); // clamped to the line
  const doc = Text.of(["rulebook", '  title zh "上海🙂" x']);
  // `x` is the 18th character of line 2 (1-based column 18)
  const at = offsetOf(doc, { line: 2, column: 18 });
  assert.equal(doc.sliceString(at, at + 1), "x");
  assert.equal(offsetOf(doc, { line: 9, column: 1 }), doc.line(2).from, "a line past the end is the last");
});

/** The tokens of each line: [text, tag] pairs, spaces left out. */
function tokens(text) {
  const state = redress.startState();
  const out = [];
  for (const line of text.split("\n")) {
    const stream = new StringStream(line, 4, 2);
    while (!stream.eol()) {
      const tag = redress.token(stream, state);
      const piece = line.slice(stream.start, stream.pos);
      if (piece.trim()) out.push([piece, tag]);
      stream.start = stream.pos;
    }
  }
  return out;
}

test("the tokens match the TextMate grammar's classes", () => {
  assert.deepEqual(tokens('fact 消费者.受骗: yes/no # 注释'), [
    ["fact", "keyword"], ["消费者.受骗", "definition"], [":", "operator"], ["yes/no", "typeName"], ["# 注释", "comment"],
  ]);
  assert.deepEqual(tokens("rule r\n  a.b >= 500 yuan and d = 2024-05-06 => punitive damages fraud"), [
    ["rule", "keyword"], ["r", "definition"],
    ["a.b", "variableName"], [">=", "operator"], ["500 yuan", "number"], ["and", "operatorKeyword"],
    ["d", "variableName"], ["=", "operator"], ["2024-05-06", "literal"], ["=>", "operator"],
    ["punitive", "function"], ["damages", "function"], ["fraud", "function"],
  ]);
  assert.deepEqual(tokens('  title zh "示例\\"网购" \n  cite crpl article "55"'), [
    ["title", "keyword"], ["zh", "variableName"], ['"示例\\"网购"', "string"],
    ["cite", "keyword"], ["crpl", "namespace"], ["article", "keyword"], ['"55"', "string"],
  ]);
  assert.deepEqual(tokens("exception e to r\n  when x is yes"), [
    ["exception", "keyword"], ["e", "definition"], ["to", "keyword"], ["r", "variableName"],
    ["when", "keyword"], ["x", "variableName"], ["is", "operatorKeyword"], ["yes", "bool"],
  ]);
  // an unclosed string ends at the end of its line
  assert.deepEqual(tokens('  label en "open\nrule r'), [
    ["label", "keyword"], ["en", "variableName"], ['"open', "string"], ["rule", "keyword"], ["r", "definition"],
  ]);
});
