/**
 * The clock of an element that shows statuses "at now" when the page gives no `now`: the current instant,
 * refreshed every minute while the element is connected, so a list left open turns "due soon" into "overdue"
 * without a reload.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class ClockController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #period: number;
  #timer: ReturnType<typeof setInterval> | undefined;
  #now = new Date().toISOString();

  constructor(host: ReactiveControllerHost, periodMs = 60_000) {
    this.#host = host;
    this.#period = periodMs;
    host.addController(this);
  }

  /** The instant of the last tick (ISO 8601). */
  get now(): string {
    return this.#now;
  }

  hostConnected(): void {
    this.#now = new Date().toISOString();
    this.#timer = setInterval(() => {
      this.#now = new Date().toISOString();
      this.#host.requestUpdate();
    }, this.#period);
  }

  hostDisconnected(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
