import { texts } from '../../i18n/index';
import { setPageTitle } from '../../services/system';

Component({
  data: {
    text: texts('calling'),
  },
  methods: {
    onLoad() {
      const text = texts('calling');
      this.setData({ text });
      setPageTitle(text.title);
    },
  },
});
