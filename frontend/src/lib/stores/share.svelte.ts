// Share with my coach: what the shared copy will hold, and writing it.
import { coachApi, type ShareOptions, type SharePreview } from './coachapi';
import { call } from '../errors';
import { registerResettable, type Resettable } from './list.svelte';

/** ShareStore holds the preview of the shared copy for the learner's choices. */
class ShareStore implements Resettable {
  preview = $state.raw<SharePreview | null>(null);
  working = $state(false);

  constructor() {
    registerResettable(this);
  }

  /** loadPreview asks Go exactly what a shared copy with these choices would hold and leave out. */
  async loadPreview(opts: ShareOptions): Promise<SharePreview> {
    this.preview = await call(() => coachApi.sharePreview(opts));
    return this.preview;
  }

  /** withDialog writes the shared copy where the learner chooses; '' when the dialog was cancelled. */
  async withDialog(opts: ShareOptions): Promise<string> {
    if (this.working) return '';
    this.working = true;
    try {
      return (await call(() => coachApi.shareWithDialog(opts))) ?? '';
    } finally {
      this.working = false;
    }
  }

  reset(): void {
    this.preview = null;
    this.working = false;
  }
}

/** share is the Share with my coach screen's state. */
export const share = new ShareStore();
