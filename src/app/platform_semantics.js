// The semantic tree (semantics.h) as real DOM elements over the canvas: one element per
// node, kept by id and updated in place from each patch, never rebuilt. Elements are
// transparent and let the pointer through to the canvas, so a mouse or a finger still works
// the drawn widgets; what they add is a keyboard's Tab order, a screen reader's tree, and
// real text inputs (a phone raises its keyboard only for those; IME, dictation and paste
// need them). What the person does to an element comes back by its id (recert_semantic).
mergeInto(LibraryManager.library, {
  $Semantics: {
    root: null,
    nodes: {},  // id -> { el, node }
    order: [],  // every id, in reading order
    focusIn: null,    // a dialog just opened, to focus inside once it has controls
    wantFocus: null,  // a node the C++ side asked to focus before it had an element
    // The element a role is carried by: native ones where they exist (focus, keys and names
    // come with them), ARIA roles on a div elsewhere.
    create: function (node) {
      var r = node.role, el;
      if (r === 'button' || r === 'tab' || r === 'menuitem' || r === 'link' || r === 'checkbox' || r === 'radio' ||
          r === 'option' || r === 'combobox') {
        el = document.createElement('button');
        el.type = 'button';
        if (r !== 'button') el.setAttribute('role', r);
        if (r === 'combobox') el.setAttribute('aria-haspopup', 'listbox');
        el.addEventListener('click', function (e) { e.preventDefault(); Semantics.request(el.dataset.id, 0, ''); });
        // A row's control keeps its row drawn and in view while it has the focus (log_view.cpp).
        el.addEventListener('focus', function () { Semantics.request(el.dataset.id, 1, ''); });
      } else if (r === 'textbox') {
        el = document.createElement((node.states & 128) ? 'textarea' : 'input');
        el.className = 'sem-input';
        el.addEventListener('input', function () { Semantics.request(el.dataset.id, 2, el.value); });
        el.addEventListener('focus', function () { Semantics.request(el.dataset.id, 1, ''); });
      } else if (r === 'heading') {
        el = document.createElement('h' + Math.min(6, Math.max(1, node.level || 2)));
      } else if (r === 'text') {
        el = document.createElement('p');
      } else {
        el = document.createElement('div');
        el.setAttribute('role', r);
        if (r === 'dialog') el.setAttribute('aria-modal', 'true');
      }
      el.classList.add('sem');
      return el;
    },
    // Names and states, the ARIA way, from a node.
    update: function (el, node, old) {
      var r = node.role, s = node.states || 0;
      // Roles named by their content (ARIA's "name from content"); the others by aria-label.
      var named = r === 'button' || r === 'link' || r === 'tab' || r === 'checkbox' || r === 'radio' || r === 'option' ||
                  r === 'menuitem' || r === 'heading' || r === 'text' || r === 'cell' || r === 'columnheader' ||
                  r === 'alert' || r === 'status';
      // Visible words are the element's own text, so the name is the label, and copy reads it;
      // a text node of their own, before the elements it holds (a cell's buttons).
      if (named) {
        if (!el.words) el.words = el.insertBefore(document.createTextNode(''), el.firstChild);
        if (el.words.data !== node.name) el.words.data = node.name;
      }
      else if (node.name) el.setAttribute('aria-label', node.name);
      else el.removeAttribute('aria-label');
      if (node.description) el.setAttribute('aria-description', node.description);
      else el.removeAttribute('aria-description');
      var flag = function (attr, on, off) { if (on) el.setAttribute(attr, 'true'); else if (off) el.setAttribute(attr, 'false'); else el.removeAttribute(attr); };
      if (r === 'checkbox' || r === 'radio') flag('aria-checked', s & 2, true);
      flag('aria-expanded', s & 4, r === 'combobox');
      if (r === 'tab' || r === 'option') flag('aria-selected', s & 8, true);
      if (el.tagName === 'BUTTON' || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') el.disabled = !!(s & 16);
      flag('aria-invalid', s & 32, false);
      flag('aria-required', s & 64, false);
      if (r === 'textbox') {
        // What the canvas holds, unless the person is typing here (then the input leads).
        if (document.activeElement !== el && el.value !== (node.value || '')) el.value = node.value || '';
        if (node.input === 'decimal' || node.input === 'numeric') el.inputMode = node.input;
        el.autocomplete = 'off';
        el.spellcheck = node.input !== 'code';
        if (node.input === 'code') el.setAttribute('autocapitalize', 'off');
      }
      if (r === 'combobox') el.textContent = node.value || '';  // what is chosen; the name says what it is
      if (r === 'progressbar') {
        el.setAttribute('aria-valuemin', '0');
        el.setAttribute('aria-valuemax', String(node.range ? node.range[1] : 100));
        el.setAttribute('aria-valuenow', String(node.range ? node.range[0] : 0));
        if (node.value) el.setAttribute('aria-valuetext', node.value);
      }
      if (r === 'table' && node.level) el.setAttribute('aria-rowcount', String(node.level));
      if (r === 'row' && node.level) el.setAttribute('aria-rowindex', String(node.level));
      if (r === 'columnheader') { if (node.value) el.setAttribute('aria-sort', node.value); else el.removeAttribute('aria-sort'); }
      // Only the items on screen are elements: each says where it stands in the whole list.
      if (r === 'listitem' && node.level) el.setAttribute('aria-posinset', String(node.level));
      if (r === 'list') for (var c = el.firstElementChild; c; c = c.nextElementSibling) c.setAttribute('aria-setsize', String(node.level || 0));
      if (r === 'listitem' && Semantics.nodes[node.parent]) el.setAttribute('aria-setsize', String(Semantics.nodes[node.parent].node.level || 0));
    },
    place: function (entry) {
      var node = entry.node, rect = node.rect, parent = node.parent && Semantics.nodes[node.parent];
      var px = parent ? parent.node.rect[0] : 0, py = parent ? parent.node.rect[1] : 0;
      var st = entry.el.style;
      st.left = (rect[0] - px) + 'px';
      st.top = (rect[1] - py) + 'px';
      st.width = rect[2] + 'px';
      st.height = rect[3] + 'px';
      // A real input shows its text at about the size the canvas draws it: a frame is a line of
      // text and 14 px, and the system font runs larger than Inter at the same size.
      if (node.role === 'textbox') st.fontSize = Math.max(12, Math.min(Math.round((rect[3] - 14) * 0.9), 32)) + 'px';
    },
    request: function (id, what, text) {
      var n = lengthBytesUTF8(id) + 1, pid = _malloc(n);
      stringToUTF8(id, pid, n);
      var m = lengthBytesUTF8(text) + 1, pt = _malloc(m);
      stringToUTF8(text, pt, m);
      _recert_semantic(pid, what, pt);
      _free(pid);
      _free(pt);
    },
  },

  js_semantics_patch__deps: ['$Semantics', 'malloc', 'free', 'recert_semantic'],
  js_semantics_patch: function (text) {
    var patch = JSON.parse(UTF8ToString(text)), S = Semantics;
    if (!S.root) {
      S.root = document.createElement('main');  // the page's main landmark: everything it holds
      S.root.id = 'semantics';
      document.body.insertBefore(S.root, document.getElementById('announce'));
    }
    patch.remove.forEach(function (id) {
      var e = S.nodes[id];
      if (!e) return;
      // A dialog that closes gives the focus back to where it was when it opened.
      if (e.node.role === 'dialog' && e.el.contains(document.activeElement) && S.returnFocus && S.returnFocus.isConnected)
        S.returnFocus.focus({ preventScroll: true });
      e.el.remove();
      delete S.nodes[id];
    });
    var moved = !!patch.order, opened = null;
    patch.upsert.forEach(function (node) {
      var e = S.nodes[node.id];
      // A role or an element kind that changed (input to textarea) needs a new element.
      if (e && (e.node.role !== node.role || ((e.node.states ^ (node.states || 0)) & 128))) {
        e.el.remove();
        e = null;
      }
      if (!e) {
        e = S.nodes[node.id] = { el: S.create(node), node: null };
        e.el.dataset.id = node.id;
        if (node.role === 'dialog') {
          S.returnFocus = document.activeElement;
          opened = e.el;
        }
        moved = true;
      } else if (e.node.parent !== node.parent) {
        moved = true;
      }
      S.update(e.el, node, e.node);
      e.node = node;
    });
    // Positions once every node is known: a child sits inside its parent's box.
    patch.upsert.forEach(function (node) { S.place(S.nodes[node.id]); });
    // Reading (and Tab) order is the drawing order, within each parent.
    if (patch.order) S.order = patch.order;
    if (moved) {
      // Each element after the one before it in its parent; only those out of place move, as
      // moving an element takes the focus from it.
      var last = new Map();
      S.order.forEach(function (id) {
        var e = S.nodes[id];
        if (!e) return;
        var parent = e.node.parent && S.nodes[e.node.parent] ? S.nodes[e.node.parent].el : S.root;
        var before = last.get(parent);
        var want = before ? before.nextSibling : parent.words ? parent.words.nextSibling : parent.firstChild;
        if (want !== e.el) parent.insertBefore(e.el, want);
        last.set(parent, e.el);
      });
      // A modal dialog: the page behind it can be neither reached by Tab nor read.
      var dialogs = S.root.querySelectorAll(':scope > [role="dialog"]');
      var top = dialogs.length ? dialogs[dialogs.length - 1] : null;
      for (var c = S.root.firstElementChild; c; c = c.nextElementSibling) c.inert = !!top && c !== top;
    }
    // A dialog opens with the focus on its first control, or on the one the C++ side named;
    // its controls may come a frame after it (Dear ImGui sizes a new window first).
    if (opened) S.focusIn = opened;
    var wanted = S.wantFocus && S.nodes[S.wantFocus];
    if (wanted) {
      wanted.el.focus({ preventScroll: true });
      S.wantFocus = null;
      S.focusIn = null;
    } else if (S.focusIn) {
      var first = S.focusIn.isConnected && S.focusIn.querySelector('button:not([disabled]), input:not([disabled]), textarea:not([disabled])');
      if (first) first.focus({ preventScroll: true });
      if (first || !S.focusIn.isConnected) S.focusIn = null;
    }
  },

  // CSS variables the real inputs are drawn with (web/style.css), from the page's palette.
  js_semantics_colors: function (field, text, focus) {
    var st = document.documentElement.style;
    st.setProperty('--field-bg', UTF8ToString(field));
    st.setProperty('--field-fg', UTF8ToString(text));
    st.setProperty('--field-focus', UTF8ToString(focus));
  },

  js_semantics_focus__deps: ['$Semantics'],
  js_semantics_focus: function (id) {
    var name = UTF8ToString(id), e = Semantics.nodes[name];
    if (e) e.el.focus({ preventScroll: true });
    else Semantics.wantFocus = name;  // not drawn yet: when it is
  },
});
