/*! Heap sandbox: a stand-in for Heap's JavaScript API (load, identify, addUserProperties, track) that
    records users, their properties and their events in the sandbox environment over HTTP; each event
    recorded is kept in heap.events and announced as "heap-sandbox:tracked" on the document. Calls queued by a Heap snippet
    stub before this script loaded are replayed. */
(function (w) {
  'use strict';
  var queued = Array.isArray(w.heap) ? w.heap.slice() : [];
  var me = document.currentScript, base = me ? me.src.replace(/\/heap\.js(\?.*)?$/, '') : '/sandbox/heap';
  var userId;
  try {
    userId = localStorage.getItem('_hp_sandbox_uid');
    if (!userId) { userId = 'u' + Date.now().toString(36) + Math.random().toString(36).slice(2, 10); localStorage.setItem('_hp_sandbox_uid', userId); }
  } catch (e) { userId = 'u' + Math.random().toString(36).slice(2, 12); }

  var heap = {
    appid: w.heap && w.heap.appid ? String(w.heap.appid) : null,
    userId: userId,
    sent: [],
    events: [],
    load: function (appid) { heap.appid = String(appid); return heap; },
    identify: function (identity) { return send({ identity: String(identity) }); },
    addUserProperties: function (properties) { return send({ properties: properties }); },
    track: function (event, properties) {
      return send({ event: String(event), properties: properties }).then(function (ok) {
        if (ok) {
          heap.events.push({ event: String(event), properties: properties || {} });
          document.dispatchEvent(new CustomEvent('heap-sandbox:tracked', { detail: heap.events }));
        }
        return ok;
      });
    }
  };

  function send(what) {
    var body = JSON.stringify(Object.assign({ environmentId: heap.appid, userId: userId }, what));
    var done = fetch(base + '/api/track', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: body })
      .then(function (r) { return r.ok; }, function () { return false; });
    heap.sent.push(done);
    return done;
  }

  w.heap = heap;
  queued.forEach(function (call) { if (Array.isArray(call) && typeof heap[call[0]] === 'function') heap[call[0]].apply(heap, call.slice(1)); });
})(window);
