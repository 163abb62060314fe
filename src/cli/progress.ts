// The progress line of a batch on a terminal: files done / total, MB/s and time left (cli-progress,
// loaded only when a terminal will show it). Messages printed meanwhile clear the line first, and the
// bar redraws itself on its next update. With cross-page evidence a batch reads its files twice, so the
// first pass, counting lines, has a line of its own.
export interface Progress {
  update(files: number, bytes: number): void;
  /** Runs `print` (which writes a message line) with the progress line out of the way. */
  interrupt(print: () => void): void;
  stop(): void;
}

/** Bytes per MB in the figures shown (10^6, as disk and network speeds are given). */
const MB = 1e6;

const FORMATS = {
  cleaning: 'boilerstrip {bar} {value}/{total} files | {speed} MB/s | {eta_formatted} left',
  counting: 'boilerstrip counting lines {bar} {value}/{total} files | {eta_formatted} left',
};

/** The widest a bar is drawn, and the narrowest worth drawing: below it the figures go alone. */
const MAX_BAR = 40;
const MIN_BAR = 10;
/** The longest "{speed}" ("999.9") and "{eta_formatted}" ("23h59m") print. */
const SPEED_CHARS = 5;
const ETA_CHARS = 6;
/** A terminal wraps a line that reaches its last column, so the line stays one short of it. */
const LAST_COLUMN = 1;
/** The space after the bar, which the format without the bar leaves out. */
const BAR_GAP = 1;

/**
 * The format and bar width for a terminal `columns` wide, and the width of the figures alone: the line
 * must fit, as cli-progress turns line wrapping off while it draws, and on a narrow terminal the figures
 * at its end were cut off unseen. The bar gives way first, then goes; the figures alone need about 60
 * columns (`figures`), which a terminal narrower still cuts.
 */
export function layout(phase: keyof typeof FORMATS, total: number, columns: number | undefined): { format: string; barsize: number; figures: number } {
  const format = FORMATS[phase];
  const digits = String(total).length;
  const speed = format.includes('{speed}') ? SPEED_CHARS : 0;
  const figures = format.replace('{bar} ', '').replace(/\{[a-z_]+\}/gu, '').length + 2 * digits + speed + ETA_CHARS;
  const room = (columns ?? 80) - LAST_COLUMN - figures - BAR_GAP;
  if (room >= MIN_BAR) return { format, barsize: Math.min(MAX_BAR, room), figures };
  return { format: format.replace('{bar} ', ''), barsize: MIN_BAR, figures };
}

export async function createProgress(stderr: { write(s: string): unknown; columns?: number }, total: number, phase: keyof typeof FORMATS = 'cleaning'): Promise<Progress> {
  const { SingleBar } = (await import('cli-progress')).default;
  const started = performance.now();
  const { format, barsize } = layout(phase, total, stderr.columns);
  const bar = new SingleBar({
    stream: stderr as NodeJS.WritableStream,
    format,
    barsize,
    hideCursor: true,
    clearOnComplete: true,
    etaBuffer: 50,
    fps: 5,
  });
  bar.start(total, 0, { speed: '0.0' });
  return {
    update(files, bytes) {
      const seconds = (performance.now() - started) / 1000;
      bar.update(files, { speed: seconds > 0 ? (bytes / MB / seconds).toFixed(1) : '0.0' });
    },
    interrupt(print) {
      stderr.write('\r\u001b[2K');
      print();
    },
    stop() {
      bar.stop();
    },
  };
}

/** "1,234 files (or records), 2 failed, 56.1 MB in, 12.3 MB out (78.1% removed), 3.2 s" */
export function summaryLine(s: { files: number; failed: number; bytesIn: number; bytesOut: number; seconds: number; unit?: string }): string {
  const removed = s.bytesIn > 0 ? (100 * (1 - s.bytesOut / s.bytesIn)).toFixed(1) : '0.0';
  const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(s.files, s.unit ?? 'file')}, ${s.failed.toLocaleString('en-US')} failed, ${mb(s.bytesIn)} in, ${mb(s.bytesOut)} out (${removed}% removed), ${s.seconds.toFixed(1)} s`;
}

/**
 * A byte count in decimal units, as the MB/s of the progress line: "56.1 MB" from a megabyte up (from
 * what rounds to one), below that "12.3 kB" and, under a kilobyte, "512 bytes", so that a small run does
 * not read "0.0 MB in, 0.0 MB out".
 */
export function mb(bytes: number): string {
  if (bytes >= MB - 50) return `${(bytes / MB).toFixed(1)} MB`;
  if (bytes >= 1000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${bytes.toLocaleString('en-US')} ${bytes === 1 ? 'byte' : 'bytes'}`;
}
