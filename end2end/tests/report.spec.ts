import { test, expect, Page, BrowserContext } from "@playwright/test";
import { query } from "./db";
import { hydrated } from "./hydrated";
import { signIn } from "./session";

/** A 1×1 PNG: a real picture, as the server checks content, not names. */
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63000100000500010d0a2db40000000049454e44ae426082",
  "hex",
);

/** Scores the given lines: 1, or 0 where evidence would be needed and none is attached. */
async function fillScores(page: Page, lines: string[], withEvidence: string) {
  for (const code of lines) {
    const line = page.locator(`li.score-line[data-code="${code}"]`);
    const needsEvidence = (await line.getAttribute("data-evidence")) === "true";
    await line.locator("input.self-score").fill(needsEvidence && code !== withEvidence ? "0" : "1");
  }
}

async function laptop(context: BrowserContext) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1366, height: 768 });
  return page;
}

test("a reporter fills in a report on a phone through a lost connection; it is returned, fixed, approved and locked", async ({ page, browser }) => {
  test.setTimeout(120_000);
  // A draft report of a unit, with its reporter and its head.
  const [r] = await query(
    `SELECT r.id, r.unit_id,
            (SELECT u.username FROM users u JOIN user_roles g ON g.user_id = u.id AND g.role = 'reporter' WHERE u.unit_id = r.unit_id LIMIT 1) AS reporter,
            (SELECT u.username FROM users u JOIN user_roles g ON g.user_id = u.id AND g.role = 'unit_head' WHERE u.unit_id = r.unit_id LIMIT 1) AS head
     FROM reports r WHERE r.status = 'draft' ORDER BY r.id LIMIT 1`,
  );
  await signIn(page, r.reporter);
  await page.goto(`/bao-cao/${r.id}`);
  await hydrated(page);
  const codes = await page.locator("li.score-line:has(input.self-score)").evaluateAll((ls) => ls.map((l) => l.getAttribute("data-code")!));
  expect(codes.length).toBeGreaterThan(3);
  // Evidence for a criterion that needs it: a photo from the phone, with its progress, then a score above 0.
  const needing = await page.locator('li.score-line[data-evidence="true"]:has(input.self-score)').first().getAttribute("data-code");
  await page.locator(`#file-${needing}`).setInputFiles({ name: "hien-truong.png", mimeType: "image/png", buffer: PNG });
  const attached = page.locator(`li.score-line[data-code="${needing}"] .evidence-list a`, { hasText: "hien-truong.png" });
  await expect(attached).toBeVisible();
  const href = await attached.getAttribute("href");
  expect((await page.request.get(href!)).headers()["content-type"]).toBe("image/png");
  const half = Math.ceil(codes.length / 2);
  await fillScores(page, codes.slice(0, half), needing!);
  await page.locator(`#explain-${codes[0]}`).fill("Đã ban hành kế hoạch thực hiện");
  await expect(page.locator(".save-state")).toHaveText("Đã lưu lên máy chủ.");
  await page.screenshot({ path: "test-results/report-fill-360.png", fullPage: true });

  // The connection drops mid-way: what is typed stays on the phone.
  await page.context().setOffline(true);
  await fillScores(page, codes.slice(half), needing!);
  await expect(page.locator(".save-state")).toContainText("Mất kết nối", { timeout: 10_000 });
  await page.screenshot({ path: "test-results/report-offline-360.png", fullPage: false });
  const kept = await page.evaluate((id) => localStorage.getItem(`thidua-draft-${id}`), r.id);
  expect(JSON.parse(kept!).lines.map((l: { code: string }) => l.code)).toEqual(expect.arrayContaining(codes.slice(half)));

  // Back online, a reload finds the draft and sends it.
  await page.context().setOffline(false);
  await page.reload();
  await hydrated(page);
  for (const code of codes) {
    await expect(page.locator(`#score-${code}`)).not.toHaveValue("");
  }
  await expect(page.locator(".save-state")).toHaveText("Đã lưu lên máy chủ.", { timeout: 15_000 });
  const [{ n }] = await query(
    "SELECT count(*)::int AS n FROM report_scores WHERE report_id = $1 AND self_score IS NOT NULL",
    [r.id],
  );
  expect(n).toBe(codes.length);
  const total = await page.locator(".running-total strong").textContent();
  expect(total).toMatch(/^\d+(,\d+)? \/ \d+(,\d+)?$/);

  // The head confirms and submits.
  const headContext = await browser.newContext({ viewport: { width: 360, height: 780 } });
  const head = await headContext.newPage();
  await signIn(head, r.head);
  await head.goto(`/bao-cao/${r.id}`);
  await hydrated(head);
  await head.getByRole("button", { name: "Xác nhận và gửi báo cáo" }).click();
  await expect(head.locator("p.status")).toHaveText("Đã gửi");

  // The office returns it with a reason.
  const officeContext = await browser.newContext();
  const office = await laptop(officeContext);
  await signIn(office, "thuongtruc");
  await office.goto(`/bao-cao/${r.id}`);
  await hydrated(office);
  await office.getByLabel("Lý do (bắt buộc khi trả lại hoặc mở lại)").fill("Thiếu số liệu tuyên truyền tháng này");
  await office.getByRole("button", { name: "Trả lại báo cáo" }).click();
  await expect(office.locator("p.status")).toHaveText("Bị trả lại");

  // The reporter sees why, and fixes.
  await page.goto("/bao-cao");
  await hydrated(page);
  await expect(page.locator(".task-list")).toContainText("Thiếu số liệu tuyên truyền tháng này");
  await page.screenshot({ path: "test-results/report-returned-360.png", fullPage: true });
  await page.goto(`/bao-cao/${r.id}`);
  await hydrated(page);
  await page.locator(`#explain-${codes[0]}`).fill("Đã bổ sung số liệu tuyên truyền");
  await expect(page.locator(".save-state")).toHaveText("Đã lưu lên máy chủ.");

  await head.reload();
  await hydrated(head);
  await head.getByRole("button", { name: "Xác nhận và gửi báo cáo" }).click();
  await expect(head.locator("p.status")).toHaveText("Đã gửi lại");

  await office.reload();
  await hydrated(office);
  await office.getByRole("button", { name: "Duyệt báo cáo" }).click();
  await expect(office.locator("p.status")).toHaveText("Đã duyệt");

  // Locked: the reporter can only read it.
  await page.reload();
  await hydrated(page);
  await expect(page.locator(`#score-${codes[0]}`)).toBeDisabled();
  await expect(page.locator(".notice")).toContainText("chỉ xem");
  await page.screenshot({ path: "test-results/report-approved-360.png", fullPage: true });
  const [after] = await query("SELECT status FROM reports WHERE id = $1", [r.id]);
  expect(after.status).toBe("approved");
  await headContext.close();
  await officeContext.close();
});
