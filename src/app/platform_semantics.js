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
    inert: [],  // elements outside the open modal dialog
    // The popups whose opening moves the focus in, each with where it goes (the first found).
    popups: {
      dialog: ['button:not([disabled]), input:not([disabled]), textarea:not([disabled])'],
      alertdialog: ['button:not([disabled])'],
      listbox: ['[role="option"][aria-selected="true"]'],  // a long list draws its choice a frame later
      menu: ['[role="menuitem"]:not([disabled])'],
    },
    focusIn: null,    // a popup just opened (dialog, listbox, menu), to focus inside once it has controls
    wantFocus: null,  // a node the C++ side asked to focus before it had an element
    clickedAt: 0,     // when an element was last clicked (Enter, Space, a screen reader): recertAtRelease
    // The element a role is carried by: native ones where they exist (focus, keys and names
    // come with them), ARIA roles on a div elsewhere.
    create: function (node) {
      var r = node.role, el;
      if (r === 'button' || r === 'tab' || r === 'menuitem' || r === 'link' || r === 'checkbox' || r === 'radio' ||
          r === 'option' || r === 'combobox') {
        el = document.createElement('button');
        el.type = 'button';
        if (r !== 'button') el.setAttribute('role', r);
        el.addEventListener('click', function (e) {
          e.preventDefault();
          Semantics.clickedAt = Date.now();
          Semantics.request(el.dataset.id, 0, '');
        });
        // A control the focus reaches tells the widget: a row keeps its row drawn and in view
        // (log_view.cpp), an option is highlighted in the drawn list too.
        el.addEventListener('focus', function () { Semantics.request(el.dataset.id, 1, ''); });
      } else if (r === 'textbox') {
        el = document.createElement((node.states & 128) ? 'textarea' : 'input');
        el.className = 'sem-input';
        el.addEventListener('input', function () { Semantics.request(el.dataset.id, 2, el.value); });
        el.addEventListener('focus', function () { Semantics.request(el.dataset.id, 1, ''); });
      } else if (r === 'gridcell') {
        // A day of a calendar: focusable by script and by its roving Tab stop; its keys go to
        // the calendar (Semantics.key), which knows the dates.
        el = document.createElement('div');
        el.setAttribute('role', r);
        el.addEventListener('click', function () { Semantics.request(el.dataset.id, 0, ''); });
      } else if (r === 'heading') {
        el = document.createElement('h' + Math.min(6, Math.max(1, node.level || 2)));
      } else if (r === 'text') {
        el = document.createElement('p');
      } else {
        el = document.createElement('div');
        el.setAttribute('role', r);
        if (r === 'dialog' || r === 'alertdialog') el.setAttribute('aria-modal', 'true');
      }
      el.id = 'sem-' + node.id;  // what aria-controls points at
      el.classList.add('sem');
      return el;
    },
    // Names and states, the ARIA way, from a node.
    update: function (el, node, old) {
      var r = node.role, s = node.states || 0;
      // Roles named by their content (ARIA's "name from content"); the others by aria-label.
      var named = r === 'button' || r === 'link' || r === 'tab' || r === 'checkbox' || r === 'radio' || r === 'option' ||
                  r === 'menuitem' || r === 'heading' || r === 'text' || r === 'cell' || r === 'columnheader' ||
                  r === 'alert' || r === 'status' || r === 'tooltip';
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
      // What opens a popup says so, and which one while it is open; a disclosure (it controls
      // a region, no popup) says whether the region is shown.
      if (node.popup || node.controls) {
        if (node.popup) el.setAttribute('aria-haspopup', node.popup);
        else el.removeAttribute('aria-haspopup');
        flag('aria-expanded', s & 4, true);
        if (s & 4) el.setAttribute('aria-controls', 'sem-' + node.controls);
        else el.removeAttribute('aria-controls');
      }
      if (r === 'tab' || r === 'option' || r === 'gridcell') flag('aria-selected', s & 8, true);
      // Roving focus: one Tab stop per tab bar (the chosen tab) and calendar (its focused day);
      // the arrows move within (Semantics.key). A list's options and a menu's items are reached
      // by arrows only, as in any web app.
      if (r === 'tab') el.tabIndex = (s & 8) ? 0 : -1;
      if (r === 'gridcell') el.tabIndex = (s & 1) ? 0 : -1;
      if (r === 'option' || r === 'menuitem') el.tabIndex = -1;
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
    // Keys on the tree's elements that move within a widget (web/boot.js passes them here,
    // as it keeps every other key from the canvas): true when taken.
    key: function (event) {
      var el = event.target, role = el.getAttribute && el.getAttribute('role'), k = event.key;
      var id = el.dataset && el.dataset.id;
      if (!id || event.type !== 'keydown') return false;
      var take = function () { event.preventDefault(); return true; };
      // Enter in a one-line field sends its form, as on any web page; it follows the field's
      // text in the same queue, so the form never goes without its last keystrokes. Not while
      // an IME composes: there Enter commits the composition.
      if (el.tagName === 'INPUT' && k === 'Enter' && !event.isComposing) {
        Semantics.request(id, 3, 'Enter');
        return take();
      }
      // A closed combo box opens with Down, Up or Alt+Down, as a select does.
      if (role === 'combobox' && el.getAttribute('aria-expanded') !== 'true' && (k === 'ArrowDown' || k === 'ArrowUp')) {
        Semantics.request(id, 0, '');
        return take();
      }
      // A list's options and a calendar's days: the widget moves its highlight, and the DOM's
      // focus follows it (a long list draws only what it shows; days cross into other months).
      var moves = k === 'ArrowDown' || k === 'ArrowUp' || k === 'Home' || k === 'End';
      if (role === 'option') {
        if (moves) { Semantics.request(id, 3, k); return take(); }
        if (k === 'Tab') Semantics.request(id, 0, '');  // Tab picks it and moves on, as from a select
        return false;
      }
      if (role === 'gridcell') {
        if (moves || k === 'ArrowLeft' || k === 'ArrowRight' || k === 'PageUp' || k === 'PageDown') {
          Semantics.request(id, 3, (event.shiftKey && k.indexOf('Page') === 0 ? 'Shift+' : '') + k);
          return take();
        }
        if (k === 'Enter' || k === ' ') { Semantics.request(id, 0, ''); return take(); }
        return false;
      }
      // Tabs (Left and Right) and menu items (Up and Down): among their siblings, by the DOM
      // alone. A tab is chosen as the focus reaches it.
      var next = role === 'tab' ? { ArrowLeft: -1, ArrowRight: 1 } : role === 'menuitem' ? { ArrowUp: -1, ArrowDown: 1 } : null;
      if (!next || !(k in next || k === 'Home' || k === 'End')) return false;
      var all = Array.prototype.filter.call(el.parentElement.children, function (c) { return c.getAttribute('role') === role && !c.disabled; });
      var at = all.indexOf(el);
      var to = k === 'Home' ? 0 : k === 'End' ? all.length - 1 : (at + next[k] + all.length) % all.length;
      if (all[to] && all[to] !== el) {
        all[to].focus({ preventScroll: true });
        if (role === 'tab') all[to].click();
      }
      return take();
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
      // The elements lie over what the canvas draws, so this layer never scrolls: the browser
      // scrolls it to show an element (scrollIntoView, a reader's cursor) although it is
      // overflow: hidden, and every element would then sit off its drawing.
      S.root.addEventListener('scroll', function () { S.root.scrollTop = 0; S.root.scrollLeft = 0; });
      Module['semanticKey'] = S.key;
    }
    var giveBack = null;
    patch.remove.forEach(function (id) {
      var e = S.nodes[id];
      if (!e) return;
      // A popup that closes (dialog, list, menu) gives the focus back to where it was when it
      // opened, once that is no longer inert (below).
      if (e.returnFocus && e.el.contains(document.activeElement)) giveBack = e.returnFocus;
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
        if (S.popups[node.role]) {
          e.returnFocus = document.activeElement;
          // A dialog takes the focus however it opened; a list or menu when the focus was in
          // the tree (a keyboard's, a screen reader's), not on the canvas a mouse works.
          if (node.role === 'dialog' || node.role === 'alertdialog' || S.root.contains(document.activeElement)) opened = e.el;
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
      // A modal dialog: what is outside the innermost one (the page, the form behind a
      // question) can be neither reached by Tab nor read.
      S.inert.forEach(function (el) { el.inert = false; });
      S.inert = [];
      var modals = S.root.querySelectorAll('[aria-modal="true"]');
      for (var at = modals[modals.length - 1]; at && at !== S.root; at = at.parentElement)
        for (var c = at.parentElement.firstElementChild; c; c = c.nextElementSibling)
          if (c !== at) { c.inert = true; S.inert.push(c); }
      // An open list or menu is drawn over the fields below it: a tap there is for the list,
      // not for a real input the list covers.
      S.root.classList.toggle('popup-open', !!S.root.querySelector('[role="listbox"], [role="menu"]'));
    }
    if (giveBack && giveBack.isConnected) giveBack.focus({ preventScroll: true });
    // A dialog opens with the focus on its first control, or on the one the C++ side named;
    // its controls may come a frame after it (Dear ImGui sizes a new window first).
    if (opened) S.focusIn = opened;
    var wanted = S.wantFocus && S.nodes[S.wantFocus];
    if (wanted) {
      wanted.el.focus({ preventScroll: true });
      S.wantFocus = null;
      S.focusIn = null;
    } else if (S.focusIn) {
      var first = null;
      if (S.focusIn.isConnected)
        S.popups[S.focusIn.getAttribute('role')].some(function (sel) { return (first = S.focusIn.querySelector(sel)); });
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
