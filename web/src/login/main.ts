/**
 * The login page's only script (web/login.html, decision 0020): checks the form, signs in through the same
 * API call as the app (api/auth.ts `login`, with its Chinese errors from api/client.ts), and leaves with a
 * full page load for `next` or the password change. No React, no antd: the page is the first one anyone
 * opens, often on a slow county line and an old PC. The server never says whether a username exists, so one
 * message covers every failure; a throttled account gets its own message so the user waits instead of
 * guessing again.
 */
import { fetchMe, login } from '../api/auth.ts';
import { ApiError } from '../api/client.ts';
import { PASSWORD_PATH, safeNext } from '../auth/paths.ts';

function loginErrorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'LOGIN_FAILED') return '用户名或密码错误';
    return error.message;
  }
  return '登录失败，请稍后重试';
}

function element<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

const form = element<HTMLFormElement>('login');
const username = element<HTMLInputElement>('username');
const password = element<HTMLInputElement>('password');
const button = form.querySelector('button') as HTMLButtonElement;
const errorBox = element<HTMLElement>('error');
const params = new URLSearchParams(window.location.search);
let busy = false;

/** A field's own message under it, as antd's form shows it; empty clears it. */
function setFieldError(input: HTMLInputElement, message: string): void {
  element(`${input.id}-help`).textContent = message;
  input.closest('.field')?.classList.toggle('invalid', message !== '');
  if (message) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

function showError(message: string): void {
  element('error-text').textContent = message;
  errorBox.hidden = message === '';
}

function checkFields(): boolean {
  const missingName = username.value.trim() === '';
  const missingPassword = password.value === '';
  setFieldError(username, missingName ? '请输入用户名' : '');
  setFieldError(password, missingPassword ? '请输入密码' : '');
  if (missingName) username.focus();
  else if (missingPassword) password.focus();
  return !missingName && !missingPassword;
}

function setBusy(value: boolean): void {
  busy = value;
  button.disabled = value;
  button.textContent = value ? '正在登录…' : '登录';
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (busy || !checkFields()) return;
  showError('');
  setBusy(true);
  try {
    const me = await login(username.value.trim(), password.value);
    // A full page load: the app starts afresh with this account (replace: back does not return here).
    window.location.replace(me.mustChangePassword ? PASSWORD_PATH : safeNext(params.get('next')));
  } catch (error) {
    setBusy(false);
    showError(loginErrorText(error));
    password.focus();
  }
});

for (const input of [username, password]) {
  input.addEventListener('input', () => {
    showError('');
    if (input.closest('.field')?.classList.contains('invalid')) setFieldError(input, '');
  });
}

element<HTMLElement>('signed-out').hidden = params.get('signedOut') !== '1';
button.disabled = false;
// Ready to type, as the app's login page was; not when the user has already clicked into a field.
if (document.activeElement === document.body) username.focus();

// Already signed in (the back button after login, a bookmark): nothing to do here. Not while signing in:
// that answer is the one that counts.
fetchMe().then(
  (me) => {
    if (me && !busy) window.location.replace('/');
  },
  () => {
    // The platform cannot be reached now: the form says so when it is sent.
  },
);
