import { test, expect } from "@playwright/test";
import { query } from "./db";
import { hydrated } from "./hydrated";
import { signIn } from "./session";

const slug = "ke-hoach-114-2024";

test("the office sets the publication window and the committee's holidays on a phone", async ({ page }) => {
  await signIn(page, "thuongtruc");
  await page.goto("/khen-thuong");
  await hydrated(page);
  const settings = page.locator("details.award-settings");
  await settings.locator("summary").click();
  const [before] = await query("SELECT publish_days FROM campaigns WHERE slug = $1", [slug]);

  const days = settings.getByLabel("Số ngày làm việc công khai danh sách");
  await days.fill(String(before.publish_days + 2));
  await settings.getByRole("button", { name: "Lưu" }).click();
  await expect
    .poll(async () => (await query("SELECT publish_days FROM campaigns WHERE slug = $1", [slug]))[0].publish_days)
    .toBe(before.publish_days + 2);

  // The settings stay unfolded while the page reads the round again.
  await expect(settings).toHaveAttribute("open", "");
  const form = page.locator("form.holiday-form");
  await form.getByLabel("Ngày", { exact: true }).fill("2030-01-02");
  await form.getByLabel("Tên ngày nghỉ").fill("Nghỉ bù Tết Dương lịch");
  await form.getByRole("button", { name: "Thêm ngày nghỉ" }).click();
  const listed = page.locator("ul.holidays li", { hasText: "02/01/2030 — Nghỉ bù Tết Dương lịch" });
  await expect(listed).toHaveCount(1);
  await page.screenshot({ path: "test-results/award-settings-360.png", fullPage: true });

  // The same day twice is refused, in Vietnamese, and nothing is added.
  await page.locator("form.holiday-form").getByLabel("Ngày", { exact: true }).fill("2030-01-02");
  await page.locator("form.holiday-form").getByLabel("Tên ngày nghỉ").fill("Trùng ngày");
  await page.locator("form.holiday-form").getByRole("button", { name: "Thêm ngày nghỉ" }).click();
  await expect(page.locator("form.holiday-form [role=alert]")).toBeVisible();
  const [dup] = await query("SELECT COUNT(*)::int AS n FROM holidays WHERE day = '2030-01-02'");
  expect(dup.n).toBe(1);

  await page.getByRole("button", { name: "Bỏ Nghỉ bù Tết Dương lịch" }).click();
  await expect(page.locator("ul.holidays li", { hasText: "Nghỉ bù Tết Dương lịch" })).toHaveCount(0);
  await expect
    .poll(async () => (await query("SELECT COUNT(*)::int AS n FROM holidays WHERE day = '2030-01-02'"))[0].n)
    .toBe(0);

  // Put the window back for the award round that follows.
  await page.locator("details.award-settings").getByLabel("Số ngày làm việc công khai danh sách").fill(String(before.publish_days));
  await page.locator("details.award-settings").getByRole("button", { name: "Lưu" }).click();
  await expect
    .poll(async () => (await query("SELECT publish_days FROM campaigns WHERE slug = $1", [slug]))[0].publish_days)
    .toBe(before.publish_days);
});
