import { test, expect } from "@playwright/test";
import { hydrated } from "./hydrated";
import { signIn } from "./session";

test.use({ viewport: { width: 1366, height: 768 }, isMobile: false, hasTouch: false });

test("the office creates a meeting-room screen link, which opens the dashboard and nothing else, until revoked", async ({ page, browser }) => {
  await signIn(page, "thuongtruc");
  await page.getByRole("link", { name: "Màn hình phòng họp" }).click();
  await hydrated(page);
  await page.getByLabel("Tên màn hình").fill("Phòng họp tầng 2");
  await page.getByRole("button", { name: "Tạo" }).click();
  const link = (await page.locator("code.display-link").textContent())!.trim();
  expect(link).toMatch(/\/man-hinh\/[0-9a-f]{64}$/);

  const tv = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const screen = await tv.newPage();
  await screen.goto(link);
  await expect(screen).toHaveURL(/\/man-hinh$/);
  await expect(screen.locator(".dash-head h1")).toContainText("Phát động phong trào thi đua");
  await expect(screen.locator("tr[data-measure]")).toHaveCount(6);
  await screen.screenshot({ path: "test-results/dashboard-1920.png" });
  // The screen's session reaches the dashboard's data and nothing else.
  expect((await screen.request.post("/api/admin/users")).status()).toBe(401);
  expect((await screen.request.post("/api/reports/mine")).status()).toBe(401);

  await page.getByRole("row", { name: /Phòng họp tầng 2/ }).getByRole("button", { name: "Thu hồi" }).click();
  await expect(page.getByRole("row", { name: /Phòng họp tầng 2/ })).toContainText("Đã thu hồi");
  // The screen already open loses its access at once, and the link no longer opens.
  expect((await screen.request.post("/api/dashboard/overview")).status()).toBe(401);
  const again = await tv.newPage();
  const res = await again.goto(link);
  expect(res?.status()).toBe(404);
  await tv.close();
});

test("the dashboard is readable on a 4K screen", async ({ browser }) => {
  test.setTimeout(60_000);
  const tv = await browser.newContext({ viewport: { width: 3840, height: 2160 } });
  const screen = await tv.newPage();
  await screen.goto("/man-hinh/demo-phong-hop");
  await expect(screen.locator("tr[data-measure]")).toHaveCount(6);
  const size = await screen.locator("td.num.current").first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(80);
  await screen.screenshot({ path: "test-results/dashboard-3840.png" });
  // Every panel in turn, each within the screen.
  await screen.goto("/man-hinh?xoay=3");
  for (const panel of ["chart", "completeness", "honour", "block-0", "block-1", "block-2"]) {
    await expect(screen.locator(`[data-panel="${panel}"]`)).toBeVisible({ timeout: 5_000 });
    await screen.waitForTimeout(700);
    await screen.screenshot({ path: `test-results/dashboard-3840-${panel}.png` });
    const overflow = await screen.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
    expect(overflow).toBeLessThanOrEqual(0);
  }
  await tv.close();
});
