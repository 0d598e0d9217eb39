import { texts } from '../../i18n/index';
import { setPageTitle } from '../../services/system';

Component({
  data: {
    text: texts('contacts'),
  },
  methods: {
    onLoad() {
      const text = texts('contacts');
      this.setData({ text });
      setPageTitle(text.title);
    },
  },
});
