// The shapes of the benchmark answers the benchmark and network-results pages read (the API's
// resources/benchmarks/compute.ts is the source of truth; a renamed field fails the type-check here).

export interface DistributionView {
  readonly participants: number;
  readonly min: number;
  readonly q1: number;
  readonly median: number;
  readonly q3: number;
  readonly max: number;
}

export interface StandardChangeView {
  readonly standardId: string;
  readonly change: number;
  /** Signed, one decimal place: "+0.3", "-1.0", "0.0" (scale points). */
  readonly display: string;
}

export interface StandingView {
  readonly percent: number;
  /** Share of the other services below (ties half); null when withheld or alone. */
  readonly percentile: number | null;
  readonly bestPractice: boolean;
  readonly focus: boolean;
  /** Null when the service has no result for the area in the previous cycle. */
  readonly change: {
    readonly area: number;
    readonly standards: ReadonlyArray<StandardChangeView>;
  } | null;
}

export interface PeerLabel {
  readonly code: string;
  /** Only when that service opted in to being named (or the reader is a network admin). */
  readonly name: string | null;
}

export interface ServiceAreaBenchmark {
  readonly area: string;
  readonly name: string;
  readonly participants: number;
  readonly withheld: boolean;
  readonly distribution: DistributionView | null;
  readonly service: StandingView | null;
  readonly peers: ReadonlyArray<PeerLabel & { readonly percent: number }>;
}

export interface ServiceBenchmark {
  readonly cycle: string;
  readonly previousCycle: string | null;
  readonly minimumParticipants: number;
  readonly you: PeerLabel;
  readonly areas: ReadonlyArray<ServiceAreaBenchmark>;
  readonly buddies: ReadonlyArray<{
    readonly with: PeerLabel;
    readonly sharedWeakAreas: ReadonlyArray<string>;
    readonly reason: string;
  }>;
  readonly bestPractice: {
    readonly area: string;
    readonly percent: number;
    readonly learnFrom: ReadonlyArray<
      PeerLabel & { readonly percent: number; readonly reason: string }
    >;
  } | null;
}

export interface NetworkAreaBenchmark {
  readonly area: string;
  readonly name: string;
  readonly withheld: boolean;
  readonly distribution: DistributionView | null;
  readonly services: ReadonlyArray<
    StandingView & PeerLabel & { readonly serviceId: string; readonly name: string }
  >;
}

export interface NetworkBenchmark {
  readonly cycle: string;
  readonly previousCycle: string | null;
  readonly minimumParticipants: number;
  readonly areas: ReadonlyArray<NetworkAreaBenchmark>;
  readonly buddies: ReadonlyArray<{
    readonly services: ReadonlyArray<PeerLabel>;
    readonly reason: string;
  }>;
}

export interface CycleStandards {
  readonly areas: ReadonlyArray<{
    readonly slug: string;
    readonly name: string;
    readonly standards: ReadonlyArray<{ readonly id: string; readonly text: string }>;
  }>;
}

/** "a service" is shown by its name when it opted in, by its code otherwise. */
export const peerText = (peer: PeerLabel): string =>
  peer.name === null ? peer.code : `${peer.name} (${peer.code})`;

/** "75%" or "75.5%": one decimal place only when there is one. */
export const percentText = (value: number): string => `${Number(value.toFixed(1))}%`;

/** Percentage points, signed: "+6.7 points", "−2 points", "no change". */
export const pointsText = (value: number): string => {
  const rounded = Number(value.toFixed(1));
  if (rounded === 0) return "No change";
  const size = Math.abs(rounded);
  return `${rounded > 0 ? "Up" : "Down"} ${size} ${size === 1 ? "point" : "points"}`;
};
