// After `trunk build`: turns dist/ into what a CDN serves and any page can embed.
// - Two bundles of the same app: the reading pages' (poradnik-<hash>.js and _bg.wasm, built by
//   Trunk) and the question form's (formularz-<hash>.*, every page plus the form, built by
//   scripts/build-form-bundle.sh just before this script).
// - dist/poradnik.js: the one script a page includes (stable name, short cache). It picks the
//   form's bundle when the address is the form's ({base}zglos-pytanie, or ?faq=/zglos-pytanie in
//   query routing), else the reading one; loads the hashed stylesheet, JS glue and WebAssembly
//   relative to its own URL, with subresource integrity; and starts the app; no globals.
// - dist/index.html (and 404.html, and zglos-pytanie.html with the form's bundle): Trunk's inline
//   loader script replaced by that external loader, so a strict CSP without 'unsafe-inline' holds.
//   They are the shells the publish step (src/publish/) fills with each page.
// - dist/_headers: the cache, type and CORS headers for each kind of file (Netlify / Cloudflare
//   Pages format; the README gives the same set for other CDNs).
// - both bundles' JS glue minified with terser.
// Usage: node scripts/finish-dist.mjs dist   (HOST_ORIGIN=https://www.wroclaw.pl by default)
import { existsSync, readFileSync, writeFileSync, readdirSync } from "node:fs";
import { withDevIntake } from "./dev-intake.mjs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { minify } from "terser";

