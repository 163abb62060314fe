// Control characters of a page made visible in a report read on a terminal (--explain, --diff). Scraped
// text can hold escape sequences, whether left over from a console log or planted: written as they are,
// they would clear the screen, retitle the window, write the clipboard (OSC 52) or hide text, and the
// reader would never see the line they came from. The clean text itself is passed through untouched (the
// README's promise); a report is for reading, so there they become visible.

/** C0 controls except tab, DEL and the C1 controls (U+0080–U+009F, which some terminals obey too). */
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/gu;

/**
 * C0 controls and DEL as their Unicode control pictures (ESC is ␛, BEL ␇), each one column wide like the
 * character it stands for; C1 controls, which have no picture, as \xHH.
 */
export function visibleControls(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return `\\x${code.toString(16).toUpperCase()}`;
  });
}

/** C0 and C1 control characters, tab and line ends included: a message must stay one line. */
// eslint-disable-next-line no-control-regex
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f]/gu;

/**
 * A message's control characters as \u001b escapes, as JSON writes them: a file name with a line break or
 * an escape code (or the engine's message quoting a bad record) stays one line and cannot steer a terminal.
 */
export function escapeControls(message: string): string {
  return message.replace(ANY_CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
