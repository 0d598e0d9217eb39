/**
 * Reads what miniprogram-simulate keeps behind the rendered DOM: each element's exparser node, the attributes the
 * template gave it (`_vt.attrs`, with rpx still in inline styles and attributes the DOM never shows, such as
 * `hidden` or an image's `src`), and the component definitions (file path, tag, style options).
 */
import { isRecord } from '../../miniprogram/services/guards';
import { cache } from 'j-component/src/tool/utils';

export interface TemplateAttr {
  name: string;
  value: unknown;
}

interface ExparserNode {
  is?: unknown;
  _vt?: { attrs?: unknown };
  ownerShadowRoot?: { getHostNode?: () => unknown } | null;
}

export interface ComponentInfo {
  id: string;
  /** Absolute path without extension ('/…/pages/contacts/index'). */
  path: string;
  /** Tag in the DOM and class prefix ('main' for the page, 'van-empty', …). */
  tagName: string;
  /** Page and app styles reach inside (addGlobalClass or styleIsolation apply-shared / shared). */
  receivesPageStyles: boolean;
}

export function exparserNodeOf(el: Element): ExparserNode | undefined {
  const node = (el as unknown as { __wxElement?: unknown }).__wxElement;
  return isRecord(node) ? (node as ExparserNode) : undefined;
}

/** The attributes the template set on this element (latest render), camelCase names as j-component stores them. */
export function templateAttrs(el: Element): TemplateAttr[] {
  const attrs = exparserNodeOf(el)?._vt?.attrs;
  if (!Array.isArray(attrs)) return [];
  return attrs.filter((a): a is TemplateAttr => isRecord(a) && typeof a.name === 'string');
}

export function componentInfo(id: string): ComponentInfo | undefined {
  const manager = cache(id);
  if (!isRecord(manager) || !isRecord(manager.definition)) return undefined;
  const def = manager.definition;
  if (typeof def.path !== 'string' || typeof def.tagName !== 'string') return undefined;
  const options = isRecord(def.options) ? def.options : {};
  const isolation = options.styleIsolation;
  return {
    id,
    path: def.path,
    tagName: def.tagName,
    receivesPageStyles:
      options.addGlobalClass === true || isolation === 'apply-shared' || isolation === 'shared',
  };
}

/** The custom component (page or component file) whose template created this element. */
export function ownerComponent(el: Element): ComponentInfo | undefined {
  const host = exparserNodeOf(el)?.ownerShadowRoot?.getHostNode?.();
  return isRecord(host) && typeof host.is === 'string' ? componentInfo(host.is) : undefined;
}

/** The component an element is the host of (undefined for built-ins such as wx-view). */
export function hostedComponent(el: Element): ComponentInfo | undefined {
  const is = exparserNodeOf(el)?.is;
  return typeof is === 'string' ? componentInfo(is) : undefined;
}

/** The root component and every custom component rendered below it, each once, root first. */
export function componentsIn(root: Element): ComponentInfo[] {
  const seen = new Map<string, ComponentInfo>();
  for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
    const info = hostedComponent(el);
    if (info && !seen.has(info.path)) seen.set(info.path, info);
  }
  return [...seen.values()];
}
