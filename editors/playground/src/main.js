// The rulebook playground: a CodeMirror 6 editor for the rulebook, a case form
// generated from its facts, and the outcome, all answered by `redress serve
// --playground` on the same origin. Every word shown comes from the server:
// the page's own from the catalogue (/v1/playground/words), the rulebook's
// from its labels, questions and titles.

import { EditorView, keymap, lineNumbers, highlightActiveLine, drawSelection } from "@codemirror/view";
import { EditorState, Compartment } from "@codemirror/state";
import { StreamLanguage, HighlightStyle, syntaxHighlighting, bracketMatching } from "@codemirror/language";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { searchKeymap } from "@codemirror/search";
import { linter, lintGutter, forceLinting, setDiagnostics } from "@codemirror/lint";
import { tags as t } from "@lezer/highlight";
import { redress } from "./mode.js";
import { offsetOf } from "./positions.js";

const LANGS = ["zh", "en"]; // Chinese first by default
const HTML_LANG = { zh: "zh-Hans", en: "en" };

const state = {
  lang: "zh",
  words: {},
  rulebooks: [],
  good: null, // the last rulebook text without errors
  facts: [], // its facts (`facts --format json`)
  remedies: [], // its remedies: id, title, category
  order: [], // fact names in the order the form shows them
  answers: {}, // fact name → value as the case file writes it
  outcome: null,
  next: null, // the fact ask would ask next
  explained: new Set(), // remedy ids whose explanation is open
  caseErrors: [],
  found: null, // the diagnostics of the last check
  broken: false,
};

const $ = (sel) => document.querySelector(sel);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

/** A word of the page in the chosen language, `{name}` holes filled. */
function w(id, args = {}) {
  const text = (state.words[state.lang] || {})[id] ?? (state.words.en || {})[id] ?? id;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in args ? String(args[name]) : m));
}

/** Items joined as the chosen language joins a list (a、b和c / a, b, and c). */
function list(items) {
  return new Intl.ListFormat(HTML_LANG[state.lang], { style: "long", type: "conjunction" }).format(items.map(String));
}

/** A rulebook text by language: the chosen one, else the other, else any. */
function pick(texts, fallback = "") {
  if (!texts || typeof texts !== "object") return fallback;
  return texts[state.lang] ?? texts[LANGS.find((l) => texts[l] !== undefined)] ?? Object.values(texts)[0] ?? fallback;
}

async function api(method, path, body, type = "application/json") {
  const sep = path.includes("?") ? "&" : "?";
  const init = { method, headers: {} };
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    init.headers["Content-Type"] = type;
  }
  let response;
  try {
    response = await fetch(`${path}${sep}lang=${state.lang}`, init);
  } catch (e) {
    showStatus(w("playground-offline"), "error");
    throw e;
  }
  const text = await response.text();
  const contentType = response.headers.get("Content-Type") || "";
  const data = contentType.includes("json") ? JSON.parse(text) : text;
  return { status: response.status, data };
}

function showStatus(text, kind = "") {
  const s = $("#status");
  s.textContent = text;
  s.className = `status ${kind}`;
}

// ------------------------------------------------------------------ editor

const style = HighlightStyle.define([
  { tag: t.keyword, color: "#7a3e9d", fontWeight: "600" },
  { tag: t.operatorKeyword, color: "#7a3e9d" },
  { tag: t.definition(t.variableName), color: "#0b5394", fontWeight: "600" },
  { tag: [t.definition, t.function(t.variableName)], color: "#0b6e4f" },
  { tag: t.namespace, color: "#0b6e4f" },
  { tag: t.variableName, color: "#1c3d5a" },
  { tag: t.typeName, color: "#a35200" },
  { tag: t.bool, color: "#a35200" },
  { tag: [t.number, t.literal], color: "#b3261e" },
  { tag: t.string, color: "#2e7d32" },
  { tag: t.comment, color: "#6b6b6b", fontStyle: "italic" },
  { tag: t.operator, color: "#555" },
]);

const language = StreamLanguage.define({
  ...redress,
  tokenTable: { definition: t.definition(t.variableName), function: t.function(t.variableName) },
});

let checkSeq = 0;

