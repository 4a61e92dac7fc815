import { test, expect } from "@playwright/test";
import { expectedFigures, query } from "./db";
import { hydrated } from "./hydrated";
import { signIn } from "./session";

const HEADER = "commune,year,month,accidents,deaths,injuries,drink_driving,particularly_serious,commercial_car";

test.describe("the district police on a phone", () => {
  test("record an accident, see it on the public page, and strike it out with a reason", async ({ page }) => {
    await signIn(page, "cong-an-huyen");
    await page.getByRole("link", { name: "Tai nạn giao thông" }).click();
    await expect(page).toHaveURL(/\/tai-nan$/);
    await hydrated(page);
    const before = (await expectedFigures()).accidents.current;

    // A bad figure is named next to its field, and what was typed stays.
    await page.getByLabel("Xã, thị trấn nơi xảy ra").selectOption({ label: "Xã Mỹ Phước" });
    await page.getByLabel("Ngày giờ xảy ra").fill("2024-09-20T21:15");
    await page.getByLabel("Số người chết").fill("-1");
    await page.getByLabel("Số người bị thương").fill("2");
    await page.getByLabel("Do uống rượu, bia").check();
    await page.getByLabel("Ghi chú").fill("Va chạm giữa hai xe máy trên QL1A");
    await page.getByRole("button", { name: "Lưu" }).click();
    await expect(page.locator("#err-deaths")).toHaveText("Số liệu không được âm");
    await expect(page.getByLabel("Số người chết")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Ghi chú")).toHaveValue("Va chạm giữa hai xe máy trên QL1A");
    await page.screenshot({ path: "test-results/accident-error-360.png", fullPage: true });

    await page.getByLabel("Số người chết").fill("1");
    await page.getByRole("button", { name: "Lưu" }).click();
    await expect(page.getByRole("status")).toHaveText("Đã ghi nhận vụ tai nạn.");
    const [row] = await query(
      "SELECT a.id, a.deaths, a.injuries, a.drink_driving FROM accidents a JOIN units u ON u.id = a.commune_unit_id " +
        "WHERE u.name = 'Xã Mỹ Phước' AND a.note = 'Va chạm giữa hai xe máy trên QL1A'",
    );
    expect([row.deaths, row.injuries, row.drink_driving]).toEqual([1, 2, true]);
    const listed = page.locator(`tr[data-id="${row.id}"]`);
    await expect(listed).toContainText("20/09/2024 21:15");
    await expect(listed).toContainText("Xã Mỹ Phước");
    await page.screenshot({ path: "test-results/accident-saved-360.png", fullPage: true });

    // The public page counts it.
    expect((await expectedFigures()).accidents.current).toBe(before + 1);
    const pub = await page.context().newPage();
    await pub.goto("/");
    await expect(pub.locator('tr[data-measure="accidents"] td.current')).toHaveText(String(before + 1));

    // Striking out needs a reason; the row stays, crossed out, with it.
    await listed.getByRole("button", { name: "Xóa khỏi số liệu" }).click();
    await listed.getByLabel("Lý do xóa (bắt buộc)").fill("Nhập trùng với vụ đã ghi");
    await listed.getByRole("button", { name: "Xác nhận" }).click();
    await expect(page.locator(`tr.struck[data-id="${row.id}"]`)).toContainText("Đã xóa: Nhập trùng với vụ đã ghi");
    const [gone] = await query("SELECT delete_reason FROM accidents WHERE id = $1", [row.id]);
    expect(gone.delete_reason).toBe("Nhập trùng với vụ đã ghi");
    const [audit] = await query(
      "SELECT count(*)::int AS n FROM audit_log WHERE entity = 'accident' AND entity_id = $1",
      [row.id],
    );
    expect(audit.n).toBe(2);
    await pub.reload();
    await expect(pub.locator('tr[data-measure="accidents"] td.current')).toHaveText(String(before));
  });

  test("import the baseline: a bad row is reported by line and nothing is written, then the fixed file is", async ({ page }) => {
    await signIn(page, "cong-an-huyen");
    await page.goto("/tai-nan");
    await hydrated(page);
    // Nothing on the page is wider than the phone (a wider page zooms out and misplaces taps).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const sum = async () => (await query("SELECT coalesce(sum(accidents),0)::int AS n FROM baselines"))[0].n;
    const before = await sum();
    const bad = `${HEADER}\nXã Mỹ Tú,2023,12,4,1,3,1,0,0\nXã Không Tên,2023,12,1,0,0,0,0,0\n`;
    await page.getByLabel("Hoặc dán nội dung tệp").fill(bad);
    await page.getByRole("button", { name: "Nhập số liệu" }).click();
    const errors = page.locator(".baseline-import .row-errors li");
    await expect(errors).toHaveCount(1);
    await expect(errors.first()).toContainText("Dòng 3");
    await expect(errors.first()).toContainText("Xã Không Tên");
    expect(await sum()).toBe(before);
    await page.screenshot({ path: "test-results/baseline-errors-360.png", fullPage: true });

    // The file picker reads a file into the same box.
    await page.getByLabel("Chọn tệp CSV").setInputFiles({
      name: "cung-ky-2023.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`${HEADER}\nXã Mỹ Tú,2023,12,4,1,3,1,0,0\n`),
    });
    await expect(page.getByLabel("Hoặc dán nội dung tệp")).toHaveValue(/Xã Mỹ Tú,2023,12/);
    await page.getByRole("button", { name: "Nhập số liệu" }).click();
    await expect(page.locator(".baseline-import [role=status]")).toContainText("Đã ghi 1 dòng");
    const [dec] = await query(
      "SELECT b.accidents FROM baselines b JOIN units u ON u.id = b.commune_unit_id WHERE u.name = 'Xã Mỹ Tú' AND b.year = 2023 AND b.month = 12",
    );
    expect(dec.accidents).toBe(4);
  });

  test("a commune's reporter is not offered the log, and the server refuses it", async ({ page }) => {
    await signIn(page, "xa-long-hung");
    await expect(page.getByRole("link", { name: "Tai nạn giao thông" })).toHaveCount(0);
    await page.goto("/tai-nan");
    await expect(page.getByRole("alert")).toHaveText("Bạn không có quyền thực hiện thao tác này.");
    const [c] = await query("SELECT id FROM campaigns WHERE slug = 'ke-hoach-114-2024'");
    const res = await page.request.post("/api/accidents/strike_out", {
      form: { campaign_id: String(c.id), accident_id: "1", reason: "x" },
    });
    expect(res.status()).toBe(403);
  });
});
