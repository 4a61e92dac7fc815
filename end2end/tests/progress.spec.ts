import { test, expect } from "@playwright/test";
import { query } from "./db";
import { hydrated } from "./hydrated";
import { signIn } from "./session";

test.describe("reporting progress", () => {
  test.use({ viewport: { width: 1366, height: 768 }, isMobile: false, hasTouch: false });

  test("the office sees who has reported, as the database says, and extends one unit's deadline", async ({ page }) => {
    await signIn(page, "thuongtruc");
    await page.getByRole("link", { name: "Tiến độ báo cáo" }).click();
    await expect(page).toHaveURL(/\/tien-do$/);
    await hydrated(page);
    const [c] = await query("SELECT id FROM campaigns WHERE slug = 'ke-hoach-114-2024'");
    const [{ n: units }] = await query("SELECT count(*)::int AS n FROM registrations WHERE campaign_id = $1 AND status = 'confirmed'", [c.id]);
    await expect(page.locator("table.grid tbody tr[data-unit]")).toHaveCount(units);
    const [{ n: approved }] = await query(
      "SELECT count(*)::int AS n FROM reports r JOIN periods p ON p.id = r.period_id AND p.kind = 'monthly' WHERE r.campaign_id = $1 AND r.status = 'approved'",
      [c.id],
    );
    await expect(page.locator("table.grid td.cell-approved")).toHaveCount(approved);
    await page.screenshot({ path: "test-results/progress-1366.png", fullPage: true });

    // A late cell: its unit gets a later deadline, with a reason.
    const late = page.locator("table.grid td.cell-late").first();
    const unitRow = late.locator("xpath=ancestor::tr");
    const unitId = await unitRow.getAttribute("data-unit");
    const unitName = (await unitRow.locator("th.unit").textContent())!.trim();
    const column = await late.evaluate((td) => (td as HTMLTableCellElement).cellIndex);
    const periodName = (await page.locator("table.grid thead th").nth(column).textContent())!.trim();
    await page.getByLabel("Đơn vị", { exact: true }).selectOption({ label: unitName });
    await page.locator("#ext-period option", { hasText: periodName }).first().waitFor({ state: "attached" });
    const periodValue = await page.locator("#ext-period option", { hasText: periodName }).first().getAttribute("value");
    await page.locator("#ext-period").selectOption(periodValue!);
    await page.getByLabel("Hạn mới").fill("2099-01-31T17:00");
    await page.getByRole("button", { name: "Gia hạn" }).click();
    await expect(page.locator("#ext-err-reason")).toHaveText("Cần ghi lý do gia hạn");
    await page.getByLabel("Lý do", { exact: true }).fill("Mất điện kéo dài tại xã");
    await page.getByRole("button", { name: "Gia hạn" }).click();
    await expect(page.locator(".extension-form [role=status]")).toHaveText("Đã gia hạn.");
    const cell = page.locator(`tr[data-unit="${unitId}"] td`).nth(column - 1);
    await expect(cell).toHaveClass(/extended|cell-not_started|cell-draft/);
    await expect(cell.locator(".ext")).toHaveText("+");
    const [ext] = await query("SELECT reason FROM extensions WHERE unit_id = $1 AND period_id = $2", [unitId, periodValue]);
    expect(ext.reason).toBe("Mất điện kéo dài tại xã");
  });
});

test("a reporter on a phone sees what is due and why a report came back", async ({ page }) => {
  // A reporter of a unit that has a returned report in the demo.
  const [who] = await query(
    `SELECT us.username, us.unit_id FROM users us JOIN user_roles ur ON ur.user_id = us.id AND ur.role = 'reporter'
     WHERE EXISTS (SELECT 1 FROM reports r WHERE r.unit_id = us.unit_id AND r.status = 'returned')
     ORDER BY us.id LIMIT 1`,
  );
  await signIn(page, who.username);
  await page.getByRole("link", { name: "Báo cáo của đơn vị" }).click();
  await hydrated(page);
  await expect(page.getByRole("heading", { name: "Việc cần làm" })).toBeVisible();
  const returned = await query(
    `SELECT p.name, (SELECT e.reason FROM report_events e WHERE e.report_id = r.id AND e.to_status = 'returned'
                     ORDER BY e.at DESC, e.id DESC LIMIT 1) AS reason
     FROM reports r JOIN periods p ON p.id = r.period_id WHERE r.unit_id = $1 AND r.status = 'returned'`,
    [who.unit_id],
  );
  expect(returned.length).toBeGreaterThan(0);
  for (const r of returned) {
    const task = page.locator(".task-list .task", { hasText: r.name });
    await expect(task.locator(".reason")).toContainText(r.reason);
  }
  await page.screenshot({ path: "test-results/tasks-360.png", fullPage: true });
});
