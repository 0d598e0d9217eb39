/** The two screens every page state is previewed on. */
export interface PreviewSize {
  name: string;
  width: number;
  height: number;
  /** Device pixel ratio of the screenshot. */
  scale: number;
}

export const PHONE: PreviewSize = { name: 'phone', width: 375, height: 667, scale: 2 };
export const LANDSCAPE_DEVICE: PreviewSize = { name: 'device', width: 1280, height: 800, scale: 1 };
export const PREVIEW_SIZES: readonly PreviewSize[] = [PHONE, LANDSCAPE_DEVICE];
