// Which screen of an open portfolio is showing.

/** SCREENS are the screens of an open portfolio, in nav order. */
export const SCREENS = ['profile', 'experiences', 'credentials', 'evidence', 'support'] as const;

/** Screen names one screen. */
export type Screen = (typeof SCREENS)[number];

/** Nav holds the current screen. */
class Nav {
  current = $state<Screen>('profile');

  go(screen: Screen): void {
    this.current = screen;
  }
}

/** nav is the app's navigation state. */
export const nav = new Nav();
