export { Benchmark, Network, Pairing, Scale, Standards } from "@sequin/core";
export { Schema } from "effect";
