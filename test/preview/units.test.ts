import { resolveUnits, rpxToPx } from '../../harness/preview/units';
import { mapSelectors, withPreviewFont } from '../../harness/preview/stylesheets';

describe('WeChat units for previews', () => {
  it('converts rpx like the WXSS runtime: 750rpx = screen width, floored, never 0 for a non-zero value', () => {
    expect(rpxToPx(750, 375)).toBe(375);
    expect(rpxToPx(48, 375)).toBe(24);
    expect(rpxToPx(25, 375)).toBe(12);
    expect(rpxToPx(1, 375)).toBe(1);
    expect(rpxToPx(0, 375)).toBe(0);
    expect(rpxToPx(32, 1280)).toBe(54); // the landscape device: 1rpx ≈ 1.71 px
  });

  it('rewrites rpx and window-relative units in CSS text, leaving names alone', () => {
    const screen = { width: 375, windowHeight: 619 };
    expect(
      resolveUnits('.main--x2rpx{padding:24rpx 32rpx;margin:-24rpx;width:calc(100% - 48rpx)}', screen),
    ).toBe('.main--x2rpx{padding:12px 16px;margin:-12px;width:calc(100% - 24px)}');
    expect(resolveUnits('min-height:100vh;width:10vmin;font-size:.5rpx', screen)).toBe(
      'min-height:619px;width:37.5px;font-size:1px',
    );
  });

  it('maps selectors but not at-rules or keyframe steps', () => {
    const css = '@media (min-width:600px){view .a{color:red}}@keyframes k{0%{opacity:0}to{opacity:1}}';
    expect(mapSelectors(css, (s) => s.replace('view', 'wx-view'))).toBe(
      '@media (min-width:600px){wx-view .a{color:red}}@keyframes k{0%{opacity:0}to{opacity:1}}',
    );
  });

  it('draws system-font stacks with the packaged font, keeps icon fonts', () => {
    const css =
      "page{font-family:-apple-system,'PingFang SC','Microsoft YaHei',sans-serif}" +
      '.i{font-family:vant-icon}.b{font-family:var(--f,Arial,sans-serif)!important}';
    expect(withPreviewFont(css)).toBe(
      'page{font-family:"Noto Sans SC",sans-serif}.i{font-family:vant-icon}' +
        '.b{font-family:"Noto Sans SC",sans-serif!important}',
    );
  });
});
