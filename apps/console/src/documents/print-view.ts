/**
 * The HTML print view of a document as the `srcdoc` of a sandboxed frame. A srcdoc frame lives under the console's
 * Content-Security-Policy, which refuses a <style> without the page's nonce: the view's own stylesheet, in its
 * <head>, is given the nonce. Only the head is touched, and the renderer writes nothing from the case there but the
 * escaped title; the body (party, facts…) stays as the renderer escaped it. (Parsing the view with DOMParser would
 * itself be judged by the policy and reported as a refused style.)
 */
export function printViewSrcdoc(html: string, nonce: string | undefined): string {
  const end = html.indexOf('</head>');
  if (!nonce || end < 0) return html;
  return html.slice(0, end).replaceAll('<style>', `<style nonce="${nonce}">`) + html.slice(end);
}

/** The nonce the service gave this page (its CSP admits styles that carry it). */
export function pageNonce(): string | undefined {
  return document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content;
}