/** The diagnostics of the text as CodeMirror's lint wants them, and the
 * outcome refreshed when the text has no errors. */
async function check(view) {
  const text = view.state.doc.toString();
  const seq = ++checkSeq;
  showStatus(w("playground-checking"));
  const { status, data } = await api("POST", "/v1/check?name=rulebook.rules", text, "text/plain; charset=utf-8");
  if (seq !== checkSeq || view.state.doc.toString() !== text) return [];
  if (status !== 200) {
    // e.g. a text over the server's --max-body: say what the server said
    showStatus((data && data.error && data.error.message) || String(status), "error");
    return [];
  }
  const found = (data.files || []).flatMap((f) => f.diagnostics || []);
  state.found = found;
  const diagnostics = toDiagnostics(view.state.doc, found);
  showProblems(found);
  state.broken = found.some((d) => d.severity === "error");
  $("#broken").hidden = !state.broken;
  if (!state.broken && text !== state.good) {
    state.good = text;
    await rebuild();
  }
  return diagnostics;
}

function showProblems(found) {
  const errors = found.filter((d) => d.severity === "error").length;
  const warnings = found.length - errors;
  if (found.length === 0) showStatus(w("playground-ok"), "ok");
  else showStatus(w("playground-problems", { errors, warnings }), errors ? "error" : "warning");
}

/** The server's diagnostics as CodeMirror's lint shows them. */
function toDiagnostics(doc, found) {
  return found.map((d) => {
    let from = d.start ? offsetOf(doc, d.start) : 0;
    let to = d.end ? offsetOf(doc, d.end) : from;
    if (to <= from) {
      // a zero-width position: underline the next character of its line
      to = Math.min(from + 1, doc.lineAt(from).to);
      if (to <= from && from > doc.lineAt(from).from) from -= 1;
    }
    const message = [d.message, ...(d.labels || []).map((l) => l.message).filter((m) => m && m !== d.message)];
    if (d.help) message.push(w("playground-labelled", { label: w("playground-help"), text: d.help }));
    return {
      from,
      to,
      severity: d.severity === "error" ? "error" : "warning",
      source: d.code,
      message: message.join("\n"),
      actions: (d.fixes || []).map((fix) => ({
        name: fix.message || fix.replacement,
        apply(v) {
          v.dispatch({ changes: { from: offsetOf(v.state.doc, fix.start), to: offsetOf(v.state.doc, fix.end), insert: fix.replacement } });
        },
      })),
    };
  });
}

const editable = new Compartment();
const view = new EditorView({
  parent: $("#editor"),
  state: EditorState.create({
    doc: "",
    extensions: [
      lineNumbers(),
      history(),
      drawSelection(),
      highlightActiveLine(),
      bracketMatching(),
      language,
      syntaxHighlighting(style),
      EditorView.lineWrapping,
      lintGutter(),
      linter(check, { delay: 400 }),
      keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap]),
      editable.of(EditorView.contentAttributes.of({ "aria-label": "" })),
    ],
  }),
});

function labelEditor() {
  view.dispatch({ effects: editable.reconfigure(EditorView.contentAttributes.of({ "aria-label": w("playground-editor"), lang: state.lang === "zh" ? "zh-Hans" : "en" })) });
}

function setText(text) {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}

async function format() {
  const { status, data } = await api("POST", "/v1/fmt?name=rulebook.rules", view.state.doc.toString(), "text/plain; charset=utf-8");
  if (status === 200 && typeof data === "string") {
    if (data !== view.state.doc.toString()) setText(data);
    showStatus(w("playground-formatted"), "ok");
  } else {
    forceLinting(view);
  }
}

// -------------------------------------------------------------------- case

/** The case as a case file writes it: only the facts answered. */
function caseJson() {
  const c = {};
  for (const [name, value] of Object.entries(state.answers)) {
    if (state.facts.some((f) => f.name === name) && value !== undefined) c[name] = value;
  }
  return c;
}

/** The facts of the last good text, the order of the form (the questions
 * `ask` would put, most remedies first, then the others as declared). */
