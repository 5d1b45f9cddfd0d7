// The browser side of platform.h's certificates: each file's bytes kept in IndexedDB under its
// SHA-256 (localStorage is far too small), so the log names a file by its hash and holds none
// of its bytes. What became of a file goes back as platform.h's FileOutcome:
// 0 stored, 1 too big, 2 not a PDF/PNG/JPEG, 3 storage full, 4 storage refused, 5 unreadable.
// And "Back up everything": the log and its certificates in one .zip, and back (recertArchive).
mergeInto(LibraryManager.library, {
  $recertFiles__deps: ['malloc', 'free', 'recert_certificate_stored', 'recert_certificates_listed', 'recert_certificate_unavailable'],
  $recertFiles: {
    db: null,
    open: function () {
      if (!recertFiles.db) {
        recertFiles.db = new Promise(function (resolve, reject) {
          var req = indexedDB.open('recert', 1);
          req.onupgradeneeded = function () { req.result.createObjectStore('certificates'); };
          req.onsuccess = function () { resolve(req.result); };
          req.onerror = function () { reject(req.error); };
        });
        recertFiles.db.catch(function () { recertFiles.db = null; });  // refused: ask again next time
      }
      return recertFiles.db;
    },
    // fn(store) in one transaction; resolves with its request's result once the transaction commits.
    run: function (mode, fn) {
      return recertFiles.open().then(function (db) {
        return new Promise(function (resolve, reject) {
          var tx = db.transaction('certificates', mode), req = fn(tx.objectStore('certificates'));
          tx.oncomplete = function () { resolve(req.result); };
          tx.onabort = tx.onerror = function () { reject(tx.error || req.error); };
        });
      });
    },
    call: function (fn, strings, numbers) {
      var ptrs = strings.map(function (t) { var n = lengthBytesUTF8(t) + 1, p = _malloc(n); stringToUTF8(t, p, n); return p; });
      fn.apply(null, ptrs.concat(numbers));
      ptrs.forEach(function (p) { _free(p); });
    },
    hash: function (buffer) {
      return crypto.subtle.digest('SHA-256', buffer).then(function (d) {
        return Array.prototype.map.call(new Uint8Array(d), function (b) { return (b < 16 ? '0' : '') + b.toString(16); }).join('');
      });
    },
    // What the first bytes say: a file's name and the type the browser guesses can both be wrong.
    sniff: function (b) {
      var starts = function (sig) { return sig.every(function (x, i) { return b[i] === x; }); };
      if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';  // %PDF-
      if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
      if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
      return '';
    },
    // Checks, hashes and keeps one file, then says what became of it.
    keep: function (file, maxBytes) {
      var tell = function (mime, sha, outcome) {
        recertFiles.call(_recert_certificate_stored, [file.name, mime, sha], [file.size, outcome]);
      };
      if (file.size > maxBytes) return Promise.resolve(tell('', '', 1));
      return file.arrayBuffer().then(function (buffer) {
        var mime = recertFiles.sniff(new Uint8Array(buffer, 0, Math.min(8, buffer.byteLength)));
        if (!mime) return tell('', '', 2);
        if (!window.crypto || !crypto.subtle) return tell('', '', 5);
        return recertFiles.hash(buffer).then(function (sha) {
          // Said before trying when the browser knows there is no room; a write refused later says the same.
          var estimate = navigator.storage && navigator.storage.estimate ? navigator.storage.estimate().catch(function () { return null; })
                                                                          : Promise.resolve(null);
          return estimate.then(function (room) {
            if (room && room.quota && room.quota - room.usage < buffer.byteLength + 65536) return tell(mime, sha, 3);
            return recertFiles.put(sha, mime, buffer).then(function (why) { tell(mime, sha, why === '' ? 0 : why === 'full' ? 3 : 4); });
          });
        });
      }).catch(function () { tell('', '', 5); });
    },
    // Kept under its hash, which the caller has checked; resolves with '' or why not (app.h's archive_reasons).
    put: function (sha, type, buffer) {
      return recertFiles.run('readwrite', function (store) {
        return store.put({ type: type, size: buffer.byteLength, added: Date.now(), bytes: buffer }, sha);
      }).then(function () { return ''; }, function (err) { return err && err.name === 'QuotaExceededError' ? 'full' : 'refused'; });
    },
    // One after another, in the order chosen, so the messages come in that order too.
    keepAll: function (files, maxBytes) {
      var chain = Promise.resolve();
      Array.prototype.forEach.call(files, function (f) {
        chain = chain.then(function () { return recertFiles.keep(f, maxBytes); });
      });
      return chain;
    },
  },

  // A .zip backup (platform.h's back_up_everything) and its restore: the work is in
  // lib/RecertArchive.js, loaded with fflate (boot.js's recertLibrary) the first time a .zip is
  // made or read, so the first page load carries neither.
  $recertArchive__deps: ['$recertFiles', '$recertSave', 'recert_archive_progress', 'recert_backup_written'],
  $recertArchive: {
    // What RecertArchive.js works through: the certificates in IndexedDB, the progress bar.
    host: {
      get: function (sha) { return recertFiles.run('readonly', function (store) { return store.get(sha); }); },
      put: function (sha, type, buffer) { return recertFiles.put(sha, type, buffer); },
      hash: function (buffer) { return recertFiles.hash(buffer); },
      progress: function (done, total) { _recert_archive_progress(done, total); },
    },
    libraries: function () {
      return Promise.all(['fflate', 'RecertArchive'].map(function (n) { return Module.recertLibrary(n); }));
    },
    lines: function (list) { return list.map(function (x) { return x.sha256 + '\t' + x.reason; }).join('\n'); },
    error: function (err) { return err && err.message ? err.message : String(err); },

    write: function (filename, logText, manifest) {
      var total = 0;
      manifest.certificates.forEach(function (c) { total += c.size; });
      _recert_archive_progress(0, total);  // the bar shows while the libraries load
      return recertArchive.libraries().then(function () {
        return window.RecertArchive.write(logText, manifest, recertArchive.host);
      }).then(function (r) {
        recertSave(r.blob, filename);
        recertFiles.call(_recert_backup_written, ['', recertArchive.lines(r.left)], [1]);
      }).catch(function (err) {
        recertFiles.call(_recert_backup_written, [recertArchive.error(err), ''], [0]);
      });
    },

    // A picked file that begins as a zip does: PK, 3, 4.
    isZip: function (bytes) { return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4; },

    // deliver(log bytes, error, restored, "sha\treason" lines)
    read: function (bytes, deliver) {
      return recertArchive.libraries().then(function () {
        return window.RecertArchive.read(bytes, recertArchive.host);
      }).then(function (r) {
        deliver(r.log, '', r.restored, recertArchive.lines(r.left));
      }, function (err) {
        deliver(new Uint8Array(0), recertArchive.error(err), 0, '');
      });
    },
  },

  js_back_up_everything__deps: ['$recertArchive'],
  js_back_up_everything: function (filename, logJson, logSize, manifestJson) {
    var log = UTF8ToString(logJson, logSize), manifest = JSON.parse(UTF8ToString(manifestJson));
    recertArchive.write(UTF8ToString(filename), log, manifest);
  },

  js_delete_certificates__deps: ['$recertFiles'],
  js_delete_certificates: function () {
    recertFiles.run('readwrite', function (store) { return store.clear(); }).catch(function () {});
  },

  js_pick_certificates__deps: ['$recertFiles', '$recertAtRelease'],
  js_pick_certificates: function (camera, maxBytes) {
    recertAtRelease(function () {
      var input = document.createElement('input');
      input.type = 'file';
      if (camera) {
        input.accept = 'image/jpeg,image/png';
        input.capture = 'environment';
      } else {
        input.accept = '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';
        input.multiple = true;
      }
      input.addEventListener('change', function () { if (input.files) recertFiles.keepAll(input.files, maxBytes); });
      input.click();
    });
  },

  js_accept_dropped_certificates__deps: ['$recertFiles'],
  js_accept_dropped_certificates: function (maxBytes) {
    var carriesFiles = function (event) {
      return event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types || [], 'Files') >= 0;
    };
    window.addEventListener('dragover', function (event) {
      if (!carriesFiles(event)) return;
      event.preventDefault();  // else the browser opens the file in place of the page
      event.dataTransfer.dropEffect = 'copy';
    });
    window.addEventListener('drop', function (event) {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      recertFiles.keepAll(event.dataTransfer.files, maxBytes);
    });
  },

  js_open_certificate__deps: ['$recertFiles', '$recertAtRelease'],
  js_open_certificate: function (sha, mime, name, download) {
    var s = UTF8ToString(sha), m = UTF8ToString(mime), n = UTF8ToString(name);
    var unavailable = function (altered) { recertFiles.call(_recert_certificate_unavailable, [s], [altered]); };
    recertAtRelease(function () {
      recertFiles.run('readonly', function (store) { return store.get(s); }).then(function (kept) {
        if (!kept) return unavailable(0);
        return recertFiles.hash(kept.bytes).then(function (now) {
          if (now !== s) return unavailable(1);
          var a = document.createElement('a');
          a.href = URL.createObjectURL(new Blob([kept.bytes], { type: m }));
          if (download) a.download = n;
          else a.target = '_blank';
          a.rel = 'noopener';
          document.body.appendChild(a);
          a.click();
          // The new tab has read it by then; the URL would otherwise hold the bytes until the page closes.
          setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 60000);
        });
      }).catch(function () { unavailable(0); });
    });
  },

  js_list_certificates__deps: ['$recertFiles'],
  js_list_certificates: function () {
    recertFiles.run('readonly', function (store) { return store.getAllKeys(); }).then(function (keys) {
      recertFiles.call(_recert_certificates_listed, [keys.join('\n')], [1]);
    }, function () {
      recertFiles.call(_recert_certificates_listed, [''], [0]);
    });
  },
});
