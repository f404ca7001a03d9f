// The page frame every portal page shares: NHS header (service name, account, navigation), skip
// link, breadcrumbs or back link, one <main>, and the footer with the symbols' attribution.
import type { Principal } from "../../auth/Principal.ts";
import { assetUrl } from "../assets.ts";
import { csrfField } from "../forms.ts";
import { type Html, html } from "../html.ts";
import { navigationFor } from "../nav.ts";
import { backLink, breadcrumbs, type Crumb } from "./basics.ts";

export const SERVICE_NAME = "SeQuIn";

export interface LayoutOptions {
  /** The page's own title; the document title becomes "title – SeQuIn". */
  readonly title: string;
  readonly principal?: Principal | undefined;
  /** The current path, to mark the navigation item the page belongs to. */
  readonly path: string;
  readonly crumbs?: ReadonlyArray<Crumb>;
  readonly back?: { readonly href: string; readonly text?: string };
  /** Prefixes the document title with "Error: " so screen-reader users hear it first. */
  readonly hasErrors?: boolean;
  /** Extra scripts from src/web/static (served files only: the CSP allows no inline script). */
  readonly scripts?: ReadonlyArray<string>;
  /** Extra stylesheets from src/web/static (the CSP allows no inline style or style attribute). */
  readonly styles?: ReadonlyArray<string>;
  /** Classes on <body>, e.g. the easy-read mode. */
  readonly bodyClass?: string;
  /** The main column's width class (defaults to two-thirds for forms, full for tables). */
  readonly wide?: boolean;
  /** Use the whole screen width (the assessment table on a meeting-room projector). */
  readonly fluid?: boolean;
}

export const documentTitle = (title: string, hasErrors = false): string =>
  `${hasErrors ? "Error: " : ""}${title} – ${SERVICE_NAME}`;

const NHS_LOGO = html`<svg class="nhsuk-header__logo" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 80" height="40" width="100" focusable="false" role="img" aria-label="NHS"><title>NHS</title><path fill="currentcolor" d="M200 0v80H0V0h200Zm-27.5 5.5c-14.5 0-29 5-29 22 0 10.2 7.7 13.5 14.7 16.3l.7.3c5.4 2 10.1 3.9 10.1 8.4 0 6.5-8.5 7.5-14 7.5s-12.5-1.5-16-3.5L135 70c5.5 2 13.5 3.5 20 3.5 15.5 0 32-4.5 32-22.5 0-19.5-25.5-16.5-25.5-25.5 0-5.5 5.5-6.5 12.5-6.5a35 35 0 0 1 14.5 3l4-13.5c-4.5-2-12-3-20-3Zm-131 2h-22l-14 65H22l9-45h.5l13.5 45h21.5l14-65H64l-9 45h-.5l-13-45Zm63 0h-18l-13 65h17l6-28H117l-5.5 28H129l13.5-65H125L119.5 32h-20l5-24.5Z"/></svg>`;

const USER_ICON = html`<svg class="nhsuk-icon nhsuk-icon--user" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="16" height="16" focusable="false" aria-hidden="true"><path d="M12 1a11 11 0 1 1 0 22 11 11 0 0 1 0-22Zm0 2a9 9 0 0 0-5 16.5V18a4 4 0 0 1 4-4h2a4 4 0 0 1 4 4v1.5A9 9 0 0 0 12 3Zm0 3a3.5 3.5 0 1 1-3.5 3.5A3.4 3.4 0 0 1 12 6Z"/></svg>`;

const isCurrent = (href: string, path: string): boolean =>
  href === "/portal/" ? path === "/portal/" || path === "/portal" : path.startsWith(href);