async function rebuild() {
  const rulebook = state.good;
  const [facts, first, remedies] = await Promise.all([
    api("POST", "/v1/playground/facts", { rulebook }),
    api("POST", "/v1/playground/eval", { rulebook, case: {} }),
    api("POST", "/v1/playground/remedies", { rulebook }),
  ]);
  if (rulebook !== state.good || facts.status !== 200) return;
  state.facts = facts.data.facts || [];
  state.remedies = remedies.status === 200 ? remedies.data.remedies || [] : [];
  const asked = first.status === 200 ? (first.data.questions || []).map((q) => q.fact) : [];
  const names = state.facts.map((f) => f.name);
  state.order = [...asked.filter((n) => names.includes(n)), ...names.filter((n) => !asked.includes(n))];
  renderForm();
  await evaluate();
}

function fieldId(name) {
  return `fact-${name.replace(/[^\p{L}\p{N}_-]/gu, "_")}`;
}

function answer(name, value) {
  if (value === undefined || value === "") delete state.answers[name];
  else state.answers[name] = value;
  scheduleEvaluate();
}

function renderForm() {
  const form = $("#case-form");
  form.replaceChildren();
  if (state.facts.length === 0) {
    form.append(el("p", {}, w("playground-no-facts")));
    return;
  }
  const settles = new Map(((state.outcome && state.outcome.questions) || []).map((q) => [q.fact, q.settles]));
  for (const name of state.order) {
    const fact = state.facts.find((f) => f.name === name);
    if (fact) form.append(field(fact, settles.get(name)));
  }
}

function field(fact, settles) {
  const id = fieldId(fact.name);
  const question = pick(fact.question, pick(fact.label, fact.name));
  const current = state.answers[fact.name];
  const badges = el("span", { class: "badges" },
    state.next === fact.name ? el("span", { class: "badge next" }, w("playground-next")) : null,
    settles ? el("span", { class: "badge" }, w("playground-settles", { count: settles })) : null);
  const hint = el("span", { class: "hint", id: `${id}-hint` }, pick(fact.label, ""));
  const invalid = state.caseErrors.some((d) => (d.message || "").includes(`\`${fact.name}\``));
  const wrap = el("div", { class: `field${state.next === fact.name ? " is-next" : ""}${invalid ? " invalid" : ""}`, "data-fact": fact.name });
  const choice = (value, text) => el("option", { value, selected: current === value || (current !== undefined && String(current) === value) }, text);
  if (fact.type === "some_of") {
    const chosen = Array.isArray(current) ? current : null;
    const set = el("fieldset", { id, "aria-describedby": `${id}-hint` });
    set.append(el("legend", {}, question, " ", badges), hint);
    const boxes = [];
    const none = el("input", { type: "checkbox", checked: chosen !== null && chosen.length === 0 });
    const update = () => {
      const picked = boxes.filter((b) => b.checked).map((b) => b.value);
      if (picked.length) none.checked = false;
      answer(fact.name, picked.length ? picked : none.checked ? [] : undefined);
    };
    for (const v of fact.values || []) {
      const box = el("input", { type: "checkbox", value: v.value, checked: chosen !== null && chosen.includes(v.value), onchange: update });
      boxes.push(box);
      set.append(el("label", { class: "check" }, box, " ", pick(v.label, v.value)));
    }
    none.addEventListener("change", () => {
      if (none.checked) for (const b of boxes) b.checked = false;
      update();
    });
    set.append(el("label", { class: "check" }, none, " ", w("playground-none-of-these")));
    wrap.append(set);
    return wrap;
  }
  wrap.append(el("label", { for: id }, question, " ", badges), hint);
  let input;
  if (fact.type === "yes_no" || fact.type === "one_of") {
    const options = fact.type === "yes_no"
      ? [["true", w("playground-yes")], ["false", w("playground-no")]]
      : (fact.values || []).map((v) => [v.value, pick(v.label, v.value)]);
    input = el("select", { id, "aria-describedby": `${id}-hint` }, choice("", w("playground-unknown")), options.map(([v, text]) => choice(v, text)));
    input.addEventListener("change", () => {
      const v = input.value;
      answer(fact.name, v === "" ? undefined : fact.type === "yes_no" ? v === "true" : v);
    });
  } else {
    const kind = { date: "date", number: "text", money: "text", text: "text" }[fact.type] || "text";
    input = el("input", {
      id, type: kind, value: current ?? "", "aria-describedby": `${id}-hint`,
      inputmode: fact.type === "number" || fact.type === "money" ? "decimal" : undefined,
      placeholder: w("playground-unknown"),
      autocomplete: "off",
    });
    input.addEventListener("input", () => answer(fact.name, input.value.trim() === "" ? undefined : input.value.trim()));
  }
  if (fact.type === "money") wrap.append(el("span", { class: "money" }, input, el("span", { class: "currency" }, currencyWord(fact.currency || ""))));
  else wrap.append(input);
  return wrap;
}

