/*! Mixpanel sandbox: a stand-in for Mixpanel's JavaScript library (init, people.set, track, get_distinct_id)
    that records users, their properties and their events in the sandbox project over HTTP; what it sent is
    kept in mixpanel.sets and mixpanel.events and announced as "mixpanel-sandbox:sent" on the document. Calls
    queued by Mixpanel's snippet stub before init are replayed. */
(function (w) {
  'use strict';
  var stub = w.mixpanel && w.mixpanel._i ? w.mixpanel : null;
  var me = document.currentScript, base = me ? me.src.replace(/\/mixpanel\.js(\?.*)?$/, '') : '/sandbox/mixpanel';
  var distinctId;
  try {
    distinctId = localStorage.getItem('mp_sandbox_distinct_id');
    if (!distinctId) { distinctId = '$device:' + Date.now().toString(36) + Math.random().toString(36).slice(2, 10); localStorage.setItem('mp_sandbox_distinct_id', distinctId); }
  } catch (e) { distinctId = '$device:' + Math.random().toString(36).slice(2, 12); }

  var mixpanel = {
    __loaded: false,
    token: null,
    sent: [],
    sets: [],
    events: [],
    init: function (token) { mixpanel.token = String(token); mixpanel.__loaded = true; return mixpanel; },
    get_distinct_id: function () { return distinctId; },
    track: function (event, properties) {
      return send('/api/track', { event: String(event), properties: properties || {} }, function () {
        mixpanel.events.push({ event: String(event), properties: properties || {} });
      });
    },
    people: {
      set: function (properties) {
        return send('/api/engage', { $set: properties || {} }, function () { mixpanel.sets.push(properties || {}); });
      }
    }
  };

  function send(path, what, recorded) {
    var body = JSON.stringify(Object.assign({ token: mixpanel.token, distinct_id: distinctId }, what));
    var done = fetch(base + path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: body })
      .then(function (r) { return r.ok; }, function () { return false; })
      .then(function (ok) {
        if (ok) {
          recorded();
          document.dispatchEvent(new CustomEvent('mixpanel-sandbox:sent', { detail: { sets: mixpanel.sets, events: mixpanel.events } }));
        }
        return ok;
      });
    mixpanel.sent.push(done);
    return done;
  }

  w.mixpanel = mixpanel;
  if (stub && stub._i.length) mixpanel.init(stub._i[0][0]);
})(window);
