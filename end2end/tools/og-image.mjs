// Draws style/public/og.png, the 1200×630 picture that Zalo and Facebook show
// for a shared link, from the HTML below in Debian's Chromium. Run it again
// after changing the text: `node end2end/tools/og-image.mjs` (from the repo).
import { chromium } from "@playwright/test";
import path from "path";
import { fileURLToPath } from "url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const html = `<!doctype html><html lang="vi"><meta charset="utf-8"><style>
  body { margin: 0; width: 1200px; height: 630px; display: flex; flex-direction: column; justify-content: center;
         padding: 0 90px; box-sizing: border-box; font-family: "Noto Sans", sans-serif;
         background: linear-gradient(135deg, #0b4f8a 0%, #083a66 100%); color: #fff; }
  .mark { align-self: flex-start; background: #ffd24d; color: #3a2a00; border-radius: 14px; padding: 8px 22px;
          font-weight: 800; font-size: 44px; letter-spacing: 4px; }
  h1 { font-size: 76px; line-height: 1.1; margin: 36px 0 18px; }
  p { font-size: 36px; margin: 0; color: #dce8f4; line-height: 1.35; }
  .stripe { position: absolute; left: 0; right: 0; bottom: 0; height: 22px;
            background: repeating-linear-gradient(90deg, #ffd24d 0 60px, #14202b 60px 120px); }
</style><body><span class="mark">ATGT</span><h1>Thi đua đảm bảo<br>trật tự an toàn giao thông</h1>
<p>Số liệu tai nạn so với cùng kỳ, bảng xếp hạng chính thức và danh sách biểu dương — cập nhật trực tiếp.</p>
<div class="stripe"></div></body></html>`;

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
await page.setContent(html);
await page.screenshot({ path: path.join(root, "style/public/og.png") });
await browser.close();
