// wmpf.d.ts and wmpf-voip.d.ts are picked up by tsconfig "include"; this file holds app-wide declarations.

interface IAppOption {
  globalData: Record<string, never>;
}

// mobx-miniprogram-bindings' ComponentWithStore options leave out Component's `behaviors` (it adds its own to them)
declare namespace WechatMiniprogram.Component {
  interface OtherOption {
    behaviors: string[];
  }
}
