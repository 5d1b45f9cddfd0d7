// The browser side of platform.h. Every access to storage is guarded: a blocked store
// (third-party iframe, privacy mode) throws on first touch, a full one on setItem.
mergeInto(LibraryManager.library, {
  js_pick_file__deps: ['malloc', 'free', 'recert_file_picked', 'recert_archive_picked', '$recertAtRelease', '$recertArchive'],
  js_storage_get__deps: ['malloc'],
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
  js_storage_keys__deps: ['malloc'],
  js_storage_keys: function (prefix) {
    try {
      var p = UTF8ToString(prefix), keys = [];
      for (var i = 0; i < window.localStorage.length; ++i) {
        var k = window.localStorage.key(i);
        if (k !== null && k.lastIndexOf(p, 0) === 0 && k.indexOf('\n') < 0) keys.push(k);
      }
      var v = keys.sort().join('\n'), n = lengthBytesUTF8(v) + 1, out = _malloc(n);
      stringToUTF8(v, out, n);
      return out;
    } catch (e) {
      return 0;
    }
  },
  js_reload: function () { location.reload(); },
  js_decode__deps: ['malloc'],
  js_decode: function (bytes, size, encoding) {
    // The browser's own decoder (the WHATWG Encoding Standard's tables).
    try {
      var text = new TextDecoder(UTF8ToString(encoding)).decode(HEAPU8.slice(bytes, bytes + size));
      var n = lengthBytesUTF8(text) + 1, p = _malloc(n);
      if (p) stringToUTF8(text, p, n);
      return p;
    } catch (e) {
      return 0;
    }
  },
  // The packet's blocks as plain elements (textContent only: its text is the person's), in
  // #print-view, which style.css shows in print alone; the document's title is the packet's
  // while the dialog is open, as browsers name a saved PDF by it.
  js_print_view: function (json) {
    var packet = JSON.parse(UTF8ToString(json));
    function el(tag, text, cls) {
      var e = document.createElement(tag);
      if (text !== undefined) e.textContent = text;
      if (cls) e.className = cls;
      return e;
    }
    var root = el('article');
    root.id = 'print-view';
    packet.blocks.forEach(function (b) {
      if (b.type === 'title') root.appendChild(el('h1', b.text));
      else if (b.type === 'heading') root.appendChild(el('h2', b.text));
      else if (b.type === 'text') root.appendChild(el('p', b.text, b.flagged ? 'flag' : ''));
      else if (b.type === 'facts') {
        var dl = el('dl');
        b.columns.forEach(function (label, i) {
          dl.appendChild(el('dt', label));
          dl.appendChild(el('dd', b.rows[i].cells[0]));
        });
        root.appendChild(dl);
      } else if (b.type === 'table') {
        var table = el('table'), head = el('tr'), body = el('tbody');
        b.columns.forEach(function (c) { head.appendChild(el('th', c)); });
        table.appendChild(el('thead')).appendChild(head);
        b.rows.forEach(function (r) {
          var tr = el('tr');
          r.cells.forEach(function (c) { tr.appendChild(el('td', c)); });
          body.appendChild(tr);
          if (r.flag) {
            var note = el('td', '\u26A0 ' + r.flag);
            note.colSpan = b.columns.length;
            body.appendChild(el('tr', undefined, 'flag')).appendChild(note);
          }
        });
        table.appendChild(body);
        root.appendChild(table);
      }
    });
    var old = document.getElementById('print-view');
    if (old) old.remove();
    document.body.appendChild(root);
    // The page's own title, kept from the first time: a second press before afterprint would
    // otherwise keep the packet's.
    var title = Module.recertPageTitle = Module.recertPageTitle || document.title;
    document.title = packet.title;
    window.addEventListener('afterprint', function () { document.title = title; }, { once: true });
    setTimeout(function () { window.print(); }, 0);  // after this frame: print() blocks until the dialog closes
  },
  // A Blob to the downloads as `name`. Its URL is kept a minute: a large file takes the browser
  // a while to start saving.
  $recertSave: function (blob, name) {
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 60000);
  },
  js_download__deps: ['$recertSave'],
  js_download: function (name, mime, content, size) {
    // The bytes as they are (a copy: the heap may move), so a NUL in a title reaches the file.
    recertSave(new Blob([HEAPU8.slice(content, content + size)], { type: UTF8ToString(mime) }), UTF8ToString(name));
  },
  js_pick_file: function (accept) {
    var acc = UTF8ToString(accept);
    // Heap copies, not ccall's 'string' arguments: those live on the small stack, and a
    // large import would overflow it.
    // The file's bytes undecoded, with their length: the C++ side checks the encoding
    // (reading as text first would turn Windows-1252 into U+FFFD) and a NUL cuts nothing.
    // error is '' or why the file could not be read.
    // A .zip backup arrives with what became of its certificates (restored, and "sha\treason" lines).
    var deliver = function (name, bytes, error, archive) {
      var pb = _malloc(Math.max(bytes.length, 1));
      if (pb) HEAPU8.set(bytes, pb);
      else { error = 'there is not enough memory to read it'; bytes = new Uint8Array(0); }
      var copy = function (t) { var n = lengthBytesUTF8(t) + 1, p = _malloc(n); stringToUTF8(t, p, n); return p; };
      var pn = copy(name), pe = copy(error), pl = archive ? copy(archive.left) : 0;
      if (archive) _recert_archive_picked(pn, pb, bytes.length, pe, archive.restored, pl);
      else _recert_file_picked(pn, pb, bytes.length, pe);
      [pn, pe, pl, pb].forEach(function (p) { if (p) _free(p); });
    };
    var open = function () {
      var input = document.createElement('input');
      input.type = 'file';
      input.accept = acc;
      input.addEventListener('change', function () {
        var f = input.files && input.files[0];
        if (!f) return;
        f.arrayBuffer().then(function (buffer) {
          var bytes = new Uint8Array(buffer);
          if (!recertArchive.isZip(bytes)) return deliver(f.name, bytes, '');
          recertArchive.read(bytes, function (log, error, restored, left) {
            deliver(f.name, log, error, { restored: restored, left: left });
          });
        }, function (err) { deliver(f.name, new Uint8Array(0), String(err)); });
      });
      input.click();
    };
    recertAtRelease(open);
  },
  // Browsers open a file picker or a new tab only inside a gesture, and ImGui buttons fire in
  // the animation frame, outside it: armed when the button goes down, fn runs at the release
  // (or the key that pressed it) that ends this press. A press through an element (Enter on
  // it, a screen reader's click) has ended already: fn runs now, while the browser still
  // counts that click as the person's (transient activation lasts seconds).
  $recertAtRelease__deps: ['$Semantics'],
  $recertAtRelease: function (fn) {
    if (Date.now() - Semantics.clickedAt < 1000) {
      Semantics.clickedAt = 0;
      fn();
      return;
    }
    var fire = function () {
      window.removeEventListener('pointerup', fire, true);
      window.removeEventListener('keyup', fire, true);
      fn();
    };
    window.addEventListener('pointerup', fire, true);
    window.addEventListener('keyup', fire, true);
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
    // ?today=YYYY-MM-DD shows the page as on another day (for demos and tests).
    var wanted = new URLSearchParams(location.search).get('today');
    var m = wanted && /^(\d{4})-(\d{2})-(\d{2})$/.exec(wanted);
    var d = m ? new Date(+m[1], +m[2] - 1, +m[3]) : new Date();
    if (m && (d.getFullYear() !== +m[1] || d.getMonth() !== +m[2] - 1 || d.getDate() !== +m[3])) d = new Date();
    return d.getFullYear() * 10000 + (d.getMonth() + 1) * 100 + d.getDate();
  },
  js_prefers_dark: function () {
    return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 1 : 0;
  },
  js_now: function () { return performance.now() / 1000; },
  js_warn: function (text) { console.warn('Recert: ' + UTF8ToString(text)); },
  // Only the height, and only to the frame's parent: embed.js checks it comes from its iframe.
  js_host_site__deps: ['malloc'],
  js_host_site: function () {
    var host = '';
    try {
      var top = location.ancestorOrigins && location.ancestorOrigins.length ? location.ancestorOrigins[location.ancestorOrigins.length - 1]
                                                                             : document.referrer;
      if (top) host = new URL(top).host;
    } catch (e) { host = ''; }
    var n = lengthBytesUTF8(host) + 1, p = _malloc(n);
    stringToUTF8(host, p, n);
    return p;
  },
  js_content_height: function (css) {
    if (window.parent !== window) window.parent.postMessage({ type: 'recert:height', height: css }, '*');
  },
  // boot.js knows the fallback fonts and where they come from (the network or recert.html).
  js_request_glyphs: function (codePoints, count) {
    var list = Array.prototype.slice.call(HEAPU32.subarray(codePoints >> 2, (codePoints >> 2) + count));
    if (Module.recertNeedGlyphs) Module.recertNeedGlyphs(list);
  },
});
