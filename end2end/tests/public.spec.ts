import { test, expect, Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { expectedFigures, onTimeShare, query } from "./db";

const SLUG = "ke-hoach-114-2024";

/** Every target's figure, its baseline and change, as the database has them. */
async function expectFigures(page: Page) {
  const expected = await expectedFigures();
  expect(Object.keys(expected)).toHaveLength(6);
  for (const [measure, f] of Object.entries(expected)) {
    const row = page.locator(`tr[data-measure="${measure}"]`);
    await expect(row.locator("td.current")).toHaveText(String(f.current));
    await expect(row.locator("td.baseline")).toHaveText(String(f.baseline));
    const delta = f.current - f.baseline;
    const sign = delta > 0 ? `+${delta}` : delta < 0 ? `−${-delta}` : "0";
    await expect(row.locator(".delta")).toHaveText(sign);
    if (f.baseline > 0) {
      const pct = ((delta * 100) / f.baseline).toFixed(1).replace("-", "").replace(".", ",");
      await expect(row.locator(".pct")).toHaveText(`${delta > 0 ? "+" : delta < 0 ? "−" : ""}${pct}%`);
    }
  }
  // The demo has one particularly serious accident: that target is not met.
  await expect(page.locator('tr[data-measure="particularly_serious"] .badge')).toHaveText("Chưa đạt");
}

for (const [name, viewport] of [
  ["phone", { width: 360, height: 780 }],
  ["laptop", { width: 1366, height: 768 }],
] as const) {
  test.describe(`the public page on a ${name}`, () => {
    test.use({ viewport });

    test("shows the campaign, the figures and the on-time share the database holds, and passes axe", async ({ page }) => {
      await page.goto("/");
      await expect(page.locator("html")).toHaveAttribute("lang", "vi");
      await expect(page.locator("h1")).toContainText("Phát động phong trào thi đua đảm bảo trật tự an toàn giao thông");
      await expect(page.locator(".plan-number")).toHaveText("114/KH-UBND");
      await expect(page.locator(".theme q")).toHaveText("Thượng tôn pháp luật về xây dựng văn hoá giao thông an toàn");
      await expect(page.locator(".dates")).toHaveText("05/07/2024 – 31/12/2024");
      await expect(page.locator(".demo-banner")).toContainText("Dữ liệu minh họa");
      await expect(page.locator(".updated")).toHaveText(/^Cập nhật lúc \d\d\/\d\d\/\d{4} \d\d:\d\d$/);
      await expectFigures(page);

      const share = await onTimeShare(SLUG);
      expect(share.due).toBeGreaterThan(0);
      const pm = Math.round((share.on_time * 1000) / share.due);
      await expect(page.locator(".on-time-pct")).toHaveText(`${Math.floor(pm / 10)},${pm % 10}%`);
      await expect(page.locator(".on-time")).toContainText(`${share.on_time} trên ${share.due}`);
      await expect(page.locator(".on-time-parts .late")).toHaveText(`Nộp muộn: ${share.late}`);
      await expect(page.locator(".on-time-parts .missing")).toHaveText(`Chưa nộp: ${share.due - share.on_time - share.late}`);

      // The page is the server's HTML plus live.js: no app bundle, no inline data.
      const scripts = await page.locator("script").evaluateAll((s) => s.map((x) => (x as HTMLScriptElement).src || "inline"));
      expect(scripts.map((s) => new URL(s, "http://x").pathname)).toEqual(["/live.js"]);
      // Nothing is wider than the screen.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);

      const axe = await new AxeBuilder({ page }).analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`)).toEqual([]);
      await page.screenshot({ path: `test-results/public-${viewport.width}.png`, fullPage: true });
    });

    test("reads the same with JavaScript turned off", async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: false, viewport });
      const page = await context.newPage();
      await page.goto(`/c/${SLUG}`);
      await expectFigures(page);
      await expect(page.locator(".months-section table tbody tr").first()).toBeVisible();
      await expect(page.locator(".published-section tr[data-unit]").first()).toBeVisible();
      // The language switch is a link: it works without JavaScript and keeps the address.
      await page.getByRole("link", { name: "Switch to English" }).click();
      await expect(page).toHaveURL(new RegExp(`/c/${SLUG}$`));
      await expect(page.locator("tr[data-measure] th", { hasText: "Road accidents" })).toBeVisible();
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
      await page.getByRole("link", { name: "Chuyển sang tiếng Việt" }).click();
      await expect(page.locator("tr[data-measure] th", { hasText: "Số vụ tai nạn giao thông" })).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`/c/${SLUG}$`));
      await context.close();
    });
  });
}

test("a shared link shows a title, a description and an image", async ({ page, request }) => {
  await page.goto("/");
  const meta = (p: string) => page.locator(`meta[property="${p}"]`);
  await expect(page).toHaveTitle(/Kế hoạch|phong trào thi đua/i);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /Thượng tôn pháp luật/);
  await expect(meta("og:title")).toHaveAttribute("content", /phong trào thi đua/);
  await expect(meta("og:url")).toHaveAttribute("content", new RegExp(`^http://127\\.0\\.0\\.1:\\d+/c/${SLUG}$`));
  const image = await meta("og:image").getAttribute("content");
  const res = await request.get(image!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("image/png");
  const png = await res.body();
  // PNG width and height sit at bytes 16..24 of the header.
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  expect(res.headers()["cache-control"]).toContain("max-age=");
});

test("is served compressed from the cache, revalidated by its ETag", async ({ request }) => {
  const first = await request.get("/", { headers: { "accept-encoding": "br" } });
  expect(first.headers()["content-encoding"]).toBe("br");
  const etag = first.headers()["etag"];
  expect(etag).toBeTruthy();
  const again = await request.get("/", { headers: { "accept-encoding": "br", "if-none-match": etag } });
  expect(again.status()).toBe(304);
  expect(again.headers()["etag"]).toBe(etag);
  expect(first.headers()["cache-control"]).toBe("no-cache");
  // A signed-in visitor's page is their own (their links in the header): never from the cache.
  const other = await request.get("/", { headers: { cookie: "thidua_sid=x" } });
  expect(other.headers()["etag"]).toBeUndefined();
  // (That the cache is dropped when a figure changes: live.spec, where a new
  // accident reaches the public page through it.)
});

test("open data: the figures, the published ranking and the reports as CSV and JSON", async ({ request }) => {
  const figures = await (await request.get(`/du-lieu/${SLUG}/so-lieu.json`)).json();
  expect(figures.length % 6).toBe(0);
  for (const r of figures) expect(r.campaign).toBe(SLUG);
  // Each month's rows add up to the page's totals.
  const expected = await expectedFigures();
  for (const [measure, f] of Object.entries(expected)) {
    const rows = figures.filter((r: any) => r.measure === measure);
    expect(rows.reduce((a: number, r: any) => a + r.value, 0)).toBe(f.current);
  }
  const csv = await request.get(`/du-lieu/${SLUG}/so-lieu.csv`);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const lines = (await csv.text()).replace(/^\uFEFF/, "").trim().split("\n");
  expect(lines[0]).toBe("campaign,period,unit,measure,value,baseline_period,baseline_value");
  expect(lines.length - 1).toBe(figures.length);

  const [p] = await query(
    `SELECT p.standings FROM ranking_publications p JOIN campaigns c ON c.id = p.campaign_id
     WHERE c.slug = $1 ORDER BY p.published_at DESC, p.id DESC LIMIT 1`,
    [SLUG],
  );
  const tables: { block_name: string; rows: { unit_name: string; rank: number; score: number }[] }[] = JSON.parse(p.standings).tables;
  const ranking = await (await request.get(`/du-lieu/${SLUG}/xep-hang.json`)).json();
  expect(ranking.length).toBe(tables.reduce((a, t) => a + t.rows.length, 0));
  for (const t of tables)
    for (const r of t.rows) {
      const row = ranking.find((x: any) => x.unit === r.unit_name && x.block === t.block_name);
      expect(row.rank).toBe(r.rank);
      expect(row.score).toBeCloseTo(r.score, 2);
    }

  const reports = await (await request.get(`/du-lieu/${SLUG}/bao-cao.json`)).json();
  const share = await onTimeShare(SLUG);
  expect(reports.filter((r: any) => r.status === "on_time").length).toBe(share.on_time);
  expect(reports.filter((r: any) => r.status === "late").length).toBe(share.late);
  expect((await request.get(`/du-lieu/${SLUG}/khong-co.json`)).status()).toBe(404);
  expect((await request.get(`/du-lieu/khong-co/so-lieu.json`)).status()).toBe(404);
});

test("answers an unknown address with 404 in Vietnamese", async ({ page }) => {
  const resp = await page.goto("/khong-co-trang-nay");
  expect(resp?.status()).toBe(404);
  await expect(page.locator("h1")).toHaveText("Không tìm thấy trang này.");
});
