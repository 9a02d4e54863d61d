import { printViewSrcdoc } from './print-view';

describe('printViewSrcdoc', () => {
  const view = '<html><head><title>决定书</title><style>p{}</style></head><body><p>&lt;style&gt;</p><style>x{}</style></body></html>';

  it("gives the head's stylesheet the page's nonce and leaves the body as rendered", () => {
    expect(printViewSrcdoc(view, 'n0nce')).toBe(
      '<html><head><title>决定书</title><style nonce="n0nce">p{}</style></head><body><p>&lt;style&gt;</p><style>x{}</style></body></html>',
    );
  });

  it('without a nonce (no policy to meet) returns the view unchanged', () => {
    expect(printViewSrcdoc(view, undefined)).toBe(view);
  });
});
