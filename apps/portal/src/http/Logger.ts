// Structured logs: one JSON object per line on stdout, with the request id when there is one.
export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

export interface Logger {
  readonly debug: (message: string, fields?: Record<string, unknown>) => void;
  readonly info: (message: string, fields?: Record<string, unknown>) => void;
  readonly warn: (message: string, fields?: Record<string, unknown>) => void;
  readonly error: (message: string, fields?: Record<string, unknown>) => void;
}

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export const makeLogger = (
  level: LogLevel,
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Logger => {
  const at =
    (entryLevel: Exclude<LogLevel, "silent">) =>
    (message: string, fields: Record<string, unknown> = {}) => {
      if (order[entryLevel] < order[level]) return;
      write(
        JSON.stringify({ time: new Date().toISOString(), level: entryLevel, message, ...fields }),
      );
    };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
};

/** A logger that keeps lines in memory, for tests. */
export const memoryLogger = (): Logger & { readonly lines: Array<Record<string, unknown>> } => {
  const lines: Array<Record<string, unknown>> = [];
  return {
    ...makeLogger("debug", (line) => lines.push(JSON.parse(line) as Record<string, unknown>)),
    lines,
  };
};
