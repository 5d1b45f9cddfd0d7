// Recert on another site in one line (README, "Embedding Recert"):
//   <script src="https://YOUR-RECERT-HOST/embed.js" data-programs="namss-cpcs,namss-cpmsm"
//           data-program="namss-cpcs" data-org="NAMSS" data-accent="005a9c" async></script>
// The script puts an <iframe> of Recert in its own place, full width, passing the data-
// options on as the page's URL options, and keeps the frame as tall as the page's content
// says (a data-height fixes it instead). The page tells its host only its height and that it
// started ({type: "recert:height", height}, {type: "recert:ready"}): the log stays inside.
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var page = new URL('./', script.src);
  var options = new URLSearchParams();
  ['programs', 'program', 'org', 'accent', 'logo', 'embed'].forEach(function (key) {
    var value = script.getAttribute('data-' + key);
    if (value !== null) options.set(key, value);
  });
  var org = script.getAttribute('data-org');
  var fixed = parseInt(script.getAttribute('data-height') || '', 10);

  var frame = document.createElement('iframe');
  var query = options.toString();
  frame.src = page.href + (query ? '?' + query : '');
  frame.title = (org ? 'Recert for ' + org : 'Recert') + ': certification renewal planner';
  frame.setAttribute('allow', 'clipboard-write');
  frame.style.display = 'block';
  frame.style.width = '100%';
  frame.style.border = '0';
  frame.style.height = (fixed > 0 ? fixed : 700) + 'px';
  script.parentNode.replaceChild(frame, script);

  if (fixed > 0) return;
  window.addEventListener('message', function (event) {
    // Only from this frame, and only from Recert's own origin: no other page sets its height.
    if (event.source !== frame.contentWindow || event.origin !== page.origin) return;
    var data = event.data;
    if (data && data.type === 'recert:height' && typeof data.height === 'number' && data.height > 0 && data.height < 10000) {
      frame.style.height = Math.round(data.height) + 'px';
    }
  });
})();
