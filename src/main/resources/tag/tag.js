/*! Audience Hub site tag: a stable visitor id, one report per session, the id set in Heap. docs/tag.md */
(function (w, d) {
  'use strict';
  var cfg = w.audienceHubConfig || {}, me = d.currentScript;
  var hub = (cfg.hubUrl || (me ? me.src.replace(/\/tag\.js(\?.*)?$/, '') : '')).replace(/\/$/, '');
  var prop = cfg.heapProperty || 'ABTastyVisitorId', waitMs = cfg.heapWaitMs || 10000;

  // SHA-256 as hex: a site-provided id (an e-mail, an account number) never leaves the page in clear
  function sha256(text) {
    var k = [], h = [], n = 2, c = 0, i, j, x, y;
    var frac = function (v) { return (v - (v | 0)) * 4294967296 | 0; };
    for (; c < 64; n++) {
      for (j = 2; j * j <= n && n % j; j++);
      if (j * j > n) { if (c < 8) h[c] = frac(Math.sqrt(n)); k[c++] = frac(Math.cbrt(n)); }
    }
    var b = new TextEncoder().encode(text), l = b.length, m = [], wd = [];
    for (i = 0; i < l; i++) m[i >> 2] |= b[i] << ((3 - i % 4) * 8);
    m[l >> 2] |= 0x80 << ((3 - l % 4) * 8);
    m[((l + 8 >> 6) + 1) * 16 - 1] = l * 8;
    var r = function (v, s) { return v >>> s | v << 32 - s; };
    for (j = 0; j < m.length; j += 16) {
      var a = h.slice(0);
      for (i = 0; i < 64; i++) {
        if (i < 16) wd[i] = m[j + i] | 0;
        else { x = wd[i - 15]; y = wd[i - 2]; wd[i] = (r(x, 7) ^ r(x, 18) ^ x >>> 3) + wd[i - 7] + (r(y, 17) ^ r(y, 19) ^ y >>> 10) + wd[i - 16] | 0; }
        var e = a[4], o = a[0];
        var t1 = a[7] + (r(e, 6) ^ r(e, 11) ^ r(e, 25)) + (e & a[5] ^ ~e & a[6]) + k[i] + wd[i];
        var t2 = (r(o, 2) ^ r(o, 13) ^ r(o, 22)) + (o & a[1] ^ o & a[2] ^ a[1] & a[2]);
        a = [t1 + t2 | 0].concat(a); a[4] = a[4] + t1 | 0; a.pop();
      }
      for (i = 0; i < 8; i++) h[i] = h[i] + a[i] | 0;
    }
    for (text = '', i = 0; i < 8; i++) text += ('0000000' + (h[i] >>> 0).toString(16)).slice(-8);
    return text;
  }

  function fromCookie() {
    var m = /(?:^|;\s*)ABTasty=([^;]*)/.exec(d.cookie), u = m && /(?:^|&)uid=([A-Za-z0-9]{16})(?:&|$)/.exec(decodeURIComponent(m[1]));
    return u ? u[1] : null;
  }

  function fresh() {
    var abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', r = new Uint8Array(16), s = '', i;
    w.crypto.getRandomValues(r);
    for (i = 0; i < 16; i++) s += abc[r[i] % 62];
    return s;
  }

  var id = cfg.visitorId != null && cfg.visitorId !== '' ? sha256(String(cfg.visitorId)).slice(0, 16) : fromCookie() || fresh();
  // 13 months, renewed on every page
  d.cookie = 'ABTasty=' + encodeURIComponent('uid=' + id) + '; Max-Age=34214400; Path=/; SameSite=Lax'
    + (location.protocol === 'https:' ? '; Secure' : '');

  function report() {
    try {
      if (sessionStorage.getItem('audienceHubReported') === id) return;
      sessionStorage.setItem('audienceHubReported', id);
    } catch (ignored) { /* storage blocked: report on every page rather than never */ }
    var url = hub + '/api/v1/visitors/seen', body = JSON.stringify({ visitorId: id });
    // text/plain: the only JSON-carrying type a beacon may send across origins without a preflight
    if (navigator.sendBeacon && navigator.sendBeacon(url, new Blob([body], { type: 'text/plain' }))) return;
    if (w.fetch) w.fetch(url, { method: 'POST', body: body, keepalive: true, credentials: 'omit', headers: { 'Content-Type': 'text/plain' } }).catch(function () {});
  }

  function toHeap() {
    var heap = w.heap, p = {};
    if (!heap || typeof heap.addUserProperties !== 'function') return false;
    p[prop] = id;
    heap.addUserProperties(p);
    return true;
  }

  report();
  if (!toHeap()) {
    var tries = 0, timer = setInterval(function () { if (toHeap() || ++tries * 100 >= waitMs) clearInterval(timer); }, 100);
  }
  w.audienceHub = { visitorId: id };
})(window, document);
