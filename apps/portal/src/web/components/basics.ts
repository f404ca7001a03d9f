// Small NHS.UK design system pieces used on many pages. Markup follows nhsuk-frontend 10's own
// templates (node_modules/nhsuk-frontend/dist/nhsuk/components/*/template.njk).
import { type Html, html } from "../html.ts";

export interface Crumb {
  readonly text: string;
  readonly href: string;
}

/** Breadcrumbs; on small screens nhsuk-frontend shows only the back link to the last crumb. */
export const breadcrumbs = (crumbs: ReadonlyArray<Crumb>): Html => {
  const last = crumbs.at(-1);
  return html`<nav class="nhsuk-breadcrumb" aria-label="Breadcrumb">
  <ol class="nhsuk-breadcrumb__list">
    ${crumbs.map(
      (crumb) =>
        html`<li class="nhsuk-breadcrumb__list-item"><a class="nhsuk-breadcrumb__link" href="${crumb.href}">${crumb.text}</a></li>`,
    )}
  </ol>
  ${
    last === undefined
      ? ""
      : html`<a class="nhsuk-back-link" href="${last.href}"><span class="nhsuk-u-visually-hidden">Back to </span>${last.text}</a>`
  }
</nav>`;
};

export const backLink = (href: string, text = "Back"): Html =>
  html`<a class="nhsuk-back-link" href="${href}">${text}</a>`;

export type TagColour =
  | "white"
  | "grey"
  | "green"
  | "aqua-green"
  | "blue"
  | "purple"
  | "pink"
  | "red"
  | "orange"
  | "yellow";

export const tag = (text: string, colour?: TagColour): Html =>
  html`<strong class="nhsuk-tag${colour === undefined ? "" : ` nhsuk-tag--${colour}`}">${text}</strong>`;

/** A success or information banner (after a redirect, e.g. "Saved"). */
export const notificationBanner = (
  message: string | Html,
  options: { readonly success?: boolean; readonly title?: string } = {},
): Html => {
  const success = options.success ?? false;
  return html`<div class="nhsuk-notification-banner${success ? " nhsuk-notification-banner--success" : ""}" data-module="nhsuk-notification-banner" role="${success ? "alert" : "region"}" aria-labelledby="nhsuk-notification-banner-title">
  <div class="nhsuk-notification-banner__header">
    <h2 class="nhsuk-notification-banner__title" id="nhsuk-notification-banner-title">${options.title ?? (success ? "Success" : "Important")}</h2>
  </div>
  <div class="nhsuk-notification-banner__content"><p class="nhsuk-notification-banner__heading">${message}</p></div>
</div>`;
};

export const button = (
  text: string,
  options: {
    readonly secondary?: boolean;
    readonly warning?: boolean;
    readonly name?: string;
    readonly value?: string;
    readonly formAction?: string;
  } = {},
): Html => {
  const modifier = options.warning
    ? " nhsuk-button--warning"
    : options.secondary
      ? " nhsuk-button--secondary"
      : "";
  return html`<button class="nhsuk-button${modifier}" data-module="nhsuk-button" type="submit"${options.name === undefined ? "" : html` name="${options.name}" value="${options.value ?? ""}"`}${options.formAction === undefined ? "" : html` formaction="${options.formAction}"`}>${text}</button>`;
};

export const buttonLink = (text: string, href: string, secondary = false): Html =>
  html`<a class="nhsuk-button${secondary ? " nhsuk-button--secondary" : ""}" data-module="nhsuk-button" href="${href}" role="button" draggable="false">${text}</a>`;

export interface SummaryRow {
  readonly key: string;
  readonly value: string | Html;
  readonly action?: { readonly href: string; readonly text: string; readonly hidden: string };
}

export const summaryList = (rows: ReadonlyArray<SummaryRow>): Html =>
  html`<dl class="nhsuk-summary-list">
  ${rows.map(
    (row) => html`<div class="nhsuk-summary-list__row">
    <dt class="nhsuk-summary-list__key">${row.key}</dt>
    <dd class="nhsuk-summary-list__value">${row.value}</dd>
    ${
      row.action === undefined
        ? ""
        : html`<dd class="nhsuk-summary-list__actions"><a href="${row.action.href}">${row.action.text}<span class="nhsuk-u-visually-hidden"> ${row.action.hidden}</span></a></dd>`
    }
  </div>`,
  )}
</dl>`;

export const insetText = (content: string | Html): Html =>
  html`<div class="nhsuk-inset-text"><span class="nhsuk-u-visually-hidden">Information: </span><p>${content}</p></div>`;

export const warningCallout = (heading: string, content: string | Html): Html =>
  html`<div class="nhsuk-card nhsuk-card--warning">
  <div class="nhsuk-card__content">
    <h2 class="nhsuk-card__heading">${heading}</h2>
    <div class="nhsuk-card__description">${content}</div>
  </div>
</div>`;
