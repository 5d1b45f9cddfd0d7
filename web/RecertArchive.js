// "Back up everything" (.zip) and its restore, with fflate (window.fflate): loaded, with it, only
// when a .zip is made or read (platform_certificates.js), so the first page load does not carry
// it. `host` gives what the page holds: get(sha256) and put(sha256, type, buffer) for the
// certificates in IndexedDB (put resolves '' or why not: 'full', 'refused'), hash(buffer), and
// progress(done, total) in bytes, for the bar.
//
//   write   a stream: one certificate at a time is read, checked and stored (not compressed:
//           PDF, PNG and JPEG are already), and what is written so far is folded into a Blob, so
//           a backup of hundreds of MB never sits whole in the page's memory
//   read    from the zip's central directory (not by scanning its stream, which a certificate's
//           own bytes could mislead), one file at a time, each checked against its hash before
//           it is kept
(function () {
  'use strict';
  var logName = 'recert-log.json', manifestName = 'manifest.json';
  // The browser paints the progress bar between certificates.
  var breathe = function () { return new Promise(function (resolve) { setTimeout(resolve, 0); }); };

  window.RecertArchive = {
    // Resolves with {blob, left: [{sha256, reason}]}: reason 'missing' or 'altered'.
    write: function (logText, manifest, host) {
      var fflate = window.fflate, total = 0, done = 0;
      manifest.certificates.forEach(function (c) { total += c.size; });
      host.progress(0, total);
      var parts = [], written = new Blob([]), failure = null, included = [], left = [];
      var zip = new fflate.Zip(function (err, chunk) { if (err) failure = err; else parts.push(chunk); });
      var text = function (path, value) {
        var file = new fflate.ZipDeflate(path, { level: 6 });
        zip.add(file);
        file.push(fflate.strToU8(value), true);
      };
      var fold = function () {
        if (failure) throw failure;
        written = new Blob([written].concat(parts), { type: 'application/zip' });
        parts = [];
      };
      text(logName, logText);
      var chain = Promise.resolve();
      manifest.certificates.forEach(function (c) {
        chain = chain.then(function () {
          return host.get(c.sha256).then(function (kept) {
            if (!kept) return left.push({ sha256: c.sha256, reason: 'missing' });
            return host.hash(kept.bytes).then(function (now) {
              if (now !== c.sha256) return left.push({ sha256: c.sha256, reason: 'altered' });
              var file = new fflate.ZipPassThrough(c.path);
              if (kept.added) file.mtime = kept.added;
              zip.add(file);
              file.push(new Uint8Array(kept.bytes), true);
              included.push(c);
              fold();
            });
          }).then(function () {
            done += c.size;
            host.progress(done, total);
            return breathe();
          });
        });
      });
      return chain.then(function () {
        manifest.certificates = included;
        manifest.left_out = left;
        text(manifestName, JSON.stringify(manifest, null, 2) + '\n');
        zip.end();
        fold();
        return { blob: written, left: left };
      });
    },

    // Resolves with {log (bytes), restored (a count), left: [{sha256, reason}]}: reason 'absent',
    // 'too-big', 'damaged', 'full' or 'refused'. Rejects, with why, a zip that is not a backup.
    read: function (bytes, host) {
      var fflate = window.fflate, restored = 0, left = [];
      var one = function (path, most) {  // a file of the zip by its path, 'too-big', or null
        var found = null;
        var files = fflate.unzipSync(bytes, { filter: function (f) {
          if (f.name !== path || found !== null) return false;
          if (f.originalSize > most) { found = 'too-big'; return false; }
          return (found = true);
        } });
        return found === true ? files[path] : found;
      };
      var log = one(logName, 64 << 20);
      if (!log || log === 'too-big') {
        return Promise.reject(new Error('this .zip is not a Recert backup: it holds no ' + logName));
      }
      var listed = one(manifestName, 16 << 20), manifest;
      try { manifest = listed && listed !== 'too-big' ? JSON.parse(fflate.strFromU8(listed)) : null; } catch (e) { manifest = null; }
      if (!manifest || manifest.format !== 'recert-backup' || !Array.isArray(manifest.certificates)) {
        return Promise.reject(new Error('its ' + manifestName + ' is missing or damaged, so its certificates cannot be checked'));
      }
      var certificates = manifest.certificates.filter(function (c) {
        return c && typeof c.path === 'string' && /^[0-9a-f]{64}$/.test(c.sha256) && /^(application\/pdf|image\/png|image\/jpeg)$/.test(c.type);
      });
      var total = 0, done = 0;
      certificates.forEach(function (c) { total += +c.size || 0; });
      host.progress(0, total);
      var chain = Promise.resolve();
      certificates.forEach(function (c) {
        chain = chain.then(function () {
          var file = one(c.path, 10 << 20);
          if (file === null) return left.push({ sha256: c.sha256, reason: 'absent' });
          if (file === 'too-big') return left.push({ sha256: c.sha256, reason: 'too-big' });
          return host.hash(file).then(function (sha) {
            if (sha !== c.sha256) return left.push({ sha256: c.sha256, reason: 'damaged' });
            return host.put(sha, c.type, file.buffer).then(function (why) {
              if (why) left.push({ sha256: c.sha256, reason: why });
              else restored++;
            });
          });
        }).then(function () {
          done += +c.size || 0;
          host.progress(done, total);
          return breathe();
        });
      });
      return chain.then(function () { return { log: log, restored: restored, left: left }; });
    },
  };
})();
