// Draws the portal's default link-preview image, public/obrazy/poradnik-mieszkanca.png
// (1200×630, the size Open Graph scrapers expect), with the system's Chromium. Run by hand when
// the design changes (node scripts/og-image.mjs); the PNG is committed.
import { chromium } from "playwright-core";
import { fileURLToPath } from "node:url";

const out = fileURLToPath(new URL("../public/obrazy/poradnik-mieszkanca.png", import.meta.url));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium" });
const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
await page.setContent(`<!doctype html><html lang="pl"><body style="margin:0;width:1200px;height:630px;
  display:flex;flex-direction:column;justify-content:center;padding:0 96px;box-sizing:border-box;
  background:#0a539b;color:#fff;font-family:'DejaVu Sans',Arial,sans-serif">
  <p style="margin:0 0 24px;font-size:36px;opacity:.9">Wrocław · wroclaw.pl</p>
  <h1 style="margin:0 0 32px;font-size:88px;line-height:1.05">Poradnik Mieszkańca</h1>
  <p style="margin:0;font-size:36px;line-height:1.35;max-width:960px">Odpowiedzi na codzienne pytania: zdrowie, rodzina, dokumenty, transport, odpady, podatki</p>
  </body></html>`);
await page.screenshot({ path: out });
await browser.close();
console.log(`wrote ${out}`);
