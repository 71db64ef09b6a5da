/**
 * Progress for long work, on stderr only (stdout may be JSON for a program). A bar on a terminal;
 * elsewhere (CI, pipes) a line at each tenth so logs stay short.
 */
export function progressReporter(label: string, stream: NodeJS.WriteStream = process.stderr) {
  let lastTenth = -1;
  return (done: number, total: number) => {
    if (stream.isTTY) {
      const width = 24;
      const filled = Math.round((done / total) * width);
      stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
      if (done === total) stream.write('\n');
      return;
    }
    const tenth = Math.floor((done / total) * 10);
    if (tenth !== lastTenth || done === total) {
      lastTenth = tenth;
      if (tenth % 5 === 0 || done === total) stream.write(`${label} ${done}/${total}\n`);
    }
  };
}
