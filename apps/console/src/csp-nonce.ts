/**
 * Gives the page's nonce to every <style> element the console's own scripts insert.
 *
 * Ant Design passes the nonce to the styles it writes, but two helpers beneath it do not (the scroll lock of
 * drawers and the table's scrollbar measurement): without this their rules would be refused and the page behind an
 * open drawer would scroll. Only script can reach these methods, and the CSP admits only the console's own scripts;
 * a <style> smuggled in as markup is not inserted through them and stays refused.
 */
export function nonceScriptInsertedStyles(nonce: string): void {
  const proto = Node.prototype as unknown as Record<'appendChild' | 'insertBefore', (this: Node, node: Node, ...rest: unknown[]) => Node>;
  for (const method of ['appendChild', 'insertBefore'] as const) {
    const original = proto[method];
    proto[method] = function (this: Node, node: Node, ...rest: unknown[]) {
      if (node instanceof HTMLStyleElement && !node.nonce) node.nonce = nonce;
      return original.call(this, node, ...rest);
    };
  }
}
