/**
 * What the preview and the bench learn about rendered components, through miniprogram-simulate's public surface:
 * - component definitions (file path, tag and class prefix, style options) as simulate hands each one to
 *   j-component's public `register()`, which this module wraps once at import (import it before loading pages);
 * - each element's template attributes from `toJSON()`, j-component's serialised tree, which matches the DOM
 *   element for element: the attributes the DOM never shows (`hidden`, an image's `src`, inline styles with rpx).
 */
import jComponent from 'j-component';
import { isRecord } from '../../miniprogram/lib/guards';

/** A j-component definition as simulate registers it (the Component() options plus path and tag). */
export type Definition = Record<string, unknown> & { path?: unknown; tagName?: unknown; options?: unknown };

export interface ComponentInfo {
  /** Absolute path without extension ('/…/pages/contacts/index'). */
  path: string;
  /** Tag in the DOM and class prefix ('main' for a page, 'van-empty', …). */
  tagName: string;
  /** Page and app styles reach inside (addGlobalClass or styleIsolation apply-shared / shared). */
  receivesPageStyles: boolean;
}

export interface TemplateNode {
  tagName: string;
  attrs: Array<{ name: string; value: unknown }>;
  /** Bound events by name (tap, click, …) with the handler's name. */
  event?: Record<string, { handler?: unknown }>;
  children: Array<TemplateNode | string>;
}

const listeners: Array<(definition: Definition) => void> = [];
const byPath = new Map<string, ComponentInfo>();
const pathsByTag = new Map<string, Set<string>>();

/** Runs `listener` on every component definition registered from now on, before j-component reads it. */
export function onRegister(listener: (definition: Definition) => void): void {
  listeners.push(listener);
}

onRegister((definition) => {
  const { path, tagName } = definition;
  if (typeof path !== 'string' || typeof tagName !== 'string') return; // built-ins (wx-view, …)
  const options = isRecord(definition.options) ? definition.options : {};
  const isolation = options.styleIsolation;
  byPath.set(path, {
    path,
    tagName,
    receivesPageStyles:
      options.addGlobalClass === true || isolation === 'apply-shared' || isolation === 'shared',
  });
  pathsByTag.set(tagName, (pathsByTag.get(tagName) ?? new Set()).add(path));
});

const register = jComponent.register.bind(jComponent);
Object.assign(jComponent, {
  register(definition: Definition) {
    for (const listener of listeners) listener(definition);
    return register(definition as Parameters<typeof register>[0]);
  },
});

export function componentAt(path: string): ComponentInfo | undefined {
  return byPath.get(path);
}

/** The custom component a DOM tag stands for; undefined for built-ins and unknown tags. */
export function componentTagged(tagName: string): ComponentInfo | undefined {
  const paths = [...(pathsByTag.get(tagName) ?? [])];
  if (paths.length > 1) {
    throw new Error(
      `preview: <${tagName}> names ${paths.length} components (${paths.join(', ')}); give each its own tag`,
    );
  }
  return paths[0] === undefined ? undefined : byPath.get(paths[0]);
}

/** The tree of a rendered component (`simulate.render()` result), through its public toJSON(). */
export function templateTree(comp: { toJSON(): unknown }): TemplateNode {
  const json = comp.toJSON();
  if (!isRecord(json) || typeof json.tagName !== 'string')
    throw new Error('preview: unexpected toJSON() shape');
  return json as unknown as TemplateNode;
}

export const elementChildren = (node: TemplateNode): TemplateNode[] =>
  node.children.filter((c): c is TemplateNode => typeof c !== 'string');
