/**
 * The native navigation bar WeChat draws above a page (Android: 48 px high), configured like WeChat does: app.json
 * `window`, overridden by the page's own .json, with the title the page sets at run time given by the caller.
 */
import * as fs from 'fs';
import * as path from 'path';
import { MP_ROOT } from './stylesheets';

export const NAVIGATION_BAR_HEIGHT = 48;

export interface NavigationBar {
  title: string;
  backgroundColor: string;
  /** 'black' or 'white', as navigationBarTextStyle. */
  textStyle: string;
  /** navigationStyle 'custom': the page draws its own bar, WeChat only the capsule. */
  custom: boolean;
  back: boolean;
}

function readWindowConfig(file: string): Record<string, unknown> {
  if (!fs.existsSync(file)) return {};
  const json: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (typeof json !== 'object' || json === null) return {};
  const record = json as Record<string, unknown>;
  const window = record.window;
  return typeof window === 'object' && window !== null ? (window as Record<string, unknown>) : record;
}

/** Navigation bar settings for a page route ('pages/contacts/index'), from app.json and the page's json. */
export function navigationBarFor(route: string | undefined): Omit<NavigationBar, 'back'> {
  const app = readWindowConfig(path.join(MP_ROOT, 'app.json'));
  const page = route ? readWindowConfig(path.join(MP_ROOT, `${route}.json`)) : {};
  const pick = (key: string, fallback: string): string => {
    const v = page[key] ?? app[key];
    return typeof v === 'string' ? v : fallback;
  };
  return {
    title: pick('navigationBarTitleText', ''),
    backgroundColor: pick('navigationBarBackgroundColor', '#000000'),
    textStyle: pick('navigationBarTextStyle', 'white'),
    custom: pick('navigationStyle', 'default') === 'custom',
  };
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

export function navigationBarHtml(bar: NavigationBar): string {
  const color = bar.textStyle === 'white' ? '#ffffff' : '#000000';
  const capsule = '<div class="wx-capsule"><span>•••</span><span>◎</span></div>';
  if (bar.custom) {
    return `<div class="wx-navigation-bar" style="position:absolute;left:0;right:0;top:0;z-index:9999;color:${color}">${capsule}</div>`;
  }
  const back = bar.back ? '<span class="wx-back"></span>' : '';
  return (
    `<div class="wx-navigation-bar" style="background:${escapeHtml(bar.backgroundColor)};color:${color}">` +
    `${back}${escapeHtml(bar.title)}${capsule}</div>`
  );
}

export { escapeHtml };
