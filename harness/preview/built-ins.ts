/**
 * simulate renders built-in components as empty `wx-*` elements and keeps their attributes out of the DOM. For a
 * screenshot, copy onto a clone of the DOM what WeChat would draw: `hidden`, the state attributes the base style
 * keys on (type, size, disabled, checked, …), ids, inline styles with rpx resolved, image pixels, input text.
 */
import * as fs from 'fs';
import * as path from 'path';
import { componentTagged, elementChildren, type ComponentInfo, type TemplateNode } from './component-tree';
import { MP_ROOT } from './stylesheets';
import { resolveUnits, type Screen } from './units';

export type Warn = (message: string) => void;

const STATE_FLAGS = ['disabled', 'plain', 'loading', 'checked', 'password', 'scrollX', 'scrollY'];
const STATE_VALUES = ['type', 'size', 'mode'];

const MIME: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
};

const IMAGE_SIZES: Record<string, string> = {
  scaleToFill: 'background-size:100% 100%',
  aspectFit: 'background-size:contain;background-position:center',
  aspectFill: 'background-size:cover;background-position:center',
};
// the other modes ('top', 'bottom left', …) are CSS background positions as they are
const POSITION_MODE = /^(top|bottom|center|left|right)( (left|right))?$/;

const dashed = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** An image `src` as a URL the browser can load offline: package files become data: URLs. */
function imageUrl(src: string, ownerPath: string | undefined, warn: Warn): string {
  if (/^(data:|https?:|\/\/)/i.test(src)) {
    if (!src.startsWith('data:')) warn(`remote image ${src} cannot load offline (blank in the preview)`);
    return src;
  }
  const file = src.startsWith('/')
    ? path.join(MP_ROOT, src)
    : path.resolve(path.dirname(ownerPath ?? path.join(MP_ROOT, 'x')), src);
  const mime = MIME[path.extname(file).toLowerCase()];
  if (!mime || !fs.existsSync(file)) {
    warn(`image ${src} not found in the package (${path.relative(MP_ROOT, file)})`);
    return src;
  }
  return `data:${mime};base64,${fs.readFileSync(file).toString('base64')}`;
}

function drawImage(
  el: Element,
  attrs: Map<string, unknown>,
  ownerPath: string | undefined,
  warn: Warn,
): void {
  const src = text(attrs.get('src'));
  if (!src) return;
  const url = imageUrl(src, ownerPath, warn);
  const mode = text(attrs.get('mode')) || 'scaleToFill';
  const doc = el.ownerDocument;
  if (mode === 'widthFix' || mode === 'heightFix') {
    const img = doc.createElement('img');
    img.setAttribute('src', url);
    img.setAttribute('alt', '');
    el.appendChild(img);
    return;
  }
  const fill = doc.createElement('div');
  fill.className = 'wx-image-fill';
  const fit = IMAGE_SIZES[mode] ?? (POSITION_MODE.test(mode) ? `background-position:${mode}` : '');
  fill.setAttribute(
    'style',
    `background-image:url("${url.replace(/"/g, '%22')}");${fit || IMAGE_SIZES.scaleToFill}`,
  );
  el.appendChild(fill);
}

function drawInputText(el: Element, attrs: Map<string, unknown>): void {
  const value = text(attrs.get('value'));
  const span = el.ownerDocument.createElement('span');
  if (value) {
    span.textContent = attrs.get('password') ? '•'.repeat(value.length) : value;
  } else {
    span.textContent = text(attrs.get('placeholder'));
    span.className = 'wx-placeholder';
    const style = text(attrs.get('placeholderStyle'));
    if (style) span.setAttribute('style', style);
  }
  el.appendChild(span);
}

function drawProgress(el: Element, attrs: Map<string, unknown>): void {
  const percent = Math.max(0, Math.min(100, Number(attrs.get('percent')) || 0));
  const track = el.ownerDocument.createElement('div');
  track.className = 'wx-progress-track';
  const bar = el.ownerDocument.createElement('div');
  bar.setAttribute('style', `width:${percent}%`);
  track.appendChild(bar);
  el.appendChild(track);
}

/**
 * The inline style with rpx resolved. The DOM holds simulate's 1rpx = 1px version, possibly followed by an
 * animation style; the template attribute holds the original.
 */
function resolvedStyle(current: string, raw: string, screen: Screen): string {
  const oneToOne = raw.replace(/(\d+)rpx/gi, '$1px');
  const extra = current.startsWith(oneToOne) ? current.slice(oneToOne.length) : '';
  return resolveUnits(raw, screen) + extra;
}

/**
 * Copies onto `copy` (a deep clone of the rendered DOM) what WeChat would show for `node` (the same element in
 * simulate's tree) and its subtree. `owner`: the component whose template holds the element (relative image paths);
 * `self`: the component `node` is, when known (the rendered root), else looked up by its tag.
 */
export function reflectBuiltIns(
  node: TemplateNode,
  copy: Element,
  owner: ComponentInfo | undefined,
  screen: Screen,
  warn: Warn,
  self?: ComponentInfo,
): void {
  const tag = copy.tagName.toLowerCase();
  if (tag !== node.tagName)
    throw new Error(`preview: the DOM (<${tag}>) and simulate's tree (<${node.tagName}>) differ`);
  const attrs = new Map(node.attrs.map((a) => [a.name, a.value]));
  const builtIn = tag.startsWith('wx-');
  const copyChildren = Array.from(copy.children); // before drawing adds any

  if (attrs.get('hidden')) copy.setAttribute('hidden', '');
  // simulate keeps ids off the DOM; page WXSS may select them
  const id = attrs.get('id');
  if (typeof id === 'string' && id) copy.setAttribute('id', id);
  // what a touch starts, for the readability measure (readability.ts): the handler of a tap or long press
  const press = node.event?.tap?.handler ?? node.event?.longpress?.handler;
  if (typeof press === 'string' && press) copy.setAttribute('data-press', press);
  const style = attrs.get('style');
  if (typeof style === 'string') {
    copy.setAttribute('style', resolvedStyle(copy.getAttribute('style') ?? '', style, screen));
  }
  if (builtIn) {
    for (const name of STATE_FLAGS) if (attrs.get(name)) copy.setAttribute(dashed(name), '');
    for (const name of STATE_VALUES) {
      const v = attrs.get(name);
      if (typeof v === 'string' && v) copy.setAttribute(name, v);
    }
    if (tag === 'wx-image') drawImage(copy, attrs, owner?.path, warn);
    if (tag === 'wx-input' || tag === 'wx-textarea') drawInputText(copy, attrs);
    if (tag === 'wx-progress') drawProgress(copy, attrs);
  }

  const inner = self ?? (builtIn ? owner : (componentTagged(tag) ?? owner));
  const nodeChildren = elementChildren(node);
  if (nodeChildren.length !== copyChildren.length) {
    throw new Error(
      `preview: <${tag}> has ${copyChildren.length} children in the DOM, ${nodeChildren.length} in simulate's tree`,
    );
  }
  nodeChildren.forEach((child, i) => reflectBuiltIns(child, copyChildren[i], inner, screen, warn));
}
