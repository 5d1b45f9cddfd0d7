// The browser side of platform.h. Every access to storage is guarded: a blocked store
// (third-party iframe, privacy mode) throws on first touch, a full one on setItem.
mergeInto(LibraryManager.library, {
  js_storage_get: function (key, status) {
    try {
      var v = window.localStorage.getItem(UTF8ToString(key));
      HEAP32[status >> 2] = 0;
      if (v === null) return 0;
      var n = lengthBytesUTF8(v) + 1, p = _malloc(n);
      stringToUTF8(v, p, n);
      return p;
    } catch (e) {
      HEAP32[status >> 2] = 2;
      return 0;
    }
  },
  js_storage_set: function (key, value) {
    try {
      window.localStorage.setItem(UTF8ToString(key), UTF8ToString(value));
      return 0;
    } catch (e) {
      return (e && (e.name === 'QuotaExceededError' || e.code === 22)) ? 1 : 2;
    }
  },
  js_storage_remove: function (key) {
    try { window.localStorage.removeItem(UTF8ToString(key)); } catch (e) {}
  },
  js_download: function (name, mime, content) {
    var blob = new Blob([UTF8ToString(content)], { type: UTF8ToString(mime) });
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = UTF8ToString(name);
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  },
  js_pick_file: function (accept) {
    var acc = UTF8ToString(accept);
    // ImGui buttons fire inside the animation frame, outside the click's user gesture:
    // open the picker on the pointer release that ends this click.
    var open = function () {
      var input = document.createElement('input');
      input.type = 'file';
      input.accept = acc;
      input.addEventListener('change', function () {
        var f = input.files && input.files[0];
        if (!f) return;
        f.text().then(function (text) {
          Module.ccall('recert_file_picked', null, ['string', 'string'], [f.name, text]);
        }, function (err) {
          Module.ccall('recert_file_picked', null, ['string', 'string'], [f.name, '\u0000' + String(err)]);
        });
      });
      input.click();
    };
    if (window.recertTestPick) { window.recertTestPick(open); return; }
    window.addEventListener('pointerup', open, { once: true, capture: true });
  },
  js_clipboard_write: function (text) {
    var t = UTF8ToString(text);
    try { navigator.clipboard.writeText(t).catch(function () {}); } catch (e) {}
  },
  js_announce: function (text) {
    var el = document.getElementById('announce');
    if (el) el.textContent = UTF8ToString(text);
  },
  js_today: function () {
    var d = new Date();
    return d.getFullYear() * 10000 + (d.getMonth() + 1) * 100 + d.getDate();
  },
  js_prefers_dark: function () {
    return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 1 : 0;
  },
  js_now: function () { return performance.now() / 1000; },
});
