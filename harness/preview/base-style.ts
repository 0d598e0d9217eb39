/**
 * What the WeChat webview gives every page before any WXSS: the `page` root, the built-in components' default look
 * (style v2, approximated from WeChat's own defaults) and placeholders for native components a browser cannot show.
 * Text uses Noto Sans SC from the npm package @fontsource/noto-sans-sc (Chinese and Latin), so a preview looks the
 * same on every machine, whatever fonts it has installed.
 */
import { createRequire } from 'module';
import { pathToFileURL } from 'url';
import type { Screen } from './units';

const nodeRequire = createRequire(__filename);
/** The font of every system-font stack in a preview (see stylesheets.ts). */
export const FONT = '"Noto Sans SC",sans-serif';

/** The package's own @font-face sheets (file:// URLs) for the weights the WXSS uses; unicode-range slices. */
export const FONT_STYLESHEETS = [400, 500, 600, 700].map(
  (weight) => pathToFileURL(nodeRequire.resolve(`@fontsource/noto-sans-sc/${weight}.css`)).href,
);

const NATIVE_PLACEHOLDERS: Array<[tag: string, width: number, height: number]> = [
  ['video', 300, 225],
  ['camera', 300, 225],
  ['live-player', 300, 225],
  ['live-pusher', 300, 225],
  ['voip-room', 300, 225],
  ['map', 300, 150],
  ['canvas', 300, 150],
  ['web-view', 300, 150],
];

export function baseStyle(screen: Screen): string {
  const natives = NATIVE_PLACEHOLDERS.map(
    ([tag, w, h]) =>
      `wx-${tag}{display:inline-block;position:relative;width:${w}px;height:${h}px;background:#1f2329;overflow:hidden}` +
      `wx-${tag}::before{content:"<${tag}>";position:absolute;inset:0;display:flex;align-items:center;` +
      `justify-content:center;color:#8f959e;font:12px ${FONT}}`,
  ).join('\n');
  return `
html,body{margin:0;padding:0}
body{-webkit-text-size-adjust:100%;-webkit-font-smoothing:antialiased}
page{display:block;position:relative;transform:translateZ(0);min-height:${screen.windowHeight}px;font-size:16px;
  font-family:${FONT};line-height:normal;color:#000}
[hidden]{display:none!important}
wx-view,wx-cover-view,wx-scroll-view,wx-swiper,wx-swiper-item,wx-movable-area,wx-form,wx-navigator,wx-picker,
wx-picker-view,wx-root-portal,wx-page-container,wx-match-media,wx-grid-view,wx-list-view,wx-sticky-header,
wx-sticky-section,wx-rich-text,wx-editor,wx-textarea,wx-input{display:block}
wx-text{white-space:pre-line}
wx-scroll-view{overflow:hidden;position:relative}
wx-scroll-view[scroll-y]{overflow-y:auto}
wx-scroll-view[scroll-x]{overflow-x:auto}
wx-swiper{position:relative;height:150px;overflow:hidden}
wx-swiper-item{display:block;width:100%;height:100%}
wx-swiper-item~wx-swiper-item{display:none}
wx-movable-view{display:inline-block;position:absolute;top:0;left:0}
wx-image{display:inline-block;position:relative;overflow:hidden;width:320px;height:240px}
wx-image>.wx-image-fill{position:absolute;inset:0;background-repeat:no-repeat}
wx-image>img{display:block;width:100%;height:100%}
wx-image[mode=widthFix]{height:auto}
wx-image[mode=widthFix]>img{height:auto}
wx-image[mode=heightFix]{width:auto}
wx-image[mode=heightFix]>img{width:auto}
wx-cover-image{display:block}
wx-icon{display:inline-block;font-size:0}
wx-button{position:relative;display:block;box-sizing:border-box;width:184px;margin-left:auto;margin-right:auto;
  padding:8px 24px;font-size:17px;font-weight:700;line-height:1.41176471;text-align:center;text-decoration:none;
  border-radius:8px;overflow:hidden;color:#06ae56;background-color:#f2f2f2;cursor:pointer}
wx-button::after{content:" ";position:absolute;top:0;left:0;width:200%;height:200%;box-sizing:border-box;
  border:1px solid rgba(0,0,0,.2);border-radius:16px;transform:scale(.5);transform-origin:0 0;pointer-events:none}
wx-button[type=primary]{color:#fff;background-color:#07c160}
wx-button[type=warn]{color:#fa5151;background-color:#f2f2f2}
wx-button[size=mini]{display:inline-block;width:auto;padding:0 .75em;font-size:16px;line-height:2}
wx-button[plain]{color:#353535;background-color:transparent;border:1px solid #353535}
wx-button[plain]::after{border-width:0}
wx-button[type=primary][plain]{color:#07c160;border-color:#07c160}
wx-button[disabled]{color:rgba(0,0,0,.2);background-color:#f2f2f2}
wx-button[type=primary][disabled]{color:rgba(255,255,255,.6);background-color:#9ed99d}
wx-input{height:1.4em;min-height:1.4em;overflow:hidden;white-space:nowrap;text-overflow:clip;cursor:auto}
wx-textarea{position:relative;width:300px;height:150px;white-space:pre-wrap;overflow:hidden}
.wx-placeholder{color:#808080}
wx-switch{display:inline-block;position:relative;width:52px;height:32px;border-radius:16px;background:#e9e9ea;
  vertical-align:middle}
wx-switch::after{content:"";position:absolute;top:2px;left:2px;width:28px;height:28px;border-radius:50%;
  background:#fff;box-shadow:0 1px 3px rgba(0,0,0,.3)}
wx-switch[checked]{background:#07c160}
wx-switch[checked]::after{left:22px}
wx-checkbox,wx-radio{display:inline-block;vertical-align:middle}
wx-checkbox::before,wx-radio::before{content:"";display:inline-block;box-sizing:border-box;width:22px;height:22px;
  margin-right:5px;border:1px solid #d1d1d1;background:#fff;vertical-align:middle}
wx-checkbox::before{border-radius:3px}
wx-radio::before{border-radius:50%}
wx-checkbox[checked]::before,wx-radio[checked]::before{border-color:#07c160;background:#07c160;
  box-shadow:inset 0 0 0 5px #07c160,inset 0 0 0 11px #fff}
wx-progress{display:flex;align-items:center}
wx-progress>.wx-progress-track{flex:1;height:6px;background:#ebebeb}
wx-progress>.wx-progress-track>div{height:100%;background:#09bb07}
wx-label{display:inline}
${natives}
.wx-navigation-bar{position:relative;box-sizing:border-box;height:48px;display:flex;align-items:center;
  justify-content:center;padding:0 100px;font:500 17px ${FONT};
  white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.wx-navigation-bar>.wx-back{position:absolute;left:12px;top:50%;width:12px;height:12px;border:solid currentColor;
  border-width:0 0 2px 2px;transform:translateY(-50%) rotate(45deg)}
.wx-navigation-bar>.wx-capsule{position:absolute;right:8px;top:8px;box-sizing:border-box;width:87px;height:32px;
  border:1px solid rgba(0,0,0,.12);border-radius:16px;background:rgba(255,255,255,.6);display:flex;
  align-items:center;justify-content:space-around;font:700 14px ${FONT};letter-spacing:1px}
`;
}
