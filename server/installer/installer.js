/*
 * The installer page (served by the reference server at <base>/installer): provision a device and show its secret
 * once, get a registration snTicket, see when each device last reached the service. Plain browser JavaScript, no
 * framework, no storage: the admin token lives in this page's memory only and goes out only as a Bearer header.
 */
'use strict';

const TEXTS = {
  'zh-CN': {
    title: '家庭通话 · 安装工具',
    otherLanguage: 'English',
    signInTitle: '管理员令牌',
    signInHint: '令牌只保存在这个页面里，关闭页面即忘记。',
    tokenLabel: 'ADMIN_TOKEN',
    signIn: '登录',
    provisionTitle: '设置设备',
    provisionHint: '为新设备生成密钥；对已有设备再次设置会更换密钥，旧密钥立即失效。',
    snLabel: '设备序列号 (sn)',
    modelLabel: '型号 ID (modelId)',
    nameLabel: '设备名称',
    provision: '生成密钥',
    secretTitle: '设备密钥（只显示这一次）',
    secretHint: '把下面的内容写入设备的宿主应用（provisionDeviceSecret）。离开页面后无法再次查看。',
    secretDone: '已写入设备，隐藏',
    devicesTitle: '设备',
    refresh: '刷新',
    snColumn: '序列号',
    nameColumn: '名称',
    modelColumn: '型号',
    lastContactColumn: '最后联系服务',
    ticketColumn: '注册 snTicket',
    never: '从未联系',
    getTicket: '获取 snTicket',
    ticketValid: '5 分钟内有效，用于 registerMiniProgramDevice',
    noDevices: '还没有设备。',
    signedIn: '已登录。',
    provisioned: '已生成密钥：请立即写入设备。',
    working: '请稍候…',
    wrongToken: '令牌不对，或服务未开启管理接口（ADMIN_TOKEN）。',
    failed: '请求失败：',
    unreachable: '连接不上服务。',
  },
  en: {
    title: 'Family Call · Installer',
    otherLanguage: '中文',
    signInTitle: 'Admin token',
    signInHint: 'The token stays in this page only and is forgotten when you close it.',
    tokenLabel: 'ADMIN_TOKEN',
    signIn: 'Sign in',
    provisionTitle: 'Provision a device',
    provisionHint:
      'Makes a secret for a new device; doing it again for a device replaces its secret at once.',
    snLabel: 'Serial number (sn)',
    modelLabel: 'Model id (modelId)',
    nameLabel: 'Device name',
    provision: 'Make the secret',
    secretTitle: 'Device secret (shown this once)',
    secretHint: "Write this into the device's host app (provisionDeviceSecret). It cannot be shown again.",
    secretDone: 'Written to the device: hide it',
    devicesTitle: 'Devices',
    refresh: 'Refresh',
    snColumn: 'Serial number',
    nameColumn: 'Name',
    modelColumn: 'Model',
    lastContactColumn: 'Last contact with the service',
    ticketColumn: 'Registration snTicket',
    never: 'never',
    getTicket: 'Get snTicket',
    ticketValid: 'valid 5 minutes, for registerMiniProgramDevice',
    noDevices: 'No devices yet.',
    signedIn: 'Signed in.',
    provisioned: 'Secret made: write it into the device now.',
    working: 'Working…',
    wrongToken: 'Wrong token, or the admin endpoints are off (ADMIN_TOKEN).',
    failed: 'Request failed: ',
    unreachable: 'Cannot reach the service.',
  },
};

const apiBase = location.pathname.replace(/\/installer\/?$/, '');
let language = navigator.language && navigator.language.startsWith('zh') ? 'zh-CN' : 'en';
let token = '';

const $ = (id) => document.getElementById(id);
const text = (key) => TEXTS[language][key];

function applyTexts() {
  document.documentElement.lang = language;
  document.title = text('title');
  for (const element of document.querySelectorAll('[data-text]'))
    element.textContent = text(element.dataset.text);
}

function say(message, isError) {
  $('status').textContent = message;
  $('status').className = isError ? 'error' : '';
}

