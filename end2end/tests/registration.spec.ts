import { test, expect, Browser } from "@playwright/test";
import { query } from "./db";
import { hydrated } from "./hydrated";
import { signIn } from "./session";

// A unit that has a month without a report, arranged as not registered yet:
// its reporter registers with pledges on a phone, the office sees it waiting,
// the head confirms, and the unit opens its report and enters its figures.
test("a unit registers with pledges, its head confirms, and it reports its activity figures", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const [u] = await query(
    `SELECT u.id, u.name, b.name AS block,
            (SELECT s.username FROM users s JOIN user_roles g ON g.user_id = s.id AND g.role = 'reporter' WHERE s.unit_id = u.id LIMIT 1) AS reporter,
            (SELECT s.username FROM users s JOIN user_roles g ON g.user_id = s.id AND g.role = 'unit_head' WHERE s.unit_id = u.id LIMIT 1) AS head
     FROM units u JOIN registrations r ON r.unit_id = u.id JOIN blocks b ON b.id = r.block_id
     WHERE u.kind <> 'police' AND EXISTS (
       SELECT 1 FROM periods p WHERE p.campaign_id = r.campaign_id AND p.kind = 'monthly'
         AND NOT EXISTS (SELECT 1 FROM reports x WHERE x.period_id = p.id AND x.unit_id = u.id))
     ORDER BY u.id DESC LIMIT 1`,
  );
  await query("DELETE FROM pledges WHERE registration_id IN (SELECT id FROM registrations WHERE unit_id = $1)", [u.id]);
  await query("DELETE FROM registrations WHERE unit_id = $1", [u.id]);

  await signIn(page, u.reporter);
  await page.goto("/bao-cao");
  await hydrated(page);
  const notice = page.locator(".registration-needed");
  await expect(notice).toContainText("chưa được xác nhận đăng ký thi đua");
  await notice.getByRole("link").click();
  await expect(page).toHaveURL(/\/dang-ky$/);
  await hydrated(page);
  await expect(page.locator(".registration-status")).toContainText("Chưa đăng ký");
  await page.getByLabel("Khối thi đua").selectOption({ label: u.block });
  const inputs = page.locator("input.pledge-value");
  const n = await inputs.count();
  expect(n).toBeGreaterThanOrEqual(4);
  for (let i = 1; i < n; i++) await inputs.nth(i).fill(String(10 * i));
  await page.getByRole("button", { name: "Gửi đăng ký" }).click();
  // The first pledge is blank: refused in place, nothing written.
  await expect(page.locator(".pledge-field").first().locator(".field-error")).toHaveText("Chưa nhập chỉ tiêu giao ước");
  expect((await query("SELECT count(*)::int AS n FROM registrations WHERE unit_id = $1", [u.id]))[0].n).toBe(0);
  await inputs.first().fill("12");
  await page.getByRole("button", { name: "Gửi đăng ký" }).click();
  await expect(page.locator(".pledge-form [role=status] .ok")).toHaveText("Đã gửi đăng ký. Chờ lãnh đạo đơn vị xác nhận.");
  await expect(page.locator(".registration-status")).toContainText("Chờ lãnh đạo đơn vị xác nhận");
  const [reg] = await query(
    "SELECT r.status, b.name AS block, (SELECT target_value FROM pledges p WHERE p.registration_id = r.id AND p.activity = 'propaganda_sessions') AS sessions FROM registrations r JOIN blocks b ON b.id = r.block_id WHERE r.unit_id = $1",
    [u.id],
  );
  expect(reg).toEqual({ status: "pending", block: u.block, sessions: "12" });
  await page.screenshot({ path: "test-results/registration-360.png", fullPage: true });

  // The office follows up the units waiting for their head.
  const office = await laptopAs(browser, "thuongtruc");
  await office.goto("/tien-do");
  await expect(office.locator(".pending-registrations")).toContainText(u.name);
  await office.context().close();

  const head = await phoneAs(browser, u.head);
  await head.goto("/dang-ky");
  await hydrated(head);
  await head.getByRole("button", { name: "Xác nhận đăng ký" }).click();
  await expect(head.locator(".registration-status")).toContainText("Đã xác nhận");
  expect((await query("SELECT status FROM registrations WHERE unit_id = $1", [u.id]))[0].status).toBe("confirmed");
  await head.context().close();

  // Now the unit opens a month it had not begun and types its figures.
  await page.goto("/bao-cao");
  await hydrated(page);
  await expect(page.locator(".registration-needed")).toHaveCount(0);
  await page.locator(".task .start-report").first().click();
  await expect(page).toHaveURL(/\/bao-cao\/\d+$/);
  await hydrated(page);
  const reportId = page.url().split("/").pop();
  const sessions = page.getByLabel("Số buổi tuyên truyền");
  const people = page.getByLabel("Số lượt người tham dự");
  await people.fill("1.200");
  await expect(page.locator('li.figure[data-activity="people_reached"] .field-error')).toHaveText(
    "Có người tham dự thì phải có ít nhất một buổi tuyên truyền",
  );
  await sessions.fill("3");
  await expect(page.locator(".save-state")).toHaveText("Đã lưu lên máy chủ.");
  await expect(page.locator('li.figure[data-activity="propaganda_sessions"] .pledge')).toContainText("Giao ước: 12");
  const rows = await query(
    "SELECT activity, value::int AS value FROM report_activities WHERE report_id = $1 ORDER BY activity",
    [reportId],
  );
  expect(rows).toEqual([
    { activity: "people_reached", value: 1200 },
    { activity: "propaganda_sessions", value: 3 },
  ]);
  await page.screenshot({ path: "test-results/report-figures-360.png", fullPage: true });
});

async function phoneAs(browser: Browser, username: string) {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signIn(page, username);
  return page;
}

async function laptopAs(browser: Browser, username: string) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await signIn(page, username);
  return page;
}
