// The renewal packet as a PDF (platform.h's prepare_packet and make_packet_pdf): the page's side.
// The work is in lib/RecertPacket.js, loaded with pdf-lib and fontkit the first time a packet is
// made (boot.js's recertLibrary), so the first page load carries none of them.
mergeInto(LibraryManager.library, {
  $recertPacket__deps: ['$recertFiles', '$recertSave', 'recert_packet_prepared', 'recert_packet_made'],
  $recertPacket: {
    kept: null,  // what prepare read and checked, for make
    // What RecertPacket.js reads through: the certificates in IndexedDB, the page's fonts.
    host: function () {
      return {
        get: function (sha) { return recertFiles.run('readonly', function (store) { return store.get(sha); }); },
        hash: recertFiles.hash,
        font: Module.recertFont,
        fallbacks: Module.recertFallbackFonts,
        fallbackFont: Module.recertFallbackFont,
      };
    },
    libraries: function () {
      return Promise.all(['PDFLib', 'fontkit', 'RecertPacket'].map(function (n) { return Module.recertLibrary(n); }));
    },
    fail: function (err) {
      recertPacket.kept = null;
      recertFiles.call(_recert_packet_made, [err && err.message ? err.message : String(err)], [0, 0]);
    },
  },
  js_prepare_packet__deps: ['$recertPacket'],
  js_prepare_packet: function (json) {
    var certificates = JSON.parse(UTF8ToString(json));
    recertPacket.libraries().then(function () {
      return window.RecertPacket.prepare(certificates, recertPacket.host());
    }).then(function (r) {
      recertPacket.kept = r.kept;
      recertFiles.call(_recert_packet_prepared, [r.left.join('\n')], []);
    }, recertPacket.fail);
  },
  js_make_packet_pdf__deps: ['$recertPacket'],
  js_make_packet_pdf: function (json) {
    var packet = JSON.parse(UTF8ToString(json)), kept = recertPacket.kept || {};
    recertPacket.kept = null;
    window.RecertPacket.make(packet, kept, recertPacket.host()).then(function (r) {
      recertSave(new Blob([r.bytes], { type: 'application/pdf' }), packet.filename);
      recertFiles.call(_recert_packet_made, [''], [r.pages, r.summary]);
    }).catch(recertPacket.fail);
  },
});