/** A call to the admin API; throws with a message for people (the contract's error code, never a secret). */
async function api(method, path, body) {
  let response;
  try {
    response = await fetch(apiBase + path, {
      method,
      headers: Object.assign(
        { authorization: 'Bearer ' + token },
        body === undefined ? {} : { 'content-type': 'application/json' },
      ),
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
  } catch {
    throw new Error(text('unreachable'));
  }
  const reply = await response.json().catch(() => ({}));
  if (response.ok) return reply;
  if (response.status === 401) throw new Error(text('wrongToken'));
  const error = reply.error || {};
  throw new Error(
    text('failed') + (error.code || response.status) + (error.message ? ' (' + error.message + ')' : ''),
  );
}

function formatTime(epochMs) {
  return new Date(epochMs).toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' });
}

function cell(row, content, className) {
  const td = document.createElement('td');
  td.textContent = content;
  if (className) td.className = className;
  row.appendChild(td);
  return td;
}

async function showTicket(device, td) {
  say(text('working'));
  try {
    const reply = await api('POST', '/admin/devices/' + encodeURIComponent(device.sn) + '/sn-ticket', {});
    td.textContent = '';
    const code = document.createElement('code');
    code.textContent = reply.snTicket;
    const note = document.createElement('div');
    note.textContent = text('ticketValid');
    td.append(code, note);
    say('');
  } catch (e) {
    say(e.message, true);
  }
}

async function loadDevices() {
  const reply = await api('GET', '/admin/devices');
  const body = $('devices');
  body.textContent = '';
  if (reply.devices.length === 0) {
    const row = body.insertRow();
    cell(row, text('noDevices')).colSpan = 5;
  }
  for (const device of reply.devices) {
    const row = body.insertRow();
    row.id = 'device-' + device.sn;
    cell(row, device.sn);
    cell(row, device.deviceName);
    cell(row, device.modelId);
    if (device.lastContactAt === undefined) cell(row, text('never'), 'never');
    else cell(row, formatTime(device.lastContactAt));
    const ticketCell = cell(row, '');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'quiet';
    button.textContent = text('getTicket');
    button.addEventListener('click', () => void showTicket(device, ticketCell));
    ticketCell.appendChild(button);
  }
}

async function signIn(event) {
  event.preventDefault();
  token = $('token').value.trim();
  say(text('working'));
  try {
    await loadDevices();
    $('sign-in').hidden = true;
    $('work').hidden = false;
    say(text('signedIn'));
  } catch (e) {
    token = '';
    say(e.message, true);
  }
}

async function provision(event) {
  event.preventDefault();
  const device = {
    sn: $('sn').value.trim(),
    modelId: $('model').value.trim(),
    deviceName: $('device-name').value.trim(),
  };
  say(text('working'));
  try {
    const reply = await api('POST', '/admin/devices', device);
    // what the host app needs, and the backend URL the Mini Program is built with
    const forHost = {
      sn: device.sn,
      modelId: device.modelId,
      deviceSecret: reply.deviceSecret,
      backendBaseUrl: location.origin + apiBase,
    };
    $('secret-text').textContent = JSON.stringify(forHost, null, 2);
    $('secret').hidden = false;
    $('provision-form').reset();
    say(text('provisioned'));
    await loadDevices();
  } catch (e) {
    say(e.message, true);
  }
}

document.addEventListener('DOMContentLoaded', () => {
  applyTexts();
  $('language').addEventListener('click', () => {
    language = language === 'en' ? 'zh-CN' : 'en';
    applyTexts();
    if (token !== '') void loadDevices().catch((e) => say(e.message, true));
  });
  $('sign-in-form').addEventListener('submit', (event) => void signIn(event));
  $('provision-form').addEventListener('submit', (event) => void provision(event));
  $('refresh').addEventListener('click', () => void loadDevices().catch((e) => say(e.message, true)));
  $('secret-done').addEventListener('click', () => {
    $('secret-text').textContent = '';
    $('secret').hidden = true;
  });
});