const header = (principal: Principal | undefined, path: string): Html => {
  const person = principal?.via === "session" ? principal : undefined;
  const items = person === undefined ? [] : navigationFor(person);
  return html`<header class="nhsuk-header" data-module="nhsuk-header" role="banner">
  <div class="nhsuk-header__container nhsuk-width-container">
    <div class="nhsuk-header__service">
      <a class="nhsuk-header__service-logo" href="/portal/" aria-label="NHS ${SERVICE_NAME} homepage">
        ${NHS_LOGO}
        <span class="nhsuk-header__service-name">${SERVICE_NAME}</span>
      </a>
    </div>
    ${
      person === undefined
        ? ""
        : html`<nav class="nhsuk-header__account" aria-label="Account">
      <ul class="nhsuk-header__account-list">
        <li class="nhsuk-header__account-item">${USER_ICON} ${person.displayName}</li>
        <li class="nhsuk-header__account-item"><a class="nhsuk-header__account-link" href="/portal/password">Change password</a></li>
        <li class="nhsuk-header__account-item">
          <form class="nhsuk-header__account-form" action="/portal/sign-out" method="post" novalidate>
            ${csrfField(person.csrfToken)}
            <button class="nhsuk-header__account-button">Sign out</button>
          </form>
        </li>
      </ul>
    </nav>`
    }
  </div>
  ${
    items.length === 0
      ? ""
      : html`<nav class="nhsuk-header__navigation" aria-label="Menu">
    <div class="nhsuk-header__navigation-container nhsuk-width-container">
      <ul class="nhsuk-header__navigation-list">
        ${items.map((item) =>
          isCurrent(item.href, path)
            ? html`<li class="nhsuk-header__navigation-item nhsuk-header__navigation-item--current"><a class="nhsuk-header__navigation-link" href="${item.href}" aria-current="${path === item.href ? "page" : "true"}"><strong class="nhsuk-header__navigation-item-current-fallback">${item.text}</strong></a></li>`
            : html`<li class="nhsuk-header__navigation-item"><a class="nhsuk-header__navigation-link" href="${item.href}">${item.text}</a></li>`,
        )}
        <li class="nhsuk-header__menu" hidden>
          <button class="nhsuk-header__menu-toggle nhsuk-header__navigation-link" id="toggle-menu" aria-expanded="false"><span class="nhsuk-u-visually-hidden">Browse </span>More</button>
        </li>
      </ul>
    </div>
  </nav>`
  }
</header>`;
};

const footer = (): Html => html`<footer class="nhsuk-footer" role="contentinfo">
  <div class="nhsuk-width-container">
    <div class="nhsuk-footer__meta">
      <h2 class="nhsuk-u-visually-hidden">Support links</h2>
      <ul class="nhsuk-footer__list">
        <li class="nhsuk-footer__list-item"><a class="nhsuk-footer__list-item-link" href="/api/docs">API reference</a></li>
      </ul>
      <p class="nhsuk-body-s app-footer-credit">Symbols: <a href="https://openmoji.org/">OpenMoji</a> – the open-source emoji and icon project, licensed <a href="https://creativecommons.org/licenses/by-sa/4.0/">CC BY-SA 4.0</a>.</p>
      <p class="nhsuk-body-s">${SERVICE_NAME} – the Secure Quality Involvement Tool</p>
    </div>
  </div>
</footer>`;

export const layout = (options: LayoutOptions, content: Html): Html => html`<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${documentTitle(options.title, options.hasErrors)}</title>
  <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
  <meta name="theme-color" content="#005eb8">
  <link rel="icon" href="${assetUrl.favicon}" sizes="48x48">
  <link rel="icon" href="${assetUrl.faviconSvg}" sizes="any" type="image/svg+xml">
  <link rel="stylesheet" href="${assetUrl.css}">
  <link rel="stylesheet" href="${assetUrl.own("portal.css")}">
  ${(options.styles ?? []).map((name) => html`<link rel="stylesheet" href="${assetUrl.own(name)}">`)}
</head>
<body${options.bodyClass === undefined ? "" : html` class="${options.bodyClass}"`} data-nhsuk-js="${assetUrl.nhsukJs}">
  <a class="nhsuk-skip-link" data-module="nhsuk-skip-link" href="#maincontent">Skip to main content</a>
  ${header(options.principal, options.path)}
  <div class="${options.fluid ? "nhsuk-width-container-fluid app-fluid" : "nhsuk-width-container"}">
    ${options.crumbs === undefined || options.crumbs.length === 0 ? "" : breadcrumbs(options.crumbs)}
    ${options.back === undefined ? "" : backLink(options.back.href, options.back.text)}
    <main class="nhsuk-main-wrapper" id="maincontent">
      ${
        options.wide
          ? content
          : html`<div class="nhsuk-grid-row"><div class="nhsuk-grid-column-two-thirds">${content}</div></div>`
      }
    </main>
  </div>
  ${footer()}
  <script type="module" src="${assetUrl.own("portal.js")}"></script>
  ${(options.scripts ?? []).map((name) => html`<script type="module" src="${assetUrl.own(name)}"></script>`)}
</body>
</html>`;
