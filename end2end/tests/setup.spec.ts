import { test, expect, Page } from "@playwright/test";
import { query } from "./db";
import { hydrated } from "./hydrated";
import { signIn } from "./session";

// A second district's committee sets up its own 2025 campaign by copying
// Plan 114, on a laptop; a reporter of one of its units then works on it on
// a phone; the first committee's office sees nothing of it.

const OFFICE = "thuongtruc.chau-thanh";

/** An account of the second committee, with the demo's password (its hash is copied). */
async function account(username: string, committee: number, unit: number | null, role: string) {
  const [u] = await query(
    `INSERT INTO users (username, display_name, password_hash, unit_id, committee_id, is_active, is_demo, created_at, password_changed_at)
     SELECT $1, $1, password_hash, $2, $3, TRUE, FALSE, now(), now() FROM users WHERE username = 'thuongtruc'
     RETURNING id`,
    [username, unit, committee],
  );
  await query("INSERT INTO user_roles (user_id, role) VALUES ($1, $2)", [u.id, role]);
}

function unitsCsv(bad: boolean): string {
  const rows = ["name,short_name,kind,block"];
  for (let i = 1; i <= 10; i++) {
    const kind = bad && i === 4 ? "lang" : i === 10 ? "police" : "commune";
    const block = i === 10 ? "" : "Khối xã, thị trấn";
    rows.push(`Xã Châu Thành ${i},,${kind},"${block}"`);
  }
  return rows.join("\n");
}

async function laptop(page: Page) {
  await page.setViewportSize({ width: 1366, height: 768 });
}

