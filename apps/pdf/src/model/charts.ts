// The charts' data, as they sit in view models: plain values that renderHtml turns into SVG.

/** Where a service stands: one bar per service (peers by code), quartiles marked. */
export interface StandingChart {
  readonly kind: "standing";
  /** Read out in place of the chart (it is an image to assistive technology). */
  readonly description: string;
  readonly bars: ReadonlyArray<{
    readonly label: string;
    readonly percent: number;
    readonly you: boolean;
  }>;
  readonly quartiles: { readonly q1: number; readonly median: number; readonly q3: number };
}

/** Box plots, one row per area (or per cycle); a withheld row shows why it is empty. */
export interface DistributionChart {
  readonly kind: "distribution";
  readonly description: string;
  readonly rows: ReadonlyArray<{
    readonly label: string;
    readonly distribution: {
      readonly min: number;
      readonly q1: number;
      readonly median: number;
      readonly q3: number;
      readonly max: number;
    } | null;
    /** Printed beside an empty row, e.g. "withheld: 3 of 5 needed". */
    readonly note: string | null;
  }>;
}

export type Chart = StandingChart | DistributionChart;
