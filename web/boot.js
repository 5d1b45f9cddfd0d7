// Starts Recert in the page. A plain script (the page's CSP allows no inline code):
// checks WebGL2, loads recert.js, fetches the fonts and program files meanwhile,
// and hands them to the C++ side (recert_start) once both have arrived. Then it
// registers the service worker that keeps the page working offline, and offers
// each new version it downloads.
//
// The same script starts recert.html (scripts/package-site.mjs), where every file is
// inlined: the files then come from its data block instead of the network, and
// that is the only difference.
(function () {
  'use strict';

  var canvas = document.getElementById('canvas');
  var errorBox = document.getElementById('error');
  var started = false;
  var failed = false;

  // recert.html's files, or null on the hosted page: there they sit next to this
  // script, in v/VERSION/ (one folder per version, named after its content).
  var inlined = document.getElementById('recert-files');
  var bundle = inlined ? JSON.parse(inlined.textContent) : null;
  var here = document.currentScript ? document.currentScript.src : location.href;
  var version = bundle ? bundle.version : ((/\/v\/([^/]+)\/boot\.js$/.exec(here) || [])[1] || null);

  // Shows one readable error over the page (the first one: later ones are usually
  // its consequences) and keeps the details in the console.
  function fail(title, detail, err) {
    if (err !== undefined) console.error(err);
    if (failed) return;
    failed = true;
    document.body.classList.remove('loading');
    document.body.classList.add('failed');
    errorBox.textContent = '';
    var h = document.createElement('h1');
    h.textContent = title;
    errorBox.appendChild(h);
    if (detail) {
      var p = document.createElement('p');
      p.className = 'detail';
      p.textContent = detail;
      errorBox.appendChild(p);
    }
    errorBox.hidden = false;
    rejectReady(new Error(title + (detail ? ' ' + detail : '')));
  }

  function message(err) {
    if (err && err.message) return err.message;
    return String(err);
  }

  var resolveReady, rejectReady;
  var ready = new Promise(function (resolve, reject) { resolveReady = resolve; rejectReady = reject; });
  ready.catch(function () {});  // failures are shown by fail(); not an unhandled rejection

  // For tests and the console: the C++ side's state as JSON. The strings stay owned by C++.
  function json(fn) { return JSON.parse(Module.UTF8ToString(fn())); }
  window.recert = {
    log: function () { return json(Module._recert_log_json); },
    report: function () { return json(Module._recert_report_json); },
    // For a host's web developer (README, "Embedding Recert"): the options in force, and the
    // programs offered as [{id, name}].
    config: function () { return json(Module._recert_config_json); },
    programs: function () { return json(Module._recert_programs_json); },
    widgets: function () { return json(Module._recert_widgets_json); },
    // How the canvas draws each character of a text (test mode only): {missing: [...], ...}.
    glyphs: function (text) {
      var p = stringToHeap(text);
      try { return json(function () { return Module._recert_glyphs(p); }); } finally { Module._free(p); }
    },
    ready: ready,
    version: version,
  };

  // Keys pressed on the page's own DOM controls are theirs (the update banner, and the
  // semantic tree's elements over the canvas: its buttons and real text inputs): GLFW
  // listens on the window in the capture phase (added later than this) and would take Tab,
  // Enter, Space and every typed character for the canvas.
  // Up and Down on a control in a table's row or a list's item move to the same control in the
  // row above or below (in the same cell), as in a spreadsheet; Tab still goes through them all.
  function stepRow(event) {
    var t = event.target, row = t.closest('[role="row"], [role="listitem"]');
    if ((event.key !== 'ArrowUp' && event.key !== 'ArrowDown') || !row || !(t instanceof HTMLButtonElement)) return;
    var cell = t.closest('[role="cell"], [role="columnheader"]');
    var within = cell && row.contains(cell) ? cell : row;
    var column = cell ? Array.prototype.indexOf.call(row.children, cell) : -1;
    var at = Array.prototype.indexOf.call(within.querySelectorAll('button'), t);
    var step = event.key === 'ArrowDown' ? 'nextElementSibling' : 'previousElementSibling';
    for (var r = row[step]; r; r = r[step]) {
      var there = column >= 0 ? r.children[column] : r;
      var target = there && there.querySelectorAll('button:not([disabled])')[at];
      if (target) {
        event.preventDefault();
        target.focus({ preventScroll: true });
        return;
      }
    }
  }

  ['keydown', 'keypress', 'keyup'].forEach(function (type) {
    window.addEventListener(type, function (event) {
      var t = event.target;
      // One key still reaches the canvas from the tree: Escape (the innermost dialog or popup
      // closes). Enter in a one-line field sends the form through the tree (Semantics.key).
      var forCanvas = event.key === 'Escape';
      if (t !== canvas && t instanceof Element && t.closest('#update, #file-help')) event.stopImmediatePropagation();
      else if (t instanceof Element && t.closest('#semantics') && !forCanvas) {
        // Arrows within a widget (a list, a calendar, tabs, a menu) are the tree's to handle;
        // Up and Down elsewhere in a table or a list move between its rows.
        if (!(Module.semanticKey && Module.semanticKey(event)) && event.type === 'keydown') stepRow(event);
        event.stopImmediatePropagation();
      }
      // Tab is the browser's: it moves through the semantic tree's elements in reading order,
      // like on any page (GLFW would keep it for the canvas and its own navigation).
      else if (event.key === 'Tab') event.stopImmediatePropagation();
    }, true);
  });

  // The page opened straight from disk: browsers refuse it every fetch and script next to
  // it, so say what works instead of blaming the connection.
  if (!bundle && location.protocol === 'file:') {
    document.body.classList.remove('loading');
    document.body.classList.add('failed');
    document.getElementById('file-help').hidden = false;
    rejectReady(new Error('opened from a file: use recert.html'));
    return;
  }

  // WebGL2 first: without it nothing else is worth loading.
  var probe = null;
  try { probe = document.createElement('canvas').getContext('webgl2'); } catch (e) { probe = null; }
  if (!probe) {
    fail('Recert needs WebGL2, which this browser has turned off or lacks.',
         'Turn on hardware acceleration (graphics acceleration) in the browser\'s settings, ' +
         'or open Recert in a current Firefox, Chrome, Edge or Safari.');
    return;
  }
  var lose = probe.getExtension('WEBGL_lose_context');
  if (lose) lose.loseContext();

  // The runtime. recert.js reads this global Module when it loads.
  var resolveRuntime;
  var runtimeReady = new Promise(function (resolve) { resolveRuntime = resolve; });
  var Module = window.Module = {
    canvas: canvas,
    print: function (text) { console.log(text); },
    printErr: function (text) { console.error(text); },
    onRuntimeInitialized: function () { resolveRuntime(); },
    onAbort: function (what) {
      fail('Recert stopped because of an internal error.',
           'Reload the page to start again. Details: ' + String(what), what);
    },
  };

  // A file of the page: from recert.html's data block, or fetched from next to this script.
  function get(name, as) {
    if (bundle) {
      return new Promise(function (resolve) {
        var f = bundle.files[name];
        if (!f) throw new Error(name + ': not in this file');
        resolve(as === 'json' ? JSON.parse(f.text) : as === 'text' ? f.text : decode(f.base64).buffer);
      });
    }
    return fetch(new URL(name, here)).then(function (response) {
      if (!response.ok) throw new Error(name + ': HTTP ' + response.status + ' ' + response.statusText);
      return as === 'json' ? response.json() : as === 'text' ? response.text() : response.arrayBuffer();
    }, function (err) {
      throw new Error(name + ': ' + message(err));
    });
  }
  function decode(base64) {
    var text = atob(base64), bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return bytes;
  }

  // A library the page needs only for some tasks (fflate for .zip backups), loaded the first time:
  // lib/NAME.js defines window.NAME. recert.html has them inline already.
  var libraries = {};
  Module.recertLibrary = function (name) {
    if (window[name]) return Promise.resolve(window[name]);
    if (!libraries[name]) {
      libraries[name] = new Promise(function (resolve, reject) {
        var script = document.createElement('script');
        script.src = new URL('lib/' + name + '.js', here).href;
        script.onload = function () {
          if (window[name]) resolve(window[name]);
          else reject(new Error('lib/' + name + '.js did not load'));
        };
        script.onerror = function () {
          delete libraries[name];  // offline before the service worker kept it: try again later
          reject(new Error('lib/' + name + '.js could not be loaded; check the connection'));
        };
        document.head.appendChild(script);
      });
    }
    return libraries[name];
  };

  if (bundle) {
    // recert.html defines recertRuntime (recert.js, wrapped) in the script before this one.
    try {
      Module.wasmBinary = decode(bundle.files['recert.wasm'].base64);
      window.recertRuntime(Module);
    } catch (e) {
      fail('Recert could not start.', 'This copy of recert.html may be damaged: download it again. Details: ' + message(e), e);
      return;
    }
  } else {
    var script = document.createElement('script');
    script.src = new URL('recert.js', here).href;
    script.onerror = function () {
      fail('Recert could not load recert.js.', 'Check the connection and reload the page.',
           new Error('recert.js failed to load'));
    };
    document.body.appendChild(script);
  }

  // Meanwhile, the fonts and the program files.

  var programs = get('programs/index.json', 'json').then(function (ids) {
    if (!Array.isArray(ids) || !ids.every(function (id) { return typeof id === 'string'; })) {
      throw new Error('programs/index.json: not a list of program ids');
    }
    return Promise.all(ids.map(function (id) {
      return get('programs/' + encodeURIComponent(id) + '.json', 'text').then(function (text) {
        return { file: id + '.json', text: text };
      });
    }));
  }).then(function (files) { return JSON.stringify(files); });

  // A host's options (README, "Embedding Recert"): site.json beside index.html, if the host
  // put one there, and the URL's parameters, which win. The C++ side checks them (config.h)
  // and warns in the console of what it ignores. A missing or broken site.json is no reason
  // not to start. recert.html, opened from disk, can read no file beside it.
  var framed = false;
  try { framed = window.self !== window.top; } catch (e) { framed = true; }  // a cross-site parent may refuse the question
  var siteUrl = new URL('site.json', document.baseURI).href;
  var siteOptions = bundle ? Promise.resolve(null) : fetch(siteUrl, { cache: 'no-cache' }).then(function (response) {
    if (response.status === 404) return null;
    if (!response.ok) throw new Error('HTTP ' + response.status);
    // The service worker keeps the newest copy once it controls the page (sw.js, NetworkFirst);
    // on the first visit it does not yet, so the page puts this one in its cache itself, for
    // the next start offline, as it does with the fallback fonts.
    if (window.caches && !(navigator.serviceWorker && navigator.serviceWorker.controller)) {
      var copy = response.clone();
      caches.open('recert-site').then(function (cache) { return cache.put(siteUrl, copy); }).catch(function () {});
    }
    return response.json();
  }).catch(function (err) {
    console.warn('Recert: site.json could not be read, so its options are ignored:', message(err));
    return null;
  });
  function urlOptions() {
    var out = {}, params = new URLSearchParams(location.search);
    ['programs', 'program', 'org', 'accent', 'logo', 'embed', 'check'].forEach(function (key) {
      if (params.has(key)) out[key] = params.get(key);
    });
    return out;
  }

  var assets = Promise.all([
    get('fonts/inter-regular.otf'),
    get('fonts/inter-semibold.otf'),
    get('fonts/icons.ttf'),
    programs,
    siteOptions,
  ]);
  assets.catch(function (err) {
    fail('Recert could not load its files.', message(err) + '. Check the connection and reload the page.', err);
  });

  // Fallback fonts for the characters beyond Inter's Latin-1 and Latin Extended-A (the rest of
  // Inter: Latin, Greek, Cyrillic; then Chinese, Japanese, Korean), fetched only when the C++
  // side meets such a character: fonts/fallback.json lists each file with the Unicode ranges
  // it covers, in the order to try them (common ideographs before rare ones).
  // They sit outside v/VERSION/ under a name of their content, so the service worker keeps
  // one fetched copy across versions. Without them characters are drawn as boxes, the text
  // itself unchanged: a missing list is no reason not to start.
  var fallbacks = get('fonts/fallback.json', 'json').catch(function (err) {
    console.warn('Recert: no fallback fonts', err);
    return [];
  });
  var fallbackState = {};  // file: 'loading', 'loaded' or 'failed'
  // A file, and its semibold when it has one (Inter's): both reach C++ together.
  function loadFallback(f) {
    fallbackState[f.file] = 'loading';
    Promise.all([fetchFallback(f.file), f.semibold ? fetchFallback(f.semibold) : null]).then(function (fonts) {
      fallbackState[f.file] = 'loaded';
      var regular = fonts[0], semibold = fonts[1];
      // The real inputs draw what is typed with the browser's fonts: give them this one too
      // (by copy, before C++ takes the bytes), so a name in Korean reads in its field on a
      // device with no Korean font, as on the canvas. style.css names the family.
      if (window.FontFace && document.fonts) {
        var hex = function (n) { return n.toString(16).toUpperCase(); };
        try {
          document.fonts.add(new FontFace('Recert fallback', regular.slice(0), {
            unicodeRange: f.ranges.map(function (r) { return 'U+' + hex(r[0]) + '-' + hex(r[1]); }).join(','),
          }));
        } catch (err) { console.warn('Recert: the fallback font is not given to the text inputs', err); }
      }
      // C++ keeps and frees the copies.
      Module._recert_fallback_font(toHeap(regular), regular.byteLength, semibold ? toHeap(semibold) : 0, semibold ? semibold.byteLength : 0);
    }, function (err) {
      fallbackState[f.file] = 'failed';
      console.warn('Recert: fallback font not loaded; its characters are drawn as boxes until it is', err);
    });
  }
  // The service worker keeps a fallback font once it controls the page; on the first visit it
  // does not yet, so the page puts it in the same cache itself, for use offline from then on.
  function fetchFallback(file) {
    if (bundle || !window.caches || (navigator.serviceWorker && navigator.serviceWorker.controller)) return get(file);
    var url = new URL(file, here).href;
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(file + ': HTTP ' + response.status);
      var copy = response.clone();
      caches.open('recert-fallback-fonts').then(function (cache) { return cache.put(url, copy); }).catch(function () {});
      return response.arrayBuffer();
    });
  }
  // Offline: what could not be fetched is tried again once the browser is back online.
  window.addEventListener('online', function () {
    fallbacks.then(function (files) {
      files.forEach(function (f) { if (fallbackState[f.file] === 'failed') loadFallback(f); });
    });
  });
  // The renewal packet's PDF (platform_packet.js) embeds the page's own fonts, and the fallback
  // fonts for the characters Inter lacks, as the canvas draws them.
  Module.recertFont = function (name) { return get('fonts/' + name); };
  Module.recertFallbackFonts = function () { return fallbacks; };
  Module.recertFallbackFont = fetchFallback;
  Module.recertNeedGlyphs = function (codePoints) {
    fallbacks.then(function (files) {
      codePoints.forEach(function (c) {
        // The first file covering c that is not loaded yet (a loaded one lacked it); one
        // still loading is waited for, as it may have c.
        for (var i = 0; i < files.length; i++) {
          var f = files[i];
          var covers = f.ranges.some(function (r) { return c >= r[0] && c <= r[1]; });
          if (!covers || fallbackState[f.file] === 'loaded') continue;
          if (fallbackState[f.file] !== 'loading') loadFallback(f);
          return;
        }
      });
    });
  };

  // Copies bytes into the wasm heap. Reads HEAPU8 after malloc: a growing heap replaces it.
  function toHeap(buffer) {
    var bytes = new Uint8Array(buffer);
    var ptr = Module._malloc(Math.max(bytes.length, 1));
    if (!ptr) throw new Error('out of memory');
    Module.HEAPU8.set(bytes, ptr);
    return ptr;
  }
  // A NUL-terminated UTF-8 copy of a string, in the heap (free it after the call).
  // Not ccall's 'string': that puts the string on the 5 MB stack, and a long one overflows it.
  function stringToHeap(text) {
    var size = Module.lengthBytesUTF8(text) + 1;
    var ptr = Module._malloc(size);
    if (!ptr) throw new Error('out of memory');
    Module.stringToUTF8(text, ptr, size);
    return ptr;
  }

  Promise.all([runtimeReady, assets]).then(function (results) {
    if (failed) return;
    var files = results[1];
    var regular = files[0], semibold = files[1], icons = files[2];
    var testMode = new URLSearchParams(location.search).has('test') ? 1 : 0;
    // The C++ side takes the font buffers (ImGui frees them), not the programs text.
    var programsPtr = stringToHeap(files[3]);
    var optionsPtr = stringToHeap(JSON.stringify({ site: files[4], url: urlOptions(), framed: framed, origin: location.origin }));
    var regularPtr = toHeap(regular), semiboldPtr = toHeap(semibold), iconsPtr = toHeap(icons);
    try {
      Module._recert_start(programsPtr, regularPtr, regular.byteLength, semiboldPtr, semibold.byteLength,
                           iconsPtr, icons.byteLength, testMode, optionsPtr);
    } catch (e) {
      // Starting a main loop that "never returns" unwinds with 'unwind': that is success.
      if (e !== 'unwind') throw e;
    } finally {
      Module._free(programsPtr);
      Module._free(optionsPtr);
    }
    if (failed) return;
    started = true;
    document.body.classList.remove('loading');
    canvas.focus({ preventScroll: true });
    resolveReady();
    if (!bundle) keepOffline();
    var logo = window.recert.config().logo;
    if (logo) loadLogo(logo);
    // The host learns that the page started, and its height (platform_web.js): nothing else.
    if (framed) window.parent.postMessage({ type: 'recert:ready' }, '*');
  }).catch(function (err) {
    if (failed) return;  // a failed fetch or abort, already shown
    fail('Recert could not start.', 'Reload the page to try again. Details: ' + message(err), err);
  });

  // The host's logo (same-origin, checked by config.cpp; the CSP allows no other), drawn at
  // up to 128 pixels high into RGBA for the canvas: the browser decodes PNG and SVG alike.
  function loadLogo(path) {
    var img = new Image();
    img.onload = function () {
      var h = Math.min(128, img.naturalHeight || 128);
      var w = Math.max(1, Math.min(512, Math.round(h * (img.naturalWidth || h) / (img.naturalHeight || h))));
      var c = document.createElement('canvas');
      c.width = w;
      c.height = h;
      var g = c.getContext('2d');
      g.drawImage(img, 0, 0, w, h);
      var pixels = g.getImageData(0, 0, w, h).data;
      Module._recert_logo(toHeap(pixels.buffer), w, h);
    };
    img.onerror = function () { console.warn('Recert: the logo ' + path + ' could not be loaded; the header shows none'); };
    img.src = new URL(path, document.baseURI).href;
  }

  // An uncaught error in recert.js, or any after the start, leaves the page in an
  // unknown state: say so (the browser has logged it already).
  window.addEventListener('error', function (event) {
    if (started || /recert\.js$/.test(event.filename || '')) fail('Recert stopped because of an internal error.', 'Reload the page to start again. Details: ' + event.message);
  });

  // The page stops drawing when idle; any input wakes it (the C++ side handles the
  // input itself, and the size and pixel ratio).
  function wake() {
    if (started && !failed) Module._recert_wake();
  }
  var options = { capture: true, passive: true };
  ['pointerdown', 'pointermove', 'pointerup', 'wheel', 'keydown', 'keyup', 'resize', 'focus', 'blur',
   'visibilitychange', 'touchstart', 'touchmove', 'touchend'].forEach(function (type) {
    window.addEventListener(type, wake, options);
  });
  // visibilitychange is fired at the document; listen there too in case a browser
  // does not pass it on to window. A second wake is harmless.
  document.addEventListener('visibilitychange', wake, options);

  // Another tab changed the saved log.
  window.addEventListener('storage', function () {
    if (started && !failed) Module._recert_storage_changed();
  });

  // Touch: Emscripten 3.1.6's GLFW presses at the last mouse position and ignores
  // touchmove, so touches on the canvas are handled here (before GLFW's listeners on the
  // canvas) and passed on as press, drag-to-scroll and release, in backing-store pixels.
  function touch(phase) {
    return function (event) {
      if (!started || failed || event.target !== canvas) return;
      var t = event.changedTouches[0];
      if (!t) return;
      event.preventDefault();
      event.stopPropagation();
      var rect = canvas.getBoundingClientRect();
      var sx = canvas.width / rect.width, sy = canvas.height / rect.height;
      Module._recert_touch(phase, (t.clientX - rect.left) * sx, (t.clientY - rect.top) * sy);
    };
  }
  var touchOptions = { capture: true, passive: false };
  window.addEventListener('touchstart', touch(0), touchOptions);
  window.addEventListener('touchmove', touch(1), touchOptions);
  window.addEventListener('touchend', touch(2), touchOptions);
  window.addEventListener('touchcancel', touch(2), touchOptions);

  // The service worker (sw.js, Workbox's, from scripts/package-site.mjs) keeps every file of
  // this version for offline use. A new version downloads in the background and waits; the
  // page offers it, and only the page that takes it reloads, into the new version whole.
  // Other open pages keep running the version they loaded (they fetch nothing after the start).
  function keepOffline() {
    var sw = navigator.serviceWorker;
    if (!sw || !window.isSecureContext) return;
    var box = document.getElementById('update');
    var reloading = false;
    var registration = null;
    function offer() {
      if (registration && registration.waiting && sw.controller) box.hidden = false;
    }
    sw.addEventListener('controllerchange', function () {
      if (reloading) location.reload();
      else box.hidden = false;  // another page took the new version; a reload here gets it too
    });
    document.getElementById('update-reload').addEventListener('click', function () {
      reloading = true;
      if (registration && registration.waiting) registration.waiting.postMessage({ type: 'SKIP_WAITING' });
      else location.reload();
    });
    document.getElementById('update-later').addEventListener('click', function () {
      box.hidden = true;
      canvas.focus({ preventScroll: true });
    });
    sw.register(new URL('sw.js', document.baseURI).href).then(function (reg) {
      registration = reg;
      var watch = function (worker) {
        if (worker) worker.addEventListener('statechange', function () { if (worker.state === 'installed') offer(); });
      };
      offer();
      watch(reg.installing);
      reg.addEventListener('updatefound', function () { watch(reg.installing); });
      // A page left open for days looks for a new version when it comes back into view,
      // at most once an hour (the browser looks on every navigation by itself).
      var checked = Date.now();
      document.addEventListener('visibilitychange', function () {
        if (document.visibilityState !== 'visible' || Date.now() - checked < 3600e3) return;
        checked = Date.now();
        reg.update().catch(function () {});  // offline: try again later
      });
    }, function (err) {
      console.warn('Recert works only online here: the service worker could not be registered.', err);
    });
  }

  // Keys go to the canvas once it has been touched.
  window.addEventListener('pointerdown', function (event) {
    if (event.target === canvas) canvas.focus({ preventScroll: true });
  }, { capture: true, passive: true });
})();