let evalTimer = null;
function scheduleEvaluate() {
  clearTimeout(evalTimer);
  evalTimer = setTimeout(evaluate, 250);
}

let evalSeq = 0;
async function evaluate() {
  if (state.good === null) return;
  const seq = ++evalSeq;
  const body = { rulebook: state.good, case: caseJson() };
  const [outcome, next] = await Promise.all([
    api("POST", "/v1/playground/eval", body),
    api("POST", "/v1/playground/ask", body),
  ]);
  if (seq !== evalSeq) return;
  if (outcome.status === 200) {
    state.outcome = outcome.data;
    state.caseErrors = [];
  } else {
    state.caseErrors = (outcome.data.error && outcome.data.error.diagnostics) || [];
  }
  state.next = next.status === 200 && !next.data.done ? next.data.fact : null;
  markFields();
  await renderOutcome();
}

/** Badges and invalid marks on the form without rebuilding it (focus stays). */
function markFields() {
  const settles = new Map(((state.outcome && state.outcome.questions) || []).map((q) => [q.fact, q.settles]));
  for (const wrap of document.querySelectorAll("#case-form .field")) {
    const name = wrap.dataset.fact;
    const badges = wrap.querySelector(".badges");
    badges.replaceChildren(
      state.next === name ? el("span", { class: "badge next" }, w("playground-next")) : "",
      settles.get(name) ? el("span", { class: "badge" }, w("playground-settles", { count: settles.get(name) })) : "");
    wrap.classList.toggle("is-next", state.next === name);
    wrap.classList.toggle("invalid", state.caseErrors.some((d) => (d.message || "").includes(`\`${name}\``)));
  }
}

// ----------------------------------------------------------------- outcome

function factLabel(name) {
  const fact = state.facts.find((f) => f.name === name);
  return fact ? pick(fact.label, pick(fact.question, name)) : name;
}

function showValue(name, value) {
  const fact = state.facts.find((f) => f.name === name);
  const one = (v) => {
    if (v === true) return w("playground-yes");
    if (v === false) return w("playground-no");
    const known = fact && (fact.values || []).find((x) => x.value === v);
    return known ? pick(known.label, v) : String(v);
  };
  if (Array.isArray(value)) return value.length ? list(value.map(one)) : w("playground-none-of-these");
  return one(value);
}

/** An amount as the advice text shows it (`value::money_for_people`). */
function amount(number, currency) {
  if (currency === "CNY") return w("playground-yuan", { amount: number });
  if (currency === "EUR") return number.startsWith("-") ? `-€${number.slice(1)}` : `€${number}`;
  return `${number} ${currency}`;
}

/** The currency beside an amount field: 元 / yuan, €, else its ISO code. */
function currencyWord(code) {
  return amount("", code).trim();
}

function money(computed) {
  if (!computed) return "";
  const v = computed.value ?? computed.up_to;
  if (v === null || v === undefined) {
    return computed.needs ? w("playground-open-needs", { needs: list(computed.needs.map(factLabel)) }) : w("playground-open");
  }
  const text = computed.currency ? amount(v, computed.currency) : showValue(null, v);
  return computed.up_to !== undefined ? w("playground-up-to", { amount: text }) : text;
}

