// Every word the extension shows exists in English and Chinese: the strings
// passed to `vscode.l10n.t` in extension.js have a translation in
// l10n/bundle.l10n.zh-cn.json (with the same {N} placeholders), and every
// %key% of package.json is in package.nls.json and package.nls.zh-cn.json.
"use strict";

const test = require("node:test");
const assert = require("node:assert");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const read = (file) => fs.readFileSync(path.join(root, file), "utf8");

function l10nStrings() {
  const source = read("extension.js");
  const literal = /l10n\.t\(\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/g;
  const found = [];
  for (const m of source.matchAll(literal)) {
    found.push(new Function(`return ${m[1]};`)());
  }
  return found;
}

const placeholders = (s) => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();

test("every runtime message has a Chinese translation with the same placeholders", () => {
  const strings = l10nStrings();
  assert.ok(strings.length >= 5, `found only ${strings.length} l10n.t calls`);
  const zh = JSON.parse(read("l10n/bundle.l10n.zh-cn.json"));
  for (const s of strings) {
    assert.ok(Object.hasOwn(zh, s), `no Chinese for ${JSON.stringify(s)}`);
    assert.deepStrictEqual(placeholders(zh[s]), placeholders(s), `placeholders of ${JSON.stringify(s)}`);
    assert.match(zh[s], /[\u4e00-\u9fff]/, `the translation of ${JSON.stringify(s)} has no Chinese`);
  }
  for (const key of Object.keys(zh)) {
    assert.ok(strings.includes(key), `bundle.l10n.zh-cn.json has an unused entry ${JSON.stringify(key)}`);
  }
});

test("every contributed title and setting is in package.nls.json and package.nls.zh-cn.json", () => {
  const keys = [...read("package.json").matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
  assert.ok(keys.length >= 5, `found only ${keys.length} %keys% in package.json`);
  const en = JSON.parse(read("package.nls.json"));
  const zh = JSON.parse(read("package.nls.zh-cn.json"));
  for (const key of keys) {
    assert.ok(Object.hasOwn(en, key), `package.nls.json lacks ${key}`);
    assert.ok(Object.hasOwn(zh, key), `package.nls.zh-cn.json lacks ${key}`);
    assert.match(zh[key], /[\u4e00-\u9fff]/, `package.nls.zh-cn.json's ${key} has no Chinese`);
  }
  assert.deepStrictEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  for (const key of Object.keys(en)) {
    assert.ok(keys.includes(key), `package.nls.json has an unused key ${key}`);
  }
});
