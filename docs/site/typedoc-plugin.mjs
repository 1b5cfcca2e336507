// @ts-check
// TypeDoc plugin for smskit's site (loaded by typedoc.json's `plugin`). Two fixes TypeDoc has no
// option for:
//
// 1. Icons from file://. The default theme writes every icon as <use href="assets/icons.svg#…">
//    and, on file:// pages only, rewrites those to same-page references once assets/icons.js
//    has added the symbols to the page. Chromium has already tried (and refused: file: URLs are
//    unique origins) to load icons.svg by then, ~75 console errors a page. The theme below
//    refers to "#icon-…" from the start; icons.js adds those symbols on every page, served or
//    not. This is TypeDoc's documented way to customise icons: a theme whose render context
//    overrides `icons` (see DefaultThemeRenderContext#icons).
// 2. Members inherited from TypeScript's lib (Error's `message`, `stack`…) are "defined in"
//    node_modules/.pnpm/typescript…: a path of the build machine that no source link can reach.
//    Their source references are dropped; the "Inherited from" line still says where they come from.
import { Converter, DefaultTheme, DefaultThemeRenderContext, JSX } from 'typedoc';

/** The icon references of a page, as same-page fragments instead of assets/icons.svg URLs. */
function localIconRefs(icons) {
  const refs = {};
  for (const [name, build] of Object.entries(icons)) {
    const svg = build.call(icons);
    // The checkbox is drawn inline by the default theme too.
    refs[name] =
      name === 'checkbox' ? () => svg : ((ref) => () => ref)(JSX.createElement('svg', { ...svg.props, id: undefined }, JSX.createElement('use', { href: `#icon-${name}` })));
  }
  return refs;
}

class FileSafeContext extends DefaultThemeRenderContext {
  /** @type {Record<string, () => JSX.Element> | undefined} */
  #refs;

  get icons() {
    this.#refs ??= localIconRefs(this.theme.icons);
    return this.#refs;
  }
}

class FileSafeTheme extends DefaultTheme {
  ContextClass = FileSafeContext;
}

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.renderer.defineTheme('smskit', FileSafeTheme);
  app.converter.on(Converter.EVENT_RESOLVE_END, (context) => {
    for (const reflection of Object.values(context.project.reflections)) {
      if (!('sources' in reflection) || !reflection.sources) continue;
      const own = reflection.sources.filter((source) => !source.fullFileName.split(/[\\/]/).includes('node_modules'));
      reflection.sources = own.length > 0 ? own : undefined;
    }
  });
}
