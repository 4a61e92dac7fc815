import { test, expect, Page } from "@playwright/test";
import { query } from "./db";
import { hydrated } from "./hydrated";
import { signIn } from "./session";

async function reportOf(unitName: string): Promise<number> {
  const [r] = await query(
    "SELECT r.id FROM reports r JOIN units u ON u.id = r.unit_id WHERE u.name = $1 ORDER BY r.id LIMIT 1",
    [unitName],
  );
  return r.id;
}

test.describe("a unit reporter on a phone", () => {
  test("signs in, reads the unit's reports, and cannot reach another unit's report", async ({ page }) => {
    await signIn(page, "xa-long-hung");
    await expect(page.locator(".me-name")).toContainText("xa-long-hung");
    await page.screenshot({ path: "test-results/account-360.png", fullPage: true });

    await page.getByRole("link", { name: "Báo cáo của đơn vị" }).click();
    await expect(page.locator(".report-list li").first()).toBeVisible();
    const own = await reportOf("Xã Long Hưng");
    await page.goto(`/bao-cao/${own}`);
    await expect(page.locator(".unit-name")).toHaveText("Xã Long Hưng");
    await page.screenshot({ path: "test-results/report-own-360.png", fullPage: true });

    // Through the UI: another unit's report shows a refusal, none of its content.
    const other = await reportOf("Công an huyện");
    await page.goto(`/bao-cao/${other}`);
    await expect(page.getByRole("alert")).toHaveText("Bạn không có quyền thực hiện thao tác này.");
    await expect(page.locator(".unit-name")).toHaveCount(0);

    // Through direct server-function requests with the same session cookie.
    const read = await page.request.post("/api/reports/get", { form: { report_id: String(other) } });
    expect(read.status()).toBe(403);
    const [v] = await query("SELECT version FROM reports WHERE id = $1", [other]);
    const write = await page.request.post("/api/reports/save_draft", {
      form: {
        report_id: String(other),
        version: String(v.version),
        "lines[0][code]": "A1",
        "lines[0][score]": "1",
        "lines[0][explanation]": "",
      },
    });
    expect(write.status()).toBe(403);
    const [after] = await query("SELECT version FROM reports WHERE id = $1", [other]);
    expect(after.version).toBe(v.version);
  });

  test("a wrong password gets a clear Vietnamese message and keeps the user name", async ({ page }) => {
    await page.goto("/dang-nhap");
    await hydrated(page);
    await page.getByLabel("Tên đăng nhập").fill("xa-my-tu");
    await page.getByLabel("Mật khẩu").fill("sai-mat-khau-roi");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page.getByRole("alert")).toHaveText("Tên đăng nhập hoặc mật khẩu không đúng.");
    await expect(page.getByLabel("Tên đăng nhập")).toHaveValue("xa-my-tu");
    await page.screenshot({ path: "test-results/sign-in-error-360.png", fullPage: true });
  });
});

test.describe("the administrator", () => {
  test.use({ viewport: { width: 1366, height: 768 }, isMobile: false, hasTouch: false });

  test("disables a user, whose open session then stops working", async ({ page, browser }) => {
    const reporterContext = await browser.newContext();
    const reporter = await reporterContext.newPage();
    await signIn(reporter, "xa-my-huong");

    await signIn(page, "quantri");
    await page.getByRole("link", { name: "Người dùng" }).click();
    const row = page.locator('tr[data-user="xa-my-huong"]');
    await expect(row.locator(".user-status")).toHaveText("Đang hoạt động");
    await row.getByRole("button", { name: "Khóa" }).click();
    await expect(row.locator(".user-status")).toHaveText("Đã khóa");
    await page.screenshot({ path: "test-results/users-1366.png" });

    await reporter.goto("/bao-cao");
    await expect(reporter.getByText("Vui lòng đăng nhập để xem trang này.")).toBeVisible();
    await reporterContext.close();
  });
});

test.describe("the standing office on a laptop", () => {
  test.use({ viewport: { width: 1366, height: 768 }, isMobile: false, hasTouch: false });

  test("returns a submitted report only with a reason, and the unit sees it returned", async ({ page }) => {
    const [r] = await query("SELECT MIN(id) AS id FROM reports WHERE status = 'submitted'");
    await signIn(page, "thuongtruc");
    await page.goto(`/bao-cao/${r.id}`);
    await hydrated(page);
    await expect(page.locator(".status").first()).toHaveText("Đã gửi");
    await page.getByRole("button", { name: "Trả lại báo cáo" }).click();
    await expect(page.getByRole("alert")).toContainText("lý do");
    await page.getByLabel("Lý do (bắt buộc khi trả lại hoặc mở lại)").fill("Thiếu biên bản kiểm tra");
    await page.getByRole("button", { name: "Trả lại báo cáo" }).click();
    await expect(page.locator(".status").first()).toHaveText("Bị trả lại");
    await page.screenshot({ path: "test-results/review-returned-1366.png", fullPage: false });
    const [after] = await query("SELECT status FROM reports WHERE id = $1", [r.id]);
    expect(after.status).toBe("returned");
  });
});
