import { test, expect } from "@playwright/test";
import { query } from "./db";
import { hydrated } from "./hydrated";
import { signIn } from "./session";

test.use({ viewport: { width: 1366, height: 768 } });

test("the summary score table prints on A4 with the official ranking of every registered unit", async ({ page }) => {
  await signIn(page, "hoidong");
  await page.goto("/xep-hang");
  await hydrated(page);
  await page.getByRole("link", { name: "Bản in A4" }).click();
  await expect(page).toHaveURL(/\/in\/bang-tong-hop$/);
  await hydrated(page);
  await expect(page.locator(".doc-title")).toHaveText("BẢNG TỔNG HỢP ĐIỂM THI ĐUA");
  await expect(page.locator(".body-name")).toHaveText("BAN AN TOÀN GIAO THÔNG HUYỆN MỸ TÚ");
  await expect(page.locator(".doc-subtitle")).toContainText("114/KH-UBND");
  const [units] = await query(
    `SELECT COUNT(*)::int AS n FROM registrations g JOIN campaigns c ON c.id = g.campaign_id
     WHERE c.slug = 'ke-hoach-114-2024' AND g.status = 'confirmed'`,
  );
  await expect(page.locator(".doc-table tbody tr:not(.group)")).toHaveCount(units.n);
  await page.getByLabel("Số văn bản").fill("27");
  await expect(page.locator(".doc-number")).toHaveText("Số: 27/BC-BATGT");
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".doc-tools")).toBeHidden();
  await page.pdf({ path: "test-results/bang-tong-hop.pdf", format: "A4" });
});
