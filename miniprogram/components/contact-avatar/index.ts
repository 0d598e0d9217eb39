import { avatarColor, avatarInitials } from '../../utils/avatar';

/** A person's picture, or their initials on a stable colour when there is none or it fails to load. */
Component({
  properties: {
    name: { type: String, value: '' },
    src: { type: String, value: '' },
    size: { type: String, value: 'm' },
    dimmed: { type: Boolean, value: false },
  },
  data: {
    initials: '',
    color: '',
    failed: false,
  },
  observers: {
    name(name: string) {
      this.setData({ initials: avatarInitials(name), color: avatarColor(name) });
    },
    src() {
      if (this.data.failed) this.setData({ failed: false });
    },
  },
  methods: {
    onImageError() {
      this.setData({ failed: true });
    },
  },
});
