/**
 * <contact-avatar> — a picture, or initials on a stable colour (given by the row's view-model, avatarOf): setData
 * only when a picture fails, so a list of 200 rows costs no setData per avatar.
 */
Component({
  properties: {
    name: { type: String, value: '' },
    initials: { type: String, value: '' },
    color: { type: String, value: '' },
    src: { type: String, value: '' },
    size: { type: String, value: 'm' },
    dimmed: { type: Boolean, value: false },
  },
  data: {
    failed: false,
  },
  observers: {
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
