// The playground in a real browser (issue 18): headless Chromium (Debian's
// /usr/bin/chromium) driven by puppeteer-core through the page as a person
// uses it, against `redress serve --playground` on 127.0.0.1 (a port the OS
// picks). Screenshots go to target/playground-screenshots/. Every step has a
// timeout; the server and the browser are killed at the end, also on failure,
// and a watchdog ends the whole run after 120 s.

import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import puppeteer from "puppeteer-core";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../../..");
const redress = process.env.REDRESS_BIN || resolve(root, "target/debug/redress");
const chromium = process.env.CHROMIUM || "/usr/bin/chromium";
const shots = resolve(root, "target/playground-screenshots");
const STEP = 20_000; // ms, each wait

mkdirSync(shots, { recursive: true });

let server;
let browser;
const cleanup = async () => {
  if (browser) await browser.close().catch(() => {});
  if (server && server.exitCode === null) server.kill("SIGKILL");
};
const watchdog = setTimeout(async () => {
  console.error("FAIL: the browser test took more than 120 s");
  await cleanup();
  process.exit(1);
}, 120_000);

function startServer() {
  return new Promise((ok, fail) => {
    server = spawn(redress, [
      "serve", "--playground", "--addr", "127.0.0.1:0", "--log-level", "warn",
      resolve(root, "rulebooks/example/example.rules"),
      resolve(root, "rulebooks/cn-online-shopping/cn-online-shopping.rules"),
    ], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    server.stdout.on("data", (chunk) => {
      out += chunk;
      const m = out.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      if (m) ok(m[1]);
    });
    server.on("exit", (code) => fail(new Error(`redress serve exited with ${code} before listening`)));
    setTimeout(() => fail(new Error("redress serve did not print its address within 30 s")), 30_000);
  });
}

let passed = 0;
async function step(name, body) {
  process.stdout.write(`  ${name} … `);
  await body();
  passed += 1;
  console.log("ok");
}

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

async function shot(page, name, fullPage = false) {
  await page.screenshot({ path: resolve(shots, name), fullPage });
}

async function main() {
  const base = await startServer();
  const origin = new URL(base).origin;
  browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--lang=zh-CN", "--no-first-run", "--no-default-browser-check",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 1000 });
  page.setDefaultTimeout(STEP);

  // no request leaves 127.0.0.1: every other one is recorded and aborted
  const outside = [];
  const errors = [];
  await page.setRequestInterception(true);
  page.on("request", (request) => {
    const url = request.url();
    if (url.startsWith(`${origin}/`) || url.startsWith("data:")) request.continue();
    else {
      outside.push(url);
      request.abort();
    }
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("response", (r) => { if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`); });

  await step("the page loads a shipped rulebook, in Chinese first", async () => {
    await page.goto(`${base}/`, { waitUntil: "load" });
    await page.waitForSelector("body[data-ready=true]");
    await page.waitForFunction(() => document.querySelector(".cm-content").textContent.includes("rulebook"));
    await page.waitForFunction(() => document.querySelectorAll("#case-form .field").length >= 5);
    const lang = await page.$eval("html", (h) => h.lang);
    assert(lang === "zh-Hans", `html lang is ${lang}`);
    const title = await page.$eval("h1", (h) => h.textContent);
    assert(title === "redress 规则集试验场", `the heading is ${title}`);
    const options = await page.$$eval("#rulebook option", (os) => os.map((o) => o.textContent));
    assert(options.length === 2 && options[0] === "示例：网购救济", `the picker offers ${options}`);
    // highlighting: keywords and strings get CodeMirror's highlight classes
    const classes = await page.$$eval(".cm-content span", (s) => new Set(s.map((x) => x.className)).size);
    assert(classes >= 5, `only ${classes} kinds of highlighted token`);
    await page.waitForFunction(() => document.querySelector("#outcome-body").textContent.length > 0);
    const undetermined = await page.$eval("#outcome-body", (o) => o.textContent);
    assert(undetermined.includes("尚未确定"), "the empty case lists undetermined remedies");
    await shot(page, "01-loaded.png");
  });

  await step("a mistake in the text is underlined as you type, at the right place after CJK text", async () => {
    await page.click(".cm-content");
    await page.keyboard.down("Control");
    await page.keyboard.press("End");
    await page.keyboard.up("Control");
    await page.keyboard.type('\ndefine typo as consumer.location = "上海🙂" and consumer.decieved\n');
    await page.waitForSelector(".cm-lintRange-error", { timeout: STEP });
    const underlined = await page.$eval(".cm-lintRange-error", (e) => e.textContent);
    assert(underlined === "consumer.decieved", `the underline covers ${JSON.stringify(underlined)}`);
    const status = await page.$eval("#status", (s) => s.textContent);
    assert(status.includes("错误 1 个"), `the status says ${status}`);
    await page.waitForSelector("#broken:not([hidden])");
    await page.hover(".cm-lintRange-error");
    await page.waitForSelector(".cm-tooltip-lint");
    const tooltip = await page.$eval(".cm-tooltip-lint", (t) => t.textContent);
    assert(tooltip.includes("`consumer.decieved`") && tooltip.includes("redress::undefined_fact"),
      `the tooltip says ${tooltip}`);
    await shot(page, "02-diagnostic.png");
  });

  await step("its quick fix corrects it and the underline goes", async () => {
    await page.click(".cm-tooltip-lint .cm-diagnosticAction");
    await page.waitForFunction(() => !document.querySelector(".cm-lintRange-error"));
    await page.waitForFunction(() => document.querySelector(".cm-content").textContent.includes("and consumer.deceived"));
    await page.waitForSelector("#broken[hidden]");
  });

  await step("a diagnostic speaks the page's language, and again after switching it", async () => {
    await page.click(".cm-content");
    await page.keyboard.down("Control");
    await page.keyboard.press("End");
    await page.keyboard.up("Control");
    const typed = "\nfact typo.mark： yes/no\n";
    await page.keyboard.type(typed);
    await page.waitForSelector(".cm-lintRange-error", { timeout: STEP });
    await page.hover(".cm-lintRange-error");
    await page.waitForSelector(".cm-tooltip-lint");
    const zh = await page.$eval(".cm-tooltip-lint", (t) => t.textContent);
    assert(zh.includes("这是全角冒号 `：`；请使用 `:`") && zh.includes("redress::full_width_punctuation"),
      `the tooltip says ${zh}`);
    await page.click('#langs button[data-lang="en"]');
    await page.waitForFunction(() => document.documentElement.lang === "en");
    await page.mouse.move(0, 0);
    await page.waitForFunction(() => !document.querySelector(".cm-tooltip-lint"));
    await page.hover(".cm-lintRange-error");
    await page.waitForFunction(() => (document.querySelector(".cm-tooltip-lint") || {}).textContent?.includes("this is a full-width colon"),
      { timeout: STEP });
    await page.click('#langs button[data-lang="zh"]');
    await page.waitForFunction(() => document.documentElement.lang === "zh-Hans");
    await page.mouse.move(0, 0);
    await page.waitForFunction(() => !document.querySelector(".cm-tooltip-lint"));
    await page.hover(".cm-lintRange-error");
    await page.waitForFunction(() => (document.querySelector(".cm-tooltip-lint") || {}).textContent?.includes("这是全角冒号"),
      { timeout: STEP });
    // take the line out again: the text is as it was
    await page.mouse.move(0, 0);
    await page.click(".cm-content");
    await page.keyboard.down("Control");
    await page.keyboard.press("End");
    await page.keyboard.up("Control");
    await page.keyboard.down("Shift");
    for (let i = 0; i < typed.length; i++) await page.keyboard.press("ArrowLeft");
    await page.keyboard.up("Shift");
    await page.keyboard.press("Backspace");
    await page.waitForFunction(() => !document.querySelector(".cm-lintRange-error"));
    await page.waitForSelector("#broken[hidden]");
  });

  await step("filling the form makes a remedy apply, with its amount and legal basis", async () => {
    await page.select("#fact-consumer_deceived", "true");
    await page.type("#fact-items_count", "1");
    await page.type("#fact-purchase_price", "120");
    await page.$eval("#fact-dispute_date", (input) => {
      input.value = "2024-05-06";
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
    const card = 'article.remedy.applies[data-remedy="punitive_damages_fraud"]';
    await page.waitForSelector(card);
    const text = await page.$eval(card, (c) => c.textContent);
    assert(text.includes("欺诈惩罚性赔偿") && text.includes("500.00 元") && text.includes("中华人民共和国消费者权益保护法第55条"),
      `the remedy reads ${text}`);
    assert(text.includes("消费者受到欺诈：是"), `the deciding facts read ${text}`);
    await shot(page, "03-outcome.png");
  });

  await step("explain opens the explanation in the chosen language", async () => {
    await page.click('article[data-remedy="punitive_damages_fraud"] button.explain');
    await page.waitForSelector('article[data-remedy="punitive_damages_fraud"] .explanation .rule');
    const text = await page.$eval('article[data-remedy="punitive_damages_fraud"] .explanation', (e) => e.textContent);
    assert(text.includes("消费者受到欺诈 = 是") && text.includes("成立"), `the explanation reads ${text}`);
    await shot(page, "04-explain.png");
  });

  await step("a rule set aside by an exception, and a remedy whose deadline has passed", async () => {
    await page.select("#fact-purchase_channel", "online_platform");
    await page.select("#fact-goods_category", "custom_made");
    const overridden = 'section.overridden article[data-remedy="return_without_reason"]';
    await page.waitForSelector(overridden);
    const text = await page.$eval(overridden, (c) => c.textContent);
    // the exception by its title (by_titles), never by its internal name
    assert(text.includes("七日无理由退货") && text.includes("被 定做或者鲜活易腐的商品不适用无理由退货 排除")
      && !text.includes("custom_made_goods"), `the overridden rule reads ${text}`);
    await page.select("#fact-goods_category", "general");
    await page.select("#fact-goods_unsuitable_for_return_confirmed", "false");
    await page.$eval("#fact-goods_received_date", (input) => {
      input.value = "2024-04-01";
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
    const expired = 'section.expired article[data-remedy="return_without_reason"]';
    await page.waitForSelector(expired);
    const late = await page.$eval(expired, (c) => c.textContent);
    assert(late.includes("期限") && late.includes("2024-04-08"), `the expired remedy reads ${late}`);
    const heading = await page.$eval("section.expired h2", (h) => h.textContent);
    assert(heading === "适用，但期限已过", `the heading is ${heading}`);
    await shot(page, "05-overridden-expired.png");
  });

  await step("English re-renders the page, the form and the outcome", async () => {
    await page.click('#langs button[data-lang="en"]');
    await page.waitForFunction(() => document.documentElement.lang === "en");
    await page.waitForFunction(() => document.querySelector('article[data-remedy="punitive_damages_fraud"] h3')?.textContent === "Punitive damages for fraud");
    await page.waitForFunction(() => document.querySelector('article[data-remedy="punitive_damages_fraud"] .explanation')?.textContent.includes("Consumer deceived"));
    const title = await page.$eval("h1", (h) => h.textContent);
    assert(title === "redress playground", `the heading is ${title}`);
    const question = await page.$eval('label[for="fact-consumer_deceived"]', (l) => l.textContent);
    assert(question.includes("Were you deceived by the seller?"), `the question reads ${question}`);
    const card = await page.$eval('article[data-remedy="punitive_damages_fraud"]', (c) => c.textContent);
    assert(card.includes("500.00 yuan") && card.includes("Consumer Rights and Interests, art. 55"), `the remedy reads ${card}`);
    const status = await page.$eval("#status", (s) => s.textContent);
    assert(status === "Errors: 0, warnings: 1", `the status says ${status}`);
    const kept = await page.$eval("#fact-consumer_deceived", (s) => s.value);
    assert(kept === "true", "the answers stay when the language changes");
    await shot(page, "06-english.png");
    await page.click('#langs button[data-lang="zh"]');
    await page.waitForFunction(() => document.querySelector('label[for="fact-consumer_deceived"]').textContent.includes("您是否受到卖家欺诈？"));
  });

  await step("Format lays the text out as redress fmt does", async () => {
    await page.click(".cm-content");
    await page.keyboard.down("Control");
    await page.keyboard.press("End");
    await page.keyboard.up("Control");
    await page.keyboard.type("\n\n\n\n");
    await page.click("#format");
    await page.waitForFunction(() => document.querySelector("#status").textContent === "已排版。");
    const tail = await page.$eval(".cm-content", (c) => c.textContent.slice(-20));
    assert(tail.endsWith("consumer.deceived"), `the text ends ${JSON.stringify(tail)}`);
  });

  await step("a phone screen stacks the panes without horizontal scrolling", async () => {
    // a change to a mobile viewport reloads the page, as opening it on a phone would
    await page.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await page.waitForSelector("body[data-ready=true]");
    await page.waitForFunction(() => document.querySelectorAll("#case-form .field").length >= 5);
    await page.waitForFunction(() => document.querySelector("#outcome-body").textContent.length > 0);
    await page.select("#fact-consumer_deceived", "true");
    await page.waitForFunction(() => {
      const card = document.querySelector('article[data-remedy="punitive_damages_fraud"]');
      return card && !card.textContent.includes("您是否受到卖家欺诈");
    });
    await page.waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth);
    const layout = await page.evaluate(() => {
      const box = (s) => {
        const r = document.querySelector(s).getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
      };
      return { editor: box(".editor-pane"), form: box(".case-pane"), outcome: box(".outcome-pane"),
        width: document.documentElement.scrollWidth, inner: window.innerWidth,
        small: [...document.querySelectorAll("button, select, input[type=text], input[type=date]")]
          .filter((e) => e.getBoundingClientRect().height > 0 && e.getBoundingClientRect().height < 44).length };
    });
    assert(layout.form.top >= layout.editor.bottom && layout.outcome.top >= layout.form.bottom, `the panes do not stack: ${JSON.stringify(layout)}`);
    assert(layout.width <= layout.inner, `the page is ${layout.width} px wide on a ${layout.inner} px screen`);
    assert(layout.small === 0, `${layout.small} controls are smaller than 44 px`);
    await shot(page, "07-phone.png", true);
  });

  await step("the keyboard reaches the controls, and every form field has a label", async () => {
    await page.setViewport({ width: 1400, height: 1000 }); // reloads: back from a phone
    await page.waitForSelector("body[data-ready=true]");
    await page.waitForFunction(() => document.querySelectorAll("#case-form .field").length >= 5);
    const fields = await page.$$eval("#case-form input, #case-form select", (inputs) => inputs.length);
    assert(fields >= 10, `${fields} form fields`);
    const unlabelled = await page.$$eval("#case-form input, #case-form select", (inputs) => inputs.filter((i) => {
      if (i.type === "checkbox") return !i.closest("label");
      return !document.querySelector(`label[for="${i.id}"]`);
    }).length);
    assert(unlabelled === 0, `${unlabelled} form fields have no label`);
    await page.focus("#rulebook");
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement.dataset.lang);
    assert(focused === "zh", `Tab after the picker goes to ${focused}`);
  });

  await step("the other shipped rulebook: its set-valued fact as tick boxes", async () => {
    const before = await page.$eval("#outcome-body", (o) => o.textContent);
    await page.select("#rulebook", "cn-online-shopping");
    await page.waitForSelector("#case-form fieldset#fact-problem_kinds");
    await page.waitForFunction((b) => document.querySelector("#outcome-body").textContent !== b, {}, before);
    const boxes = await page.$$eval("#fact-problem_kinds input[type=checkbox]", (bs) => bs.length);
    assert(boxes === 10, `${boxes} tick boxes (nine values and none of these)`);
    const labels = await page.$eval("#fact-problem_kinds", (f) => f.textContent);
    assert(labels.includes("质量问题") && labels.includes("都不是"), `the set reads ${labels}`);
    const empty = await page.$eval("#outcome-body", (o) => o.textContent);
    await page.click("#fact-problem_kinds input[value=quality_defect]");
    await page.waitForFunction((b) => document.querySelector("#outcome-body").textContent !== b, {}, empty);
    await shot(page, "08-shopping.png");
  });

  await step("a free-text citation reads in the chosen language, Chinese then English", async () => {
    await page.select("#fact-purchase_channel", "online_platform");
    for (const [id, value] of [["#fact-dispute_date", "2024-05-06"], ["#fact-problem_known_date", "2024-05-01"]]) {
      await page.$eval(id, (input, v) => {
        input.value = v;
        input.dispatchEvent(new Event("input", { bubbles: true }));
      }, value);
    }
    // the remedy cites `cite zh "人民网答问，第1段" en "People's Daily Online answer, para. 1"`
    const card = 'article.remedy.applies[data-remedy="complain_to_local_regulator"]';
    await page.waitForSelector(card);
    const cites = (sel) => page.$$eval(`${sel} dd ul li`, (lis) => lis.map((li) => li.textContent));
    const zh = await cites(card);
    assert(zh.includes("人民网答问，第1段") && !zh.some((c) => c.includes("People's Daily")),
      `the citations read ${JSON.stringify(zh)}`);
    await shot(page, "09-free-text-citation-zh.png");
    await page.click('#langs button[data-lang="en"]');
    await page.waitForFunction(() => document.documentElement.lang === "en");
    await page.waitForFunction((c) => document.querySelector(c)?.textContent.includes("People's Daily Online answer, para. 1"), {}, card);
    const en = await cites(card);
    assert(en.includes("People's Daily Online answer, para. 1") && !en.some((c) => c.includes("人民网")),
      `the citations read ${JSON.stringify(en)}`);
    await shot(page, "10-free-text-citation-en.png");
    await page.click('#langs button[data-lang="zh"]');
    await page.waitForFunction((c) => document.querySelector(c)?.textContent.includes("人民网答问，第1段"), {}, card);
  });

  await step("nothing was requested outside 127.0.0.1, and the page logged no error", async () => {
    assert(outside.length === 0, `requests left the machine: ${outside.join(", ")}`);
    assert(errors.length === 0, `the page logged: ${errors.join(" | ")}`);
  });
}

try {
  await main();
  console.log(`browser: ${passed} steps passed; screenshots in target/playground-screenshots/`);
  await cleanup();
  clearTimeout(watchdog);
} catch (e) {
  console.log("FAILED");
  console.error(e);
  await cleanup();
  clearTimeout(watchdog);
  process.exit(1);
}
