// Pages are built with Hono's `html` tagged template (see docs/decisions/019): every interpolated
// string is escaped; `raw()` is only for markup our own code produced (SVG charts, icons).
import { html, raw } from "hono/html";

export { html, raw };

/** What `html` returns: escaped markup (a promise only when a part is asynchronous). */
export type Html = ReturnType<typeof html>;

/** Renders markup only when the condition holds. */
export const when = (condition: boolean, markup: () => Html): Html | "" =>
  condition ? markup() : "";