const dist = process.argv[2] ?? "dist";
const hostOrigin = process.env.HOST_ORIGIN ?? "https://www.wroclaw.pl";
// The standalone pages may connect only to their own origin and to these (the data's and the
// question form's endpoint's, when they live elsewhere), and be framed only by these.
const connectOrigins = (process.env.CONNECT_ORIGINS ?? "").split(/\s+/).filter(Boolean);
const frameAncestors = process.env.FRAME_ANCESTORS ?? "'self'";
for (const origin of connectOrigins) {
  if (!/^https?:\/\/[^/\s;,']+$/.test(origin)) throw new Error(`CONNECT_ORIGINS: ${origin} is not an origin (https://host[:port])`);
}
const names = readdirSync(dist);
const cssName = names.find((n) => /^poradnik-[0-9a-f]+\.css$/.test(n));
if (!cssName) throw new Error(`no stylesheet poradnik-<hash>.css in ${dist}`);
// The stylesheet inlined into the site's own pages (one round trip less before the first paint
// of a published page on a slow phone), allowed by its hash: the same in every page.
const cssText = readFileSync(join(dist, cssName), "utf8");
const cssHash = "sha256-" + createHash("sha256").update(cssText).digest("base64");
const csp = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  `style-src 'self' '${cssHash}'`,
  "img-src 'self' data:",
  ["connect-src 'self'", ...connectOrigins].join(" "),
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  `frame-ancestors ${frameAncestors}`,
].join("; ");
const find = (re) => {
  const found = names.filter((n) => re.test(n));
  if (found.length !== 1) throw new Error(`expected one file matching ${re} in ${dist}, found ${found.join(", ") || "none"}`);
  return found[0];
};
const bundle = (bin) => ({ js: find(new RegExp(`^${bin}-[0-9a-f]+\\.js$`)), wasm: find(new RegExp(`^${bin}-[0-9a-f]+_bg\\.wasm$`)) });
const bundles = { poradnik: bundle("poradnik"), formularz: bundle("formularz") };
const css = find(/^poradnik-[0-9a-f]+\.css$/);
const sri = (name) => "sha384-" + createHash("sha384").update(readFileSync(join(dist, name))).digest("base64");

// wasm-bindgen's JS glue, minified (Trunk leaves it as written): about a third of its gzip size.
// Its file name keeps its hash; the integrity hashes below are of the minified file.
const glueBefore = sri(bundles.poradnik.js);
for (const { js } of Object.values(bundles)) {
  const glue = await minify(readFileSync(join(dist, js), "utf8"), { module: true, compress: true, mangle: true });
  writeFileSync(join(dist, js), glue.code);
}
const files = [css, ...Object.values(bundles).flatMap((b) => [b.js, b.wasm])];
const integrity = Object.fromEntries(files.map((name) => [name, sri(name)]));

// Kept short (it counts toward both page types): the comments are in this script, not in the file.
// Until the app runs a published page, its FAQ questions open and close all the same (the app's
// takeover keeps what is open).
// On a published page (content already in the mount element) the bundle's downloads start after
// the first frame, so that they never compete with the page's own first paint.
// The bundle: the form's when the address is the form's, read liberally (a false positive costs
// only the form's larger bundle, which has every page; a false negative, a reload): in query
// routing (data-routing="query", as the app reads it) the faq parameter contains zglos-pytanie,
// else a segment of the path is zglos-pytanie.
// The stylesheet is added unless the page has it already (the site's own pages inline it as
// <style id="pm-css">, to avoid a flash of unstyled content and a round trip); the chosen JS glue is preloaded with its hash so that the
// import uses the checked copy; the WebAssembly is fetched with its hash (same credentials mode as
// the page's preload, so the preloaded response is used). If the app cannot start (no
// WebAssembly, a failed download) or has not started a published page after 20 s (a download
// that hangs), that page stays as it is, every FAQ answer opened and said to be (style/no-app.css;
// the app's takeover, should it come, renders the page anew). The inlined stylesheet counts only
// if the browser applied it (a CDN that rewrote it breaks its hash): else the file is linked.
const loader = `const b=${JSON.stringify(bundles)},c=${JSON.stringify(css)},h=${JSON.stringify(integrity)},u=n=>new URL(n,import.meta.url).href;
const m=document.getElementById("poradnik-mieszkanca");if(m&&!m.dataset.assets)m.dataset.assets=u(".");
const o=()=>{if(!m||m.dataset.app)return;m.classList.add("pm-bez-aplikacji");for(const e of m.querySelectorAll(".pm-faq-accordion__button"))e.setAttribute("aria-expanded","true")};setTimeout(o,2e4);
m?.addEventListener("click",e=>{const t=e.target.closest?.(".pm-faq-accordion__button"),p=t&&document.getElementById(t.getAttribute("aria-controls"));if(!p||m.dataset.app||m.classList.contains("pm-bez-aplikacji"))return;const x=t.getAttribute("aria-expanded")!=="true";t.setAttribute("aria-expanded",x);x?p.removeAttribute("hidden"):p.setAttribute("hidden","until-found")});
const q=m?.dataset.routing?.trim()==="query",f=(q?(new URLSearchParams(location.search).get("faq")??"").includes("zglos-pytanie"):location.pathname.split("/").includes("zglos-pytanie"))?b.formularz:b.poradnik;
const l=a=>{const e=document.createElement("link");for(const k in a)e.setAttribute(k,a[k]);document.head.append(e)};
if(!document.getElementById("pm-css")?.sheet&&![...document.querySelectorAll("link[rel=stylesheet]")].some(e=>e.href===u(c)))l({rel:"stylesheet",href:u(c),integrity:h[c],crossorigin:"anonymous"});
if(m?.querySelector(":scope>.pm-app"))await new Promise(r=>requestAnimationFrame(()=>setTimeout(r)));
l({rel:"modulepreload",href:u(f.js),integrity:h[f.js],crossorigin:"anonymous"});
try{const{default:init}=await import(u(f.js));
await init({module_or_path:fetch(u(f.wasm),{integrity:h[f.wasm]})})}catch(e){o();throw e}
`;
writeFileSync(join(dist, "poradnik.js"), loader);

// index.html: no inline script; the loader instead.
const indexPath = join(dist, "index.html");
let html = readFileSync(indexPath, "utf8");
const inline = /<script type="?module"?>[\s\S]*?<\/script>\s*/g;
if (!inline.test(html)) throw new Error("Trunk's inline loader script was not found in index.html");
html = html.replace(inline, "");
html = html.replace(glueBefore, integrity[bundles.poradnik.js]);
html = html.replace("</head>", `<script type="module" src="/poradnik.js"></script></head>`);
const cssLink = new RegExp(`<link[^>]*\\bhref="?/${cssName.replace(".", "\\.")}"?[^>]*>`);
if (!cssLink.test(html)) throw new Error(`index.html does not link ${cssName}`);
html = html.replace(cssLink, () => `<style id="pm-css">${cssText}</style>`);
// `trunk serve` (make serve) adds its live-reload script, inline, its address filled in when it is
// served; `trunk build`, whose output the CDN gets, never does. Anything else inline is an error.
const liveReload = /<script>(?:(?!<\/script>)[\s\S])*\{\{__TRUNK_ADDRESS__\}\}(?:(?!<\/script>)[\s\S])*<\/script>/;
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html.replace(liveReload, ""))) throw new Error("an inline script is left in index.html");
if ((html.match(/<style\b/g) ?? []).length !== 1 || /\sstyle=/.test(html)) throw new Error("index.html has inline style other than the hashed stylesheet");
// `make serve` only: the pages send questions and votes to the development intake
// (scripts/intake.mjs), which DEV_INTAKE names; a production build (make dist) never has it.
html = withDevIntake(html);
writeFileSync(indexPath, html);
writeFileSync(join(dist, "404.html"), html);
const demoPath = join(dist, "demo", "wroclaw.html");
if (process.env.DEV_INTAKE && existsSync(demoPath)) {
  writeFileSync(demoPath, withDevIntake(readFileSync(demoPath, "utf8")).replace("connect-src 'self'", `connect-src 'self' ${process.env.DEV_INTAKE}`));
}
// zglos-pytanie.html: the form's address as its own page, which preloads the form's bundle instead
// of the reading one, so that opening the form downloads one bundle, not both. Static hosts
// (Netlify, Cloudflare Pages, GitHub Pages) serve /zglos-pytanie from it without a rewrite rule.
const swap = (text, from, to) => {
  if (!text.includes(from)) throw new Error(`index.html does not name ${from}`);
  return text.replaceAll(from, to);
};
let formHtml = html;
for (const kind of ["js", "wasm"]) {
  formHtml = swap(formHtml, bundles.poradnik[kind], bundles.formularz[kind]);
  // The preloads' hashes, where the page has them.
  formHtml = formHtml.replaceAll(integrity[bundles.poradnik[kind]], integrity[bundles.formularz[kind]]);
}
writeFileSync(join(dist, "zglos-pytanie.html"), formHtml);

