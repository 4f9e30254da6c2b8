/**
 * `<pod-scope>`: Podscope as a custom element, built by `npm run build:embed` into `pod-scope.js`
 * and the chunks it loads from beside it.
 *
 *   <script type="module" src="pod-scope.js"></script>
 *   <pod-scope scenario="default" lang="en" autoplay></pod-scope>
 *   <pod-scope><script type="text/yaml">apiVersion: v1 …</script></pod-scope>
 *
 * Attributes: scenario, lang, autoplay, speed, theme, panels, run (a share fragment `v1=…`).
 * Every element is its own instance (own worker, store and React root) rendered in its own
 * shadow root with its styles; nothing outside the element is written. The instance's store is
 * the element's `store` property.
 */
import appCss from '../styles/app.css?inline';
import embedCss from '../styles/embed.css?inline';
import type { PodscopeStore } from '../store/createPodscopeStore.ts';
import { ATTRIBUTES, optionsFromElement, shadowCss } from './elementOptions.ts';
import { mountPodscope, type PodscopeMount } from './mount.tsx';

/**
 * CSS that views import the ordinary way (React Flow's included). The embed build collects it
 * and writes it here (src/embed/build/plugins.ts); elsewhere it stays empty.
 */
const EXTRACTED_CSS = '/*__PODSCOPE_EXTRACTED_CSS__*/';

const HOST_CSS =
  ':host{display:block;position:relative;height:560px;overflow:hidden}:host([hidden]){display:none}';

let sheets: WeakMap<Document, CSSStyleSheet> | undefined;

function styleShadow(shadow: ShadowRoot, doc: Document): void {
  const css = HOST_CSS + shadowCss(appCss) + shadowCss(EXTRACTED_CSS) + shadowCss(embedCss);
  const View = doc.defaultView;
  if (View && 'adoptedStyleSheets' in shadow && typeof View.CSSStyleSheet === 'function') {
    // Constructed sheets are shared by the document's instances and need no inline <style>,
    // so they also work under a strict style-src.
    sheets ??= new WeakMap();
    let sheet = sheets.get(doc);
    if (!sheet) {
      sheet = new View.CSSStyleSheet();
      sheet.replaceSync(css);
      sheets.set(doc, sheet);
    }
    shadow.adoptedStyleSheets = [sheet];
    return;
  }
  const style = doc.createElement('style');
  style.textContent = css;
  shadow.append(style);
}

export class PodScopeElement extends HTMLElement {
  static observedAttributes = [...ATTRIBUTES];
  #mount: PodscopeMount | undefined;
  #container: HTMLDivElement | undefined;

  /** The instance's store (undefined while the element is not in a document). */
  get store(): PodscopeStore | undefined {
    return this.#mount?.store;
  }

  connectedCallback(): void {
    if (this.#mount) return;
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    if (!this.#container) {
      styleShadow(shadow, this.ownerDocument);
      this.#container = this.ownerDocument.createElement('div');
      this.#container.className = 'podscope-element';
      shadow.append(this.#container);
    }
    this.#mount = mountPodscope(this.#container, optionsFromElement(this));
  }

  disconnectedCallback(): void {
    this.#mount?.destroy();
    this.#mount = undefined;
  }

  attributeChangedCallback(_name: string, old: string | null, value: string | null): void {
    if (old === value || !this.#mount) return;
    this.disconnectedCallback();
    this.connectedCallback();
  }
}

if (typeof customElements !== 'undefined' && !customElements.get('pod-scope'))
  customElements.define('pod-scope', PodScopeElement);
