// The renderer page's Content-Security-Policy, sent as a response header by both the Electron app://
// protocol and the loopback bridge (a meta tag alone can be removed by the page it protects).
// Only the app's own scripts; blob: frames for the PDF preview.
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
