// WebKit for web-test-runner without downloading a browser: Debian's WebKitGTK MiniBrowser driven by Debian's
// WebKitWebDriver (package webkit2gtk-driver) over classic WebDriver, under Xvfb when there is no display.
// No dependencies: WebDriver is plain HTTP (fetch). Optional: BROWSERS=webkit (see docs/decisions/0002).
// Supports what the project's tests use: running test pages one at a time, sendKeys (type/press) and sendMouse.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { WEBKIT_DRIVER } from './lib/setup.mjs';

export const MINIBROWSER = process.env.WEBKIT_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
export const XVFB = '/usr/bin/Xvfb';

/** WebDriver key codes for the key names @web/test-runner-commands passes (`press: 'Enter'`, `'Shift+Tab'`). */
const KEYS = {
  Backspace: '\uE003',
  Tab: '\uE004',
  Enter: '\uE007',
  Shift: '\uE008',
  Control: '\uE009',
  Alt: '\uE00A',
  Escape: '\uE00C',
  Space: ' ',
  PageUp: '\uE00E',
  PageDown: '\uE00F',
  End: '\uE010',
  Home: '\uE011',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Delete: '\uE017',
  Meta: '\uE03D',
};
const BUTTONS = { left: 0, middle: 1, right: 2 };

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Key actions for one key name or a single character; `A+B` presses modifiers around the last key. */
function keyActions(key) {
  const parts = key.length > 1 && key.includes('+') ? key.split('+') : [key];
  const codes = parts.map((k) => KEYS[k] ?? k);
  for (const c of codes) {
    if ([...c].length !== 1) throw new Error(`webkit launcher: unknown key "${c}" in "${key}"`);
  }
  return [
    ...codes.map((value) => ({ type: 'keyDown', value })),
    ...codes.reverse().map((value) => ({ type: 'keyUp', value })),
  ];
}

class WebKitLauncher {
  name = 'WebKit';
  type = 'webdriver';
  #urls = new Map();
  #procs = [];
  #base = '';
  #session = '';
  #ready;

  async initialize(config) {
    this.config = config;
  }

  async #wd(method, path, body) {
    const res = await fetch(`${this.#base}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(`WebDriver ${method} ${path}: ${json.value?.message ?? res.status}`);
    return json.value;
  }

  async #start() {
    for (const [path, pkg] of [
      [WEBKIT_DRIVER, 'webkit2gtk-driver'],
      [MINIBROWSER, 'webkit2gtk-driver'],
    ]) {
      if (!existsSync(path)) throw new Error(`WebKit: ${path} missing (apt-get install -y ${pkg} xvfb)`);
    }
    const env = { ...process.env };
    if (!env.DISPLAY) {
      if (!existsSync(XVFB)) throw new Error('WebKit needs a display: apt-get install -y xvfb');
      const display = 90 + Math.floor(Math.random() * 400);
      const xvfb = spawn(XVFB, [`:${display}`, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
        stdio: 'ignore',
      });
      this.#procs.push(xvfb);
      for (let i = 0; i < 100 && !existsSync(`/tmp/.X11-unix/X${display}`); i += 1) await sleep(50);
      env.DISPLAY = `:${display}`;
    }
    const port = await freePort();
    this.#procs.push(spawn(WEBKIT_DRIVER, [`--port=${port}`], { env, stdio: 'ignore' }));
    this.#base = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i += 1) {
      try {
        if ((await this.#wd('GET', '/status')).ready !== false) break;
      } catch (e) {
        if (i > 100) throw new Error(`WebKitWebDriver did not start: ${e.message}`, { cause: e });
      }
      await sleep(100);
    }
    const caps = { 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } };
    const session = await this.#wd('POST', '/session', { capabilities: { alwaysMatch: caps } });
    this.#session = `/session/${session.sessionId}`;
    this.name = `WebKit ${session.capabilities?.browserVersion ?? ''}`.trim();
  }

  #ensure() {
    this.#ready ??= this.#start();
    return this.#ready;
  }

  async stop() {
    try {
      if (this.#session) await this.#wd('DELETE', this.#session);
    } catch {
      // the browser is going away anyway
    }
    for (const p of this.#procs.reverse()) p.kill();
    this.#procs = [];
  }

  async startSession(id, url) {
    await this.#ensure();
    this.#urls.set(id, url);
    // Like @web/test-runner-webdriver: navigation completes while the test page reports over its own channel.
    this.#wd('POST', `${this.#session}/url`, { url }).catch(() => {});
  }

  isActive(id) {
    return this.#urls.has(id);
  }

  getBrowserUrl(id) {
    return this.#urls.get(id);
  }

  async stopSession(id) {
    await this.#wd('POST', `${this.#session}/url`, { url: 'about:blank' });
    this.#urls.delete(id);
    return {};
  }

  async startDebugSession() {
    throw new Error('WebKit launcher: debug sessions are not supported; use BROWSERS=chromium for --manual/debug');
  }

  #actions(actions) {
    return this.#wd('POST', `${this.#session}/actions`, { actions });
  }

  sendKeys(_id, keys) {
    return this.#actions([{ type: 'key', id: 'keyboard', actions: keys.flatMap(keyActions) }]);
  }

  #pointer(actions) {
    return this.#actions([{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }]);
  }

  sendMouseMove(_id, x, y) {
    return this.#pointer([{ type: 'pointerMove', duration: 0, x, y }]);
  }

  sendMouseClick(_id, x, y, button = 'left') {
    const b = BUTTONS[button];
    return this.#pointer([
      { type: 'pointerMove', duration: 0, x, y },
      { type: 'pointerDown', button: b },
      { type: 'pointerUp', button: b },
    ]);
  }

  sendMouseDown(_id, button = 'left') {
    return this.#pointer([{ type: 'pointerDown', button: BUTTONS[button] }]);
  }

  sendMouseUp(_id, button = 'left') {
    return this.#pointer([{ type: 'pointerUp', button: BUTTONS[button] }]);
  }

  async resetMouse() {
    await this.#wd('DELETE', `${this.#session}/actions`);
    return this.#pointer([{ type: 'pointerMove', duration: 0, x: 0, y: 0 }]);
  }

  async takeScreenshot() {
    throw new Error('WebKit launcher: screenshots are not supported');
  }
}

/** A web-test-runner BrowserLauncher for Debian's WebKitGTK. Use with `concurrency: 1`. */
export function webkitLauncher() {
  return new WebKitLauncher();
}
