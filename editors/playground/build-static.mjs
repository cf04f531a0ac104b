// Copies the page and its style sheet beside the bundle (dist/ is what
// `redress serve --playground` embeds).
import { copyFileSync, mkdirSync } from "node:fs";
mkdirSync("dist", { recursive: true });
copyFileSync("src/index.html", "dist/index.html");
copyFileSync("src/playground.css", "dist/playground.css");
