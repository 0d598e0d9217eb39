/**
 * Guards `npm start`: every page state it previews builds on the simulated platform, in both window sizes, and
 * shows what it is meant to show (the PNG step itself is covered by preview.test.ts).
 */
import { LANDSCAPE_DEVICE, PHONE } from '../../harness/preview/sizes';
import { renderToHtml } from '../../harness/preview/render';
import { PREVIEW_STATES, sessionFor } from '../../harness/preview/states';
import { textOf } from '../../harness/pages';

describe('npm start page states', () => {
  it.each(PREVIEW_STATES.map((s) => [s.name, s] as const))(
    '%s builds and shows its content',
    async (_, state) => {
      for (const size of [PHONE, LANDSCAPE_DEVICE]) {
        const session = sessionFor(state, size);
        try {
          const page = await state.build(session);
          expect(textOf(page)).toContain(state.shows);
          const html = renderToHtml(page, {
            ...size,
            route: state.route,
            title: state.title,
            onWarning: () => undefined,
          });
          expect(html).toContain('<page');
        } finally {
          session.close();
        }
      }
    },
  );
});
