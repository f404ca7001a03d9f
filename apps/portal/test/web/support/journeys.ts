// Steps many journeys share, done the way a person does them (labels and buttons, not URLs).
import type { Page } from "playwright-core";

export const signIn = async (page: Page, login: string, password: string): Promise<void> => {
  await page.goto("/portal/sign-in");
  await page.getByLabel("Sign-in name").fill(login);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
};

/** A login issued with a one-time password: sign in, then choose a password of one's own. */
export const firstSignIn = async (
  page: Page,
  login: string,
  oneTimePassword: string,
  newPassword = "tulips in the rain",
): Promise<void> => {
  await signIn(page, login, oneTimePassword);
  await page.getByLabel("One-time password").fill(oneTimePassword);
  await page.getByLabel("New password").fill(newPassword);
  await page.getByRole("button", { name: "Save and continue" }).click();
};
