/*! Audience Hub site tag: a stable visitor id, one report per session, the id set in Heap and Mixpanel, campaigns applied. docs/tag.md */
(function (w, d) {
  'use strict';
  var cfg = w.audienceHubConfig || {}, me = d.currentScript;
  var hub = (cfg.hubUrl || (me ? me.src.replace(/\/tag\.js(\?.*)?$/, '') : '')).replace(/\/$/, '');
  var prop = cfg.heapProperty || 'ABTastyVisitorId', waitMs = cfg.heapWaitMs || 10000;
  // the property a Mixpanel connector reads the visitor id from (docs/mixpanel.md)
  var mixpanelProp = cfg.mixpanelProperty || 'abtasty_visitor_id';
  var decisionMs = cfg.decisionTimeoutMs || 1500;
  // the cookies some running campaign's segments read: the hub writes their names here as it serves the tag
  var readCookies = /*READ_COOKIES*/[];

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

  var known = null, id = null, started = false;
  var secure = location.protocol === 'https:' ? '; Secure' : '';

  function writeCookie(value, maxAge) {
    d.cookie = 'ABTasty=' + value + '; Max-Age=' + maxAge + '; Path=/; SameSite=Lax' + secure;
  }

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
    if (!started) return;
    var p = {};
    p[prop] = id;
    w.heap.addUserProperties(p);
  }

  // what the segment criteria read; docs/decisions.md lists every key
  function context() {
    var ua = navigator.userAgent, cookies = {};
    d.cookie.split(/;\s*/).forEach(function (pair) {
      var at = pair.indexOf('='), name;
      if (at <= 0) return;
      try { name = decodeURIComponent(pair.slice(0, at)); } catch (ignored) { return; }
      if (readCookies.indexOf(name) >= 0) {
        try { cookies[name] = decodeURIComponent(pair.slice(at + 1)); } catch (ignored) { cookies[name] = pair.slice(at + 1); }
      }
    });
    return {
      // never the fragment: it is the page's own, and often carries tokens
      url: location.href.replace(/#.*$/, ''), language: navigator.language, cookies: cookies, returning: known !== null,
      time: new Date().toISOString(),
      device: /iPad|Tablet/.test(ua) ? 'tablet' : /Mobi|Android/.test(ua) ? 'mobile' : 'desktop',
      browser: /Edg\//.test(ua) ? 'edge' : /Firefox\//.test(ua) ? 'firefox' : /Chrome\//.test(ua) ? 'chrome'
        : /Safari\//.test(ua) ? 'safari' : 'other'
    };
  }

  // a selector's elements get the variation's HTML; a JSON payload is for the site's own code
  function apply(campaigns) {
    campaigns.forEach(function (c) {
      if (!c.payload || !c.payload.selector) return;
      try {
        d.querySelectorAll(c.payload.selector).forEach(function (el) { el.innerHTML = c.payload.html; });
      } catch (ignored) { /* a selector this browser cannot read changes nothing */ }
    });
  }

  function announce(campaigns, error) {
    api.decisions = campaigns;
    d.dispatchEvent(new CustomEvent('audiencehub:decisions', { detail: { visitorId: id, campaigns: campaigns, error: error } }));
  }

  // Heap under Push: an event per campaign seen, and the variation as a user property, as AB Tasty's Heap integration does
  function tellHeap(campaigns) {
    if (!started) return;
    campaigns.forEach(function (c) {
      var p = {};
      p[('AB Tasty - ' + c.campaign).slice(0, 100)] = c.variation;
      w.heap.track('AB Tasty campaign seen', { campaign: c.campaign, variation: c.variation, campaign_id: c.campaign_id, variation_key: c.variation_key });
      w.heap.addUserProperties(p);
    });
  }

  // Mixpanel under Push: the one event Mixpanel's AB Tasty integration reads, its campaign and variation in one property
  function tellMixpanel(campaigns) {
    if (!started) return;
    campaigns.forEach(function (c) {
      w.mixpanel.track('Event', { 'AB Tasty': '[' + c.campaign_id + ']' + c.campaign + '[' + c.variation_key + ']' + c.variation });
    });
  }

  // Heap is usable once heap.load(appid) ran: before, what it is given belongs to no environment
  function heapReady() {
    var heap = w.heap;
    return heap && heap.appid && typeof heap.track === 'function' && typeof heap.addUserProperties === 'function';
  }

  // Mixpanel is usable once mixpanel.init(token) ran: its snippet's stub has no people.set that sends before
  function mixpanelReady() {
    var mixpanel = w.mixpanel;
    return mixpanel && mixpanel.__loaded && mixpanel.people && typeof mixpanel.people.set === 'function';
  }

  function toMixpanel() {
    if (!started) return;
    var p = {};
    p[mixpanelProp] = id;
    w.mixpanel.people.set(p);
  }

  // polls every 100 ms until ready() holds, for at most heapWaitMs: the analytics snippet may load after the tag
  function when(ready, then) {
    if (ready()) { then(); return; }
    var waited = 0, poll = setInterval(function () {
      if (ready()) { clearInterval(poll); then(); } else if ((waited += 100) >= waitMs) clearInterval(poll);
    }, 100);
  }

  function whenHeap(then) {
    when(heapReady, then);
  }

  // once per page view; a failure or a slow answer leaves the page as it is
  function decide() {
    if (!w.fetch || cfg.decisions === false) return;
    var abort = w.AbortController ? new AbortController() : null, timer = abort && setTimeout(function () { abort.abort(); }, decisionMs);
    w.fetch(hub + '/api/v1/decisions', {
      method: 'POST', credentials: 'omit', headers: { 'Content-Type': 'application/json' }, signal: abort && abort.signal,
      body: JSON.stringify({ visitor_id: id, context: context() })
    }).then(function (r) { if (!r.ok) throw new Error('the hub answered ' + r.status); return r.json(); })
      .then(function (answer) {
        clearTimeout(timer);
        var campaigns = answer.campaigns || [];
        if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', function () { apply(campaigns); announce(campaigns); });
        else { apply(campaigns); announce(campaigns); }
        if (answer.push && answer.push.heap) whenHeap(function () { tellHeap(campaigns); });
        if (answer.push && answer.push.mixpanel) when(mixpanelReady, function () { tellMixpanel(campaigns); });
      })
      .catch(function (e) { clearTimeout(timer); announce([], String(e && e.message || e)); });
  }

  // sets the cookie, reports the visitor, tells Heap and asks for the campaigns: nothing before consent
  function start() {
    if (started) return;
    started = true;
    known = fromCookie();
    id = cfg.visitorId != null && cfg.visitorId !== '' ? sha256(String(cfg.visitorId)).slice(0, 16) : known || fresh();
    // 13 months, renewed on every page
    writeCookie(encodeURIComponent('uid=' + id), 34214400);
    api.visitorId = id;
    report();
    whenHeap(toHeap);
    when(mixpanelReady, toMixpanel);
    decide();
  }

  // the site's consent manager calls it: true starts the tag, false stops it and removes its cookie
  function consent(given) {
    if (given === true) { start(); return; }
    started = false;
    id = api.visitorId = null;
    writeCookie('', 0);
    try { sessionStorage.removeItem('audienceHubReported'); } catch (ignored) { /* nothing was stored */ }
  }

  // window.audienceHub is the name the first tag used; both name one object
  var api = w.AudienceHub = w.audienceHub = { visitorId: null, decisions: null, consent: consent };
  if (cfg.waitForConsent !== true) start();
})(window, document);
