import { expect, Page } from "@playwright/test";
import { hydrated } from "./hydrated";

/** Every demo account's password (the README lists them). */
export const PASSWORD = "thidua-demo-2024";

/** Signs in through the sign-in page, as a person would. */
export async function signIn(page: Page, username: string) {
  await page.goto("/dang-nhap");
  await hydrated(page);
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/tai-khoan$/);
}
