/**
 * `maximo check . | head`: the reader closed the pipe. Writing on fails with EPIPE, which node
 * raises as an unhandled 'error' with a stack trace. Stop quietly instead, with the status of a
 * command ended by SIGPIPE (128 + 13), as coreutils commands do.
 */
export const EXIT_PIPE_CLOSED = 141;

export function endQuietlyOnClosedPipe(streams: readonly NodeJS.WritableStream[], exit: (code: number) => never = process.exit): void {
  for (const stream of streams) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
      exit(EXIT_PIPE_CLOSED);
    });
  }
}