const immutable = "public, max-age=31536000, immutable";
const cors = `Access-Control-Allow-Origin: ${hostOrigin}\n  Vary: Origin`;
writeFileSync(
  join(dist, "_headers"),
  `# Headers for the CDN (Netlify / Cloudflare Pages "_headers" format), written by
# scripts/finish-dist.mjs. Hashed files never change: cached for a year. The loader and the
# pages are revalidated on every use (ETag). The data is fresh for a minute and may be served
# stale while revalidating or when the origin fails. CORS lets ${hostOrigin} load module
# scripts, the WebAssembly and the data.

/poradnik-*.wasm
  Cache-Control: ${immutable}
  Content-Type: application/wasm
  ${cors}

/poradnik-*.js
  Cache-Control: ${immutable}
  Content-Type: text/javascript; charset=utf-8
  ${cors}

/formularz-*.wasm
  Cache-Control: ${immutable}
  Content-Type: application/wasm
  ${cors}

/formularz-*.js
  Cache-Control: ${immutable}
  Content-Type: text/javascript; charset=utf-8
  ${cors}

/poradnik-*.css
  Cache-Control: ${immutable}
  Content-Type: text/css; charset=utf-8
  ${cors}

/poradnik.js
  Cache-Control: no-cache
  Content-Type: text/javascript; charset=utf-8
  ${cors}

/data/*
  Cache-Control: public, max-age=60, stale-while-revalidate=600, stale-if-error=86400
  Content-Type: application/json; charset=utf-8
  ${cors}

/dane/*
  Cache-Control: public, max-age=60, stale-while-revalidate=600, stale-if-error=86400
  Content-Type: application/json; charset=utf-8
  ${cors}

/indeks/spis.json
  Cache-Control: no-cache
  Content-Type: application/json; charset=utf-8
  ${cors}

/indeks/:build/*
  Cache-Control: ${immutable}
  ${cors}

/
  Cache-Control: no-cache

/index.html
  Cache-Control: no-cache

/404.html
  Cache-Control: no-cache

/zglos-pytanie
  Cache-Control: no-cache

/zglos-pytanie.html
  Cache-Control: no-cache

/szukaj
  Cache-Control: no-cache

/kategoria/*
  Cache-Control: no-cache

/pytanie/*
  Cache-Control: no-cache

/fragmenty/*
  Cache-Control: no-cache
  ${cors}

/sitemap.xml
  Cache-Control: no-cache

/bez-aplikacji.css
  Cache-Control: no-cache

# Every page of the standalone site: a strict policy; the app needs no inline script or style,
# only 'wasm-unsafe-eval' for WebAssembly; it connects to its own origin and CONNECT_ORIGINS only.
/*
  Content-Security-Policy: ${csp}
  X-Content-Type-Options: nosniff
  Referrer-Policy: strict-origin-when-cross-origin
`,
);
// bez-aplikacji.css: style/no-app.css without its class, which the published pages link inside
// <noscript> (the app, and the loader when the app cannot start, set the class instead).
const noApp = readFileSync(new URL("../style/no-app.css", import.meta.url), "utf8");
if (!noApp.includes(".pm-bez-aplikacji")) throw new Error("style/no-app.css does not name .pm-bez-aplikacji");
writeFileSync(join(dist, "bez-aplikacji.css"), noApp.replaceAll(".pm-bez-aplikacji", ""));
const list = (b) => `${b.js}, ${b.wasm}`;
console.log(`finish-dist: poradnik.js (loads ${css} and ${list(bundles.poradnik)}, or on the form's address ${list(bundles.formularz)}), index.html without inline script, _headers`);