test("a second committee copies Plan 114 into its 2025 campaign; its reporter sees the new sheet; the first committee sees none of it", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const [plan] = await query("SELECT c.id, c.committee_id, m.parent_id FROM campaigns c JOIN committees m ON m.id = c.committee_id WHERE c.slug = 'ke-hoach-114-2024'");
  const [committee] = await query(
    "INSERT INTO committees (name, level, parent_id) VALUES ('Ban ATGT huyện Châu Thành', 'district', $1) RETURNING id",
    [plan.parent_id],
  );
  await account(OFFICE, committee.id, null, "standing_office");

  // The office copies the demo campaign.
  await laptop(page);
  await signIn(page, OFFICE);
  await page.goto("/thiet-lap");
  await hydrated(page);
  await expect(page.getByText("Chưa có phong trào nào.")).toBeVisible();
  await page.getByRole("button", { name: "Sao chép 114/KH-UBND" }).click();
  await expect(page.getByLabel("Năm so sánh (cùng kỳ)")).toHaveValue("2024");
  await expect(page.getByLabel("Ngày bắt đầu")).toHaveValue("2025-07-05");
  await page.getByLabel("Số kế hoạch").fill("25/KH-BATGT");
  await page.getByLabel(/Địa chỉ trang công khai/).fill("chau thanh");
  await page.getByRole("button", { name: "Tạo phong trào" }).click();
  await expect(page.getByText(/Địa chỉ chỉ gồm chữ thường/)).toBeVisible();
  await page.getByLabel(/Địa chỉ trang công khai/).fill("chau-thanh-2025");
  await page.getByRole("button", { name: "Tạo phong trào" }).click();
  await expect(page).toHaveURL(/\/thiet-lap\/\d+$/);
  const [created] = await query("SELECT id, status, committee_id FROM campaigns WHERE slug = 'chau-thanh-2025'");
  expect(created.committee_id).toBe(committee.id);
  await hydrated(page);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("25/KH-BATGT");
  await expect(page.locator("table.periods tbody tr")).toHaveCount(8);

  // Ten units, one bad row: refused whole, nothing written; then fixed.
  await page.getByLabel(/Nội dung tệp/).fill(unitsCsv(true));
  await page.getByRole("button", { name: "Nhập đơn vị" }).click();
  const refusal = page.getByRole("alert").filter({ hasText: "Chưa nhập đơn vị nào" });
  await expect(refusal).toContainText("Dòng 5");
  await expect(refusal).toContainText('"lang"');
  expect((await query("SELECT count(*)::int AS n FROM units WHERE committee_id = $1", [committee.id]))[0].n).toBe(0);
  await page.getByLabel(/Nội dung tệp/).fill(unitsCsv(false));
  await page.getByRole("button", { name: "Nhập đơn vị" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã nhập số đơn vị: 10" })).toBeVisible();
  expect((await query("SELECT count(*)::int AS n FROM units WHERE committee_id = $1", [committee.id]))[0].n).toBe(10);

  // The sheet: a broken total is shown at once and cannot be saved; a new name is saved.
  const first = page.locator("table.sheet-criteria tbody tr").first();
  const code = (await first.locator("td").first().textContent())!.trim();
  const points = first.locator("input.points");
  const max = await points.inputValue();
  await points.fill(String(Number(max) + 1));
  await points.blur();
  await expect(page.locator(".sheet-problems")).toContainText("khác điểm tối đa của nhóm");
  await expect(page.getByRole("button", { name: "Lưu bảng tiêu chí" })).toBeDisabled();
  await points.fill(max);
  await points.blur();
  await expect(page.getByText("Bảng tiêu chí hợp lệ.")).toBeVisible();
  const name = "Tuyên truyền Luật Trật tự, an toàn giao thông đường bộ năm 2024";
  await page.getByLabel(`Tên tiêu chí ${code}`).fill(name);
  await page.getByLabel(`Tên tiêu chí ${code}`).blur();
  await page.getByRole("button", { name: "Lưu bảng tiêu chí" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu" }).last()).toBeVisible();
  const [saved] = await query("SELECT name FROM criteria WHERE campaign_id = $1 AND code = $2", [created.id, code]);
  expect(saved.name).toBe(name);
  await page.screenshot({ path: "test-results/setup-1366.png", fullPage: true });

  await page.getByRole("button", { name: "Mở phong trào" }).click();
  await expect(page.locator(".campaign-state")).toContainText("Đang diễn ra");
  expect((await query("SELECT status FROM campaigns WHERE id = $1", [created.id]))[0].status).toBe("open");
  const audited = await query(
    "SELECT action, count(*)::int AS n FROM audit_log WHERE campaign_id = $1 GROUP BY action ORDER BY action",
    [created.id],
  );
  expect(audited).toEqual([
    { action: "campaign_created", n: 1 },
    { action: "campaign_status", n: 1 },
    { action: "sheet_saved", n: 1 },
    { action: "unit_imported", n: 10 },
  ]);

  // A reporter of the first unit (its registration confirmed) opens a report on a phone.
  const [unit] = await query("SELECT id FROM units WHERE committee_id = $1 ORDER BY id LIMIT 1", [committee.id]);
  await query("UPDATE registrations SET status = 'confirmed', confirmed_at = now() WHERE unit_id = $1", [unit.id]);
  await account("xa-chau-thanh-1", committee.id, unit.id, "reporter");
  const phone = await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
  const reporter = await phone.newPage();
  await signIn(reporter, "xa-chau-thanh-1");
  await reporter.goto("/bao-cao");
  await hydrated(reporter);
  await reporter.getByRole("button", { name: "Lập báo cáo" }).first().click();
  await expect(reporter).toHaveURL(/\/bao-cao\/\d+$/);
  await expect(reporter.locator(`li.score-line[data-code="${code}"]`)).toContainText(name);
  const [report] = await query("SELECT campaign_id FROM reports WHERE unit_id = $1", [unit.id]);
  expect(report.campaign_id).toBe(created.id);
  await reporter.screenshot({ path: "test-results/setup-reporter-360.png", fullPage: true });
  await phone.close();

  // The first committee's office works on Plan 114 and sees nothing of the new campaign.
  const other = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const office = await other.newPage();
  await signIn(office, "thuongtruc");
  await office.goto("/thiet-lap");
  await hydrated(office);
  await expect(office.locator("table.campaigns").first()).toContainText("114/KH-UBND");
  await expect(office.locator("body")).not.toContainText("25/KH-BATGT");
  await office.goto(`/thiet-lap/${created.id}`);
  await hydrated(office);
  await expect(office.getByRole("alert")).toContainText("Không tìm thấy");
  await office.goto("/xep-hang");
  await hydrated(office);
  await expect(office.locator("main")).not.toContainText("Xã Châu Thành");
  await other.close();
});
