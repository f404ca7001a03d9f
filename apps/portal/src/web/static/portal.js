// Progressive enhancement only: every page works without this file. It switches on nhsuk-frontend's
// components (password reveal, error summary focus, header menu) and print buttons.
document.body.classList.add("js-enabled", "nhsuk-frontend-supported");

// "Print this page" buttons exist only where printing from a script is possible.
for (const button of document.querySelectorAll("[data-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}

const source = document.body.dataset.nhsukJs;
if (source) {
  const { initAll } = await import(source);
  initAll();
}
