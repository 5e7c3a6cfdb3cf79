// Imported first by the UI tests: chalk (Ink's colours) decides once, when loaded, whether the terminal
// has colour, and under the test runner it has none. Forcing it on means that a frame without escape
// codes proves the theme turned colour off, not that the runner had no TTY.
process.env.FORCE_COLOR = '1';
