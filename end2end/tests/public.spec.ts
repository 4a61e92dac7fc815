import { test, expect } from "@playwright/test";
import { expectedFigures } from "./db";
import { hydrated } from "./hydrated";

test.describe("public page on a phone", () => {
  test("shows the campaign and the figures the database holds", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "vi");
    await expect(page.locator("h1")).toContainText("Phát động phong trào thi đua đảm bảo trật tự an toàn giao thông");
    await expect(page.locator(".plan-number")).toHaveText("114/KH-UBND");
    await expect(page.locator(".theme q")).toHaveText("Thượng tôn pháp luật về xây dựng văn hoá giao thông an toàn");
    await expect(page.locator(".dates")).toHaveText("05/07/2024 – 31/12/2024");
    await expect(page.locator(".demo-banner")).toContainText("Dữ liệu minh họa");

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
    await page.screenshot({ path: "test-results/public-360.png", fullPage: true });
  });

  test("reads the same with JavaScript turned off", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 780 } });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.locator(".plan-number")).toHaveText("114/KH-UBND");
    await expect(page.locator("tr[data-measure]")).toHaveCount(6);
    await context.close();
  });

  test("switches to English and back, keeping the address", async ({ page }) => {
    await page.goto("/");
    await hydrated(page);
    await page.getByRole("button", { name: "Switch to English" }).click();
    await expect(page.locator("tr[data-measure] th", { hasText: "Road accidents" })).toBeVisible();
    expect(new URL(page.url()).pathname).toBe("/");
    await page.reload();
    await expect(page.locator("tr[data-measure] th", { hasText: "Road accidents" })).toBeVisible();
    await hydrated(page);
    await page.getByRole("button", { name: "Chuyển sang tiếng Việt" }).click();
    await expect(page.locator("tr[data-measure] th", { hasText: "Số vụ tai nạn giao thông" })).toBeVisible();
  });

  test("answers an unknown address with 404 in Vietnamese", async ({ page }) => {
    const resp = await page.goto("/khong-co-trang-nay");
    expect(resp?.status()).toBe(404);
    await expect(page.locator("h1")).toHaveText("Không tìm thấy trang này.");
  });
});