function card(remedy, kind) {
  const id = remedy.id || remedy.remedy;
  const details = el("dl", {});
  const row = (term, ...value) => details.append(el("dt", {}, term), el("dd", {}, ...value));
  if (remedy.amount) row(w("playground-amount"), money(remedy.amount));
  if (remedy.deadline) {
    const d = remedy.deadline;
    row(w("playground-deadline"), d.date ?? (d.needs ? w("playground-open-needs", { needs: list(d.needs.map(factLabel)) }) : w("playground-open")));
  }
  const params = Object.values(remedy.params || {});
  if (params.length) row(w("playground-params"), list(params.map(money)));
  if (remedy.citations && remedy.citations.length) {
    row(w("playground-citations"), el("ul", {}, remedy.citations.map((c) =>
      el("li", {}, c.texts || c.text != null ? pick(c.texts, c.text) : (c.article ? w("playground-law-article", { law: pick(c.title, c.law), article: c.article }) : pick(c.title, c.law))))));
  }
  for (const b of remedy.because || []) {
    row(w("playground-because", { rule: pick(b.title, b.rule) }), el("ul", {}, Object.entries(b.facts || {}).map(([f, v]) =>
      el("li", {}, w("playground-fact-value", { fact: factLabel(f), value: showValue(f, v) })))));
  }
  if (remedy.needs) {
    row(w("playground-needs"), el("ul", { class: "needs" }, remedy.needs.map((f) => {
      const fact = state.facts.find((x) => x.name === f);
      return el("li", {}, el("a", { href: `#${fieldId(f)}`, onclick: (e) => { e.preventDefault(); focusFact(f); } },
        fact ? pick(fact.question, factLabel(f)) : f));
    })));
  }
  const declared = state.remedies.find((r) => r.id === id);
  const title = pick(remedy.title || (declared && declared.title), id);
  const open = state.explained.has(id);
  const button = el("button", { type: "button", class: "explain", "aria-expanded": open ? "true" : "false",
    onclick: () => toggleExplain(id) }, open ? w("playground-hide") : w("playground-explain"));
  const node = el("article", { class: `remedy ${kind}`, "data-remedy": id },
    el("h3", {}, title), details, button, el("div", { class: "explanation", "aria-live": "polite" }));
  return node;
}

function focusFact(name) {
  const target = document.getElementById(fieldId(name));
  if (target) {
    target.scrollIntoView({ block: "center" });
    (target.matches("fieldset") ? target.querySelector("input") : target).focus();
  }
}

async function renderOutcome() {
  const pane = $("#outcome-body");
  const o = state.outcome;
  const sections = [];
  if (state.caseErrors.length) {
    sections.push(el("div", { class: "case-errors", role: "alert" }, el("p", {}, w("playground-case-errors")),
      el("ul", {}, state.caseErrors.map((d) => el("li", {}, d.message)))));
  }
  if (o) {
    if (o.as_of) sections.push(el("p", { class: "as-of" }, w("playground-as-of", { date: o.as_of })));
    const applies = (o.remedies || []).filter((r) => !(r.deadline && r.deadline.expired));
    const expired = (o.remedies || []).filter((r) => r.deadline && r.deadline.expired);
    const section = (cls, heading, items) => items.length
      ? sections.push(el("section", { class: cls }, el("h2", {}, heading), items)) : null;
    section("applies", w("playground-applies"), applies.map((r) => card(r, "applies")));
    if (!applies.length) sections.push(el("p", { class: "nothing" }, w("playground-nothing")));
    section("expired", w("playground-expired"), expired.map((r) => card(r, "expired")));
    section("undetermined", w("playground-undetermined"), (o.undetermined || []).map((r) => card(r, "undetermined")));
    section("overridden", w("playground-overridden"), (o.overridden || []).map((r) => {
      const c = card({ id: r.remedy || r.rule }, "overridden");
      c.querySelector("dl").append(el("dt", {}, w("playground-because", { rule: pick(r.title, r.rule) })),
        el("dd", {}, w("playground-by", {
          by: list((r.by || []).map((name, i) => pick((r.by_titles || [])[i], name))),
        })));
      if (!r.remedy) c.querySelector("button.explain").remove();
      return c;
    }));
    if ((o.errors || []).length) {
      sections.push(el("section", { class: "errors" }, el("h2", {}, w("playground-errors")),
        el("ul", {}, o.errors.map((e) => el("li", {}, e.message || JSON.stringify(e))))));
    }
  }
  pane.replaceChildren(...sections);
  for (const id of state.explained) await showExplanation(id);
}

async function toggleExplain(id) {
  if (state.explained.has(id)) state.explained.delete(id);
  else state.explained.add(id);
  await renderOutcome();
}

