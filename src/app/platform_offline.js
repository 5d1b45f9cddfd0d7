// The browser side of platform.h's offline functions: whether the browser keeps the page's
// storage, and the one-file copy (recert.html). A library of its own, beside platform_web.js.
mergeInto(LibraryManager.library, {
  // 0 checking, 1 persistent, 2 best effort, 3 unknown (as platform::Persistence).
  $recertPersistence: { state: 0, asked: false },
  $recertPersistenceSet__deps: ['$recertPersistence', 'recert_wake'],
  $recertPersistenceSet: function (persistent) {
    recertPersistence.state = persistent ? 1 : 2;
    _recert_wake();
  },
  js_storage_persistence__deps: ['$recertPersistence', '$recertPersistenceSet'],
  js_storage_persistence: function () {
    var p = recertPersistence;
    if (!p.asked) {
      p.asked = true;
      var s = navigator.storage;
      if (!s || !s.persisted) {
        p.state = 3;
      } else {
        s.persisted().then(recertPersistenceSet, function () { p.state = 3; });
      }
    }
    return p.state;
  },
  js_request_persistence__deps: ['$recertPersistence', '$recertPersistenceSet'],
  js_request_persistence: function () {
    var s = navigator.storage;
    if (!s || !s.persist || !s.persisted) return;
    recertPersistence.asked = true;
    // Ask only when not kept yet: Firefox asks the person each time it is called.
    s.persisted().then(function (kept) { return kept || s.persist(); })
      .then(recertPersistenceSet, function () {});
  },
  js_installed: function () {
    return (window.matchMedia && window.matchMedia('(display-mode: standalone)').matches) || navigator.standalone === true ? 1 : 0;
  },
  js_online: function () { return navigator.onLine === false ? 0 : 1; },
  // recert.html carries its files in a data block; the hosted page has none.
  js_offline_copy_available: function () { return document.getElementById('recert-files') ? 0 : 1; },
  js_download_offline_copy: function () {
    var a = document.createElement('a');
    a.href = new URL('recert.html', document.baseURI).href;
    a.download = 'recert.html';
    document.body.appendChild(a);
    a.click();
    a.remove();
  },
});
