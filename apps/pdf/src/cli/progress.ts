// A progress bar on stderr: redrawn in place on a terminal, one plain line per step otherwise (CI
// logs and build tools read lines).
import type { WriteStream } from "node:tty";

export interface Progress {
  step(label: string): void;
  done(summary: string): void;
}

const WIDTH = 24;

export const createProgress = (
  total: number,
  stream: NodeJS.WriteStream | WriteStream = process.stderr,
): Progress => {
  let count = 0;
  const tty = stream.isTTY === true;
  const bar = () => {
    const filled = total === 0 ? WIDTH : Math.round((count / total) * WIDTH);
    return `[${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}]`;
  };
  return {
    step(label) {
      count++;
      if (tty) {
        const columns = stream.columns ?? 80;
        const line = `${bar()} ${count}/${total} ${label}`.slice(0, Math.max(10, columns - 1));
        stream.write(`\r\u001b[2K${line}`);
      } else {
        stream.write(`[${count}/${total}] ${label}\n`);
      }
    },
    done(summary) {
      stream.write(`${tty ? "\r\u001b[2K" : ""}${summary}\n`);
    },
  };
};