async function showExplanation(id) {
  const target = document.querySelector(`article[data-remedy="${CSS.escape(id)}"] .explanation`);
  if (!target) return;
  const { status, data } = await api("POST", `/v1/playground/explain?remedy=${encodeURIComponent(id)}`,
    { rulebook: state.good, case: caseJson() });
  if (status !== 200) return;
  const r = (data.remedies || [])[0];
  if (!r) return;
  const truth = (v) => v === true ? w("playground-holds") : v === false ? w("playground-fails") : w("playground-open");
  const parts = (list) => el("ul", {}, (list || []).map((p) =>
    el("li", { class: `part ${p.holds === true ? "yes" : p.holds === false ? "no" : "open"}` },
      el("span", { class: "truth" }, truth(p.holds)), " ", p.test || "")));
  const rules = (r.rules || []).map((rule) => el("div", { class: "rule" },
    el("h4", {}, w("playground-labelled", { label: w("playground-because", { rule: pick(rule.title, rule.rule) }), text: truth(rule.applies) })),
    parts(rule.parts),
    rule.amount && rule.amount.computation ? el("p", { class: "computation" }, rule.amount.computation) : null,
    (rule.exceptions || []).length ? el("div", {}, el("h5", {}, w("playground-exceptions")),
      rule.exceptions.map((x) => el("div", { class: "exception" },
        el("p", {}, w("playground-labelled", { label: pick(x.title, x.rule || x.exception || ""), text: truth(x.applies) })), parts(x.parts)))) : null));
  const flip = r.flip && (r.flip.changes || []).length
    ? el("p", { class: "flip" }, w("playground-labelled", { label: w("playground-flip"),
      text: list(r.flip.changes.map((c) => w("playground-fact-value", { fact: factLabel(c.fact), value: showValue(c.fact, c.value) }))) }))
    : null;
  target.replaceChildren(...rules, flip);
}

// -------------------------------------------------------------- the page

function renderWords() {
  document.documentElement.lang = HTML_LANG[state.lang];
  document.title = w("playground-title");
  for (const node of document.querySelectorAll("[data-w]")) node.textContent = w(node.dataset.w);
  for (const b of document.querySelectorAll("#langs button")) b.setAttribute("aria-pressed", b.dataset.lang === state.lang ? "true" : "false");
  $("#langs").setAttribute("aria-label", w("playground-language"));
  const picker = $("#rulebook");
  const chosen = picker.value;
  picker.replaceChildren(...state.rulebooks.map((r) => el("option", { value: r.id, selected: r.id === chosen }, pick(r.rulebook.title, r.id))));
  labelEditor();
}

async function switchLanguage(lang) {
  state.lang = lang;
  renderWords();
  renderForm();
  if (state.found) {
    showProblems(state.found);
    view.dispatch(setDiagnostics(view.state, toDiagnostics(view.state.doc, state.found)));
    // the diagnostics' own words come from the server in the language asked
    const diagnostics = await check(view);
    if (state.lang === lang) view.dispatch(setDiagnostics(view.state, diagnostics));
  }
  await evaluate();
}

async function load(id) {
  const { status, data } = await api("GET", `/v1/rulebooks/${encodeURIComponent(id)}/source`);
  if (status !== 200) return;
  state.answers = {};
  state.explained.clear();
  setText(data);
}

async function start() {
  const words = await fetch("/v1/playground/words").then((r) => r.json());
  state.words = words;
  const list = await api("GET", "/v1/rulebooks");
  state.rulebooks = list.data.rulebooks || [];
  for (const lang of LANGS) {
    $("#langs").append(el("button", { type: "button", "data-lang": lang, lang: HTML_LANG[lang], onclick: () => switchLanguage(lang) },
      w(`playground-lang-${lang}`)));
  }
  $("#format").addEventListener("click", format);
  $("#case-form").addEventListener("submit", (e) => e.preventDefault());
  $("#clear").addEventListener("click", () => { state.answers = {}; renderForm(); scheduleEvaluate(); });
  $("#rulebook").addEventListener("change", (e) => load(e.target.value));
  renderWords();
  if (state.rulebooks.length) await load(state.rulebooks[0].id);
  document.body.dataset.ready = "true";
}

start();
