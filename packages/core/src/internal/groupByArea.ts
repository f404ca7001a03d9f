/**
 * Groups items by their `area`, keeping input order within each group. `areas` seeds the map so that
 * listed areas come first, in that order, even when empty.
 */
export const groupByArea = <T extends { readonly area: string }>(
  items: ReadonlyArray<T>,
  areas: ReadonlyArray<string> = [],
): Map<string, Array<T>> => {
  const grouped = new Map<string, Array<T>>(areas.map((area) => [area, []]));
  for (const item of items) {
    let list = grouped.get(item.area);
    if (list === undefined) {
      list = [];
      grouped.set(item.area, list);
    }
    list.push(item);
  }
  return grouped;
};
