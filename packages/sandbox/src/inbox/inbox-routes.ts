import type Router from '@koa/router';
import type { Context } from 'koa';
import { INBOX_HTML } from './inbox-page.js';
import { INBOX_SCRIPT } from './inbox-script.js';
import { INBOX_CSS } from './inbox-style.js';

// Only the page's own script, style and JSON endpoints: even if some text slipped through as
// markup, no inline script or foreign source could run.
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

function serve(type: string, body: string) {
  return (ctx: Context) => {
    ctx.set('Content-Security-Policy', CSP);
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Cache-Control', 'no-cache');
    ctx.type = type;
    ctx.body = body;
  };
}

/**
 * Adds the inbox page to the sandbox's router (prefix `/_sandbox`): `GET /inbox`, like Mailpit
 * for e-mail, with its script and stylesheet beside it. The page reads the same JSON endpoints
 * as tests do, once a second.
 */
export function inboxRoutes(router: Router): void {
  const page = serve('text/html; charset=utf-8', INBOX_HTML);
  router.get('/inbox', (ctx) => {
    // the page's links are relative, so `/inbox/` would look for its script under itself
    if (ctx.path.endsWith('/')) return ctx.redirect(ctx.path.slice(0, -1) + (ctx.querystring ? `?${ctx.querystring}` : ''));
    page(ctx);
  });
  router.get('/inbox.js', serve('text/javascript; charset=utf-8', INBOX_SCRIPT));
  router.get('/inbox.css', serve('text/css; charset=utf-8', INBOX_CSS));
}
