/**
 * <contact-avatar> — a person's picture, or their initials on a stable colour when there is none or it fails to load.
 * The initials and colour come from the row's view-model (utils/avatar.ts avatarOf): the component renders what it
 * is given and calls setData only when a picture fails, so a list of 200 rows costs no setData per avatar.
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
