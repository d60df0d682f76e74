import { packUrl } from 'virtual:icon-pack';
import { buildPack } from '../../tools/icon-pack.mjs';

let gzip: Uint8Array<ArrayBuffer> | undefined;

/** Answers the pack's URL as a build serves it (jsdom has no server); any other URL with 404. */
const servePack = (url: RequestInfo | URL): Promise<Response> => {
  gzip ??= buildPack().gzip;
  return Promise.resolve(String(url) === packUrl ? new Response(gzip) : new Response(null, { status: 404 }));
};

/** fetch serves the icon pack for the rest of the current test. */
export function serveIconPack() {
  const fetch = vi.fn(servePack);
  vi.stubGlobal('fetch', fetch);
  onTestFinished(() => {
    vi.unstubAllGlobals();
  });
  return fetch;
}
