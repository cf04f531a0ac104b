// The rulebook language for CodeMirror's StreamLanguage: the same token
// classes as editors/vscode's TextMate grammar (keywords, declared names,
// remedy phrases after `=>`, law ids after `cite`, strings, dates, money,
// numbers, comments; names in any script, CJK included).

const DECLARATIONS = /^(rulebook|law|fact|define|remedy|rule|exception)(?![\p{L}\p{N}_])/u;
const TYPES = /^(yes\/no|number|money|date|text)(?![\p{L}\p{N}_.])/u;
const BOOLS = new Set(["yes", "no"]);
const OPERATOR_WORDS = new Set(["and", "or", "not", "is", "one", "some", "of", "includes", "does", "include",
  "any", "all", "none", "if", "then", "else", "max", "min"]);
const KEYWORDS = new Set(["title", "jurisdiction", "version", "effective", "languages", "as", "calendar", "currency",
  "question", "label", "value", "category", "phrase", "param", "amount", "up", "to", "deadline", "cite", "article",
  "in", "force", "from", "until", "when", "working", "day", "days", "week", "weeks", "month", "months", "year",
  "years"]);
const NAME = /^[\p{L}_][\p{L}\p{N}_]*(?:\.[\p{L}_][\p{L}\p{N}_]*)*/u;
const DATE = /^\d{4}-\d{2}-\d{2}(?!\d)/;
const MONEY_PREFIX = /^[¥￥€]\s*\d+(?:\.\d+)?/;
const MONEY_SUFFIX = /^\d+(?:\.\d+)?\s*(?:yuan(?![\p{L}\p{N}_])|元|€|[A-Z]{3}(?![\p{L}\p{N}_]))/u;
const NUMBER = /^\d+(?:\.\d+)?/;
const OPERATOR = /^(<=|>=|!=|=>|=|<|>|\+|-|\*|\/|\(|\)|,|:)/;

function string(stream, state) {
  while (!stream.eol()) {
    const c = stream.next();
    if (c === "\\") {
      stream.next();
    } else if (c === '"') {
      state.inString = false;
      return "string";
    }
  }
  state.inString = false; // a string ends at the end of its line
  return "string";
}

/** The tokenizer: `token(stream, state)` returns a highlighting tag name. */
export const redress = {
  name: "redress",
  startState: () => ({ inString: false, conclusion: false, expect: null }),
  token(stream, state) {
    if (stream.sol()) {
      state.conclusion = false;
      state.expect = null;
    }
    if (state.inString) return string(stream, state);
    if (stream.eatSpace()) return null;
    if (stream.match("#")) {
      stream.skipToEnd();
      return "comment";
    }
    if (stream.peek() === '"') {
      stream.next();
      state.inString = true;
      return string(stream, state);
    }
    if (stream.sol() || stream.column() === 0) {
      const m = stream.match(DECLARATIONS);
      if (m) {
        state.expect = m[1] === "exception" ? "exception" : "name";
        return "keyword";
      }
    }
    if (stream.match("=>")) {
      state.conclusion = true;
      return "operator";
    }
    if (stream.match(DATE)) return "literal";
    if (stream.match(MONEY_PREFIX) || stream.match(MONEY_SUFFIX)) return "number";
    if (stream.match(NUMBER)) return "number";
    if (!state.conclusion && stream.match(TYPES)) return "typeName";
    const m = stream.match(NAME);
    if (m) {
      const word = m[0];
      const expect = state.expect;
      state.expect = null;
      if (state.conclusion) return "function";
      if (expect === "name") return "definition";
      if (expect === "exception") {
        state.expect = "to";
        return "definition";
      }
      if (expect === "law") return "namespace";
      if (word === "cite") {
        state.expect = "law";
        return "keyword";
      }
      if (BOOLS.has(word)) return "bool";
      if (OPERATOR_WORDS.has(word)) return "operatorKeyword";
      if (KEYWORDS.has(word)) return "keyword";
      return "variableName";
    }
    if (stream.match(OPERATOR)) return "operator";
    stream.next();
    return null;
  },
  languageData: { commentTokens: { line: "#" } },
};
