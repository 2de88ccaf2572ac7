/*! Heap sandbox: a stand-in for Heap's JavaScript API (load, identify, addUserProperties) that records
    users and their properties in the sandbox environment over HTTP. Calls queued by a Heap snippet
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
    load: function (appid) { heap.appid = String(appid); return heap; },
    identify: function (identity) { return send({ identity: String(identity) }); },
    addUserProperties: function (properties) { return send({ properties: properties }); }
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
