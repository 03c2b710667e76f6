// Page object for the kiosk screen. Waits on the screen's own state (data-phase), never on sleeps.
import { expect, type Locator, type Page } from '@playwright/test';

export type Phase = 'idle' | 'pin' | 'busy' | 'choose' | 'receipt' | 'exit-code' | 'exit-pin' | 'exited';

export class KioskPage {
  readonly root: Locator;
  readonly receipt: Locator;
  readonly alert: Locator;
  readonly syncBadge: Locator;

  constructor(
    readonly page: Page,
    private readonly openUrl: string,
  ) {
    this.root = page.getByTestId('kiosk');
    this.receipt = page.getByTestId('receipt');
    this.alert = page.getByRole('alert');
    this.syncBadge = page.getByTestId('sync-badge');
  }

  /** Opens the kiosk; `receiptSeconds` shortens the receipt's stay for tests. */
  async open(receiptSeconds = 2): Promise<void> {
    const url = new URL(this.openUrl);
    url.search = `?receiptSeconds=${receiptSeconds}`;
    await this.page.goto(url.toString());
    await this.expectPhase('idle');
  }

  async expectPhase(phase: Phase): Promise<void> {
    await expect(this.root).toHaveAttribute('data-phase', phase);
  }

  async tapDigits(digits: string): Promise<void> {
    for (const d of digits) await this.page.getByRole('button', { name: d, exact: true }).click();
  }

  /** Code and PIN on the on-screen keypad, as a finger would. */
  async signIn(code: string, pin: string): Promise<void> {
    await this.tapDigits(code);
    await this.page.getByRole('button', { name: 'Next' }).click();
    await this.expectPhase('pin');
    await this.tapDigits(pin);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }

  punchButton(kind: 'IN' | 'OUT'): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^${kind}( Suggested)?$`) });
  }

  async punch(kind: 'IN' | 'OUT'): Promise<void> {
    await this.expectPhase('choose');
    await this.punchButton(kind).click();
    await this.expectPhase('receipt');
  }

  /** A badge reader: the whole badge within milliseconds, then Enter. */
  /**
   * A badge reader's burst: every key and Enter dispatched in the page in one go, as a reader
   * sends them (microseconds apart). Keys typed one by one through the browser protocol can
   * arrive over 40 ms apart on a loaded machine, and would then rightly read as typing.
   */
  async scanBadge(badge: string): Promise<void> {
    await this.page.evaluate(
      (keys) => {
        const target = document.activeElement ?? document.body;
        for (const key of keys) target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      },
      [...badge, 'Enter'],
    );
  }

  async screenshot(name: string): Promise<void> {
    const size = this.page.viewportSize();
    await this.page.screenshot({ path: `test-results/screenshots/${name}-${size?.width}x${size?.height}.png` });
  }
}
