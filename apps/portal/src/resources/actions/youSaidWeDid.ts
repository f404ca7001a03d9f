// "You said, we did": the finished actions in plain data, each beside the standard's easy-read text
// and symbol, for a page or PDF that service users read.
import { Standards } from "@sequin/core";
import type { StoredCycle } from "../../repositories/Cycles.ts";
import type { ActionRow } from "./store.ts";

export const SYMBOLS_CREDIT = "Symbols from OpenMoji (openmoji.org), licensed under CC BY-SA 4.0.";

/** Areas in the set's display order, then standards by id. */
const bySetOrder = (set: Standards.StandardsSet) => {
  const rank = (row: ActionRow) =>
    set.areas.findIndex((area) =>
      area.standards.some((standard) => standard.id === row.standardId),
    );
  return (left: ActionRow, right: ActionRow) =>
    rank(left) - rank(right) || left.standardId.localeCompare(right.standardId);
};

export const youSaidWeDid = (
  service: { readonly name: string },
  cycle: StoredCycle,
  rows: ReadonlyArray<ActionRow>,
) => ({
  service: service.name,
  cycle: cycle.label,
  standardsVersion: cycle.standardsVersion,
  items: [...rows].sort(bySetOrder(cycle.set)).flatMap((row) => {
    const found = Standards.findStandard(cycle.set, row.standardId);
    if (found === undefined) return [];
    return [
      {
        actionId: row.id,
        area: { slug: found.area.slug, name: found.area.name, symbol: found.area.symbol },
        standard: {
          id: found.standard.id,
          text: found.standard.text,
          easyRead: found.standard.easyRead,
          symbol: found.standard.symbol,
        },
        what: row.what,
        outcome: row.outcome,
      },
    ];
  }),
  symbolsCredit: SYMBOLS_CREDIT,
});
