// The renewal packet's PDF, laid out with pdf-lib (window.PDFLib) and its fontkit
// (window.fontkit): loaded, with them, only when a packet is made (platform_packet.js), so the
// first page load does not carry it. Every word comes from the core (packet.h's blocks); this
// only lays them out on Letter pages and appends the certificates. `host` gives what the page
// holds: get(sha256) and hash(buffer) for the certificates in IndexedDB, font(name),
// fallbacks() and fallbackFont(file) for the page's fonts.
//
//   prepare   reads each certificate, checks its hash and opens it (a PDF, an image), and says
//             which cannot be appended; C++ then makes the packet again, naming them
//   make      lays out the summary in the page's own fonts (embedded whole: fontkit's subsetter
//             damages CFF fonts, pdf-lib#1232), then the certificates: a PDF's pages copied as
//             they are, an image on a page of its own under its caption
(function () {
  'use strict';
  var P = window.RecertPacket = {
    // Points: US Letter, as the certifying bodies' forms are; 0.75 in margins.
    page: [612, 792], margin: 54,
    ink: [0.1, 0.1, 0.12], muted: [0.36, 0.36, 0.4], risk: [0.7, 0.1, 0.08], rule: [0.75, 0.75, 0.78], shade: [0.93, 0.93, 0.95],

    // Reads, checks and opens each certificate; resolves with those it can append (sha256:
    // {type, bytes, doc}) and "sha256\treason" lines for those it cannot.
    prepare: function (certificates, host) {
      var PDFLib = window.PDFLib, kept = {}, left = [];
      return PDFLib.PDFDocument.create().then(function (scratch) {
        var chain = Promise.resolve();
        certificates.forEach(function (c) {
          chain = chain.then(function () {
            return host.get(c.sha256).then(function (k) {
              if (!k) return 'missing';
              return host.hash(k.bytes).then(function (now) {
                if (now !== c.sha256) return 'altered';
                // Opened now, so that the summary can say which cannot be appended. An encrypted
                // PDF is opened to be named so (pdf-lib's own error for it fails instanceof), not
                // copied: its pages would come out scrambled.
                var pdf = c.type === 'application/pdf';
                var opened = pdf ? PDFLib.PDFDocument.load(k.bytes, { updateMetadata: false, ignoreEncryption: true })
                           : c.type === 'image/png' ? scratch.embedPng(k.bytes) : scratch.embedJpg(k.bytes);
                return opened.then(function (doc) {
                  if (pdf && doc.isEncrypted) return 'encrypted';
                  if (pdf && doc.getPageCount() === 0) return 'unreadable';
                  kept[c.sha256] = { type: c.type, bytes: k.bytes, doc: pdf ? doc : null };
                  return '';
                }, function () { return 'unreadable'; });
              });
            }).catch(function () { return 'unreadable'; }).then(function (why) {
              if (why) left.push(c.sha256 + '\t' + why);
            });
          });
        });
        return chain.then(function () { return { kept: kept, left: left }; });
      });
    },

    // The faces that draw the packet's text: Inter, then the page's fallback fonts that have a
    // character Inter lacks, in fonts/fallback.json's order. Each is {regular, semibold, has(cp)}.
    faces: function (doc, texts, host) {
      var fontkit = window.fontkit;
      var cff = function (bytes) { var b = new Uint8Array(bytes, 0, 4); return b[0] === 0x4f && b[1] === 0x54 && b[2] === 0x54 && b[3] === 0x4f; };  // OTTO
      var embed = function (bytes) { return doc.embedFont(bytes, { subset: !cff(bytes) }); };
      var face = function (regular, semibold) {
        var font = fontkit.create(new Uint8Array(regular));
        return Promise.all([embed(regular), semibold ? embed(semibold) : null]).then(function (f) {
          return { regular: f[0], semibold: f[1] || f[0], has: function (cp) { return font.hasGlyphForCodePoint(cp); } };
        });
      };
      return Promise.all([host.font('inter-regular.otf'), host.font('inter-semibold.otf')]).then(function (inter) {
        var covers = fontkit.create(new Uint8Array(inter[0]));
        var needed = {};
        texts.forEach(function (t) {
          for (var i = 0; i < t.length; i++) {
            var cp = t.codePointAt(i);
            if (cp > 0xffff) i++;
            if (cp > 0x20 && !covers.hasGlyphForCodePoint(cp)) needed[cp] = true;
          }
        });
        return face(inter[0], inter[1]).then(function (first) {
          var faces = [first], lacking = Object.keys(needed).map(Number);
          if (!lacking.length) return faces;
          return host.fallbacks().then(function (files) {
            var chain = Promise.resolve();
            files.forEach(function (f) {
              chain = chain.then(function () {
                var wanted = lacking.filter(function (cp) { return f.ranges.some(function (r) { return cp >= r[0] && cp <= r[1]; }); });
                if (!wanted.length) return;
                return Promise.all([host.fallbackFont(f.file), f.semibold ? host.fallbackFont(f.semibold) : null]).then(function (b) {
                  var font = fontkit.create(new Uint8Array(b[0]));
                  if (!wanted.some(function (cp) { return font.hasGlyphForCodePoint(cp); })) return;
                  lacking = lacking.filter(function (cp) { return !font.hasGlyphForCodePoint(cp); });
                  return face(b[0], b[1]).then(function (x) { faces.push(x); });
                }, function (err) { console.warn('Recert: a fallback font for the packet did not load; its characters are boxes', err); });
              });
            });
            return chain.then(function () { return faces; });
          });
        });
      });
    },

    // A text as runs of one font each; a character no face has is Inter's box (U+25A1).
    runs: function (faces, text, bold) {
      var out = [], last = null;
      for (var i = 0; i < text.length; i++) {
        var cp = text.codePointAt(i), ch = String.fromCodePoint(cp);
        if (cp > 0xffff) i++;
        var f = faces.find(function (x) { return cp <= 0x20 || x.has(cp); });
        if (!f) { f = faces[0]; ch = '\u25A1'; }
        var font = bold ? f.semibold : f.regular;
        if (last && last.font === font) last.text += ch;
        else out.push(last = { font: font, text: ch });
      }
      return out;
    },
    width: function (faces, text, bold, size) {
      return P.runs(faces, text, bold).reduce(function (w, r) { return w + r.font.widthOfTextAtSize(r.text, size); }, 0);
    },
    // Lines no wider than `width`, broken at spaces, and inside a word only when it alone is wider.
    wrap: function (faces, text, bold, size, width) {
      var lines = [];
      String(text).split('\n').forEach(function (paragraph) {
        var line = '';
        paragraph.split(' ').forEach(function (word) {
          var tried = line ? line + ' ' + word : word;
          if (P.width(faces, tried, bold, size) <= width) { line = tried; return; }
          if (line) lines.push(line);
          line = '';
          Array.from(word).forEach(function (ch) {
            if (line && P.width(faces, line + ch, bold, size) > width) { lines.push(line); line = ''; }
            line += ch;
          });
        });
        lines.push(line);
      });
      return lines;
    },
    draw: function (page, faces, text, x, y, o) {
      P.runs(faces, text, o.bold).forEach(function (r) {
        page.drawText(r.text, { x: x, y: y, size: o.size, font: r.font, color: window.PDFLib.rgb.apply(null, o.color || P.ink) });
        x += r.font.widthOfTextAtSize(r.text, o.size);
      });
    },

    // The summary's pages; returns how many. `at` is where the next line goes: its page and the
    // height y above the page's foot, with room(h) starting a page when h does not fit.
    layout: function (doc, faces, packet) {
      var rgb = window.PDFLib.rgb, m = P.margin, W = P.page[0] - 2 * m, pages = [];
      var at = { page: null, y: 0 };
      at.room = function (h) {
        if (at.page && at.y - h >= m) return;
        at.page = doc.addPage(P.page);
        pages.push(at.page);
        at.y = P.page[1] - m;
      };
      var lines = function (text, o, lh) {  // a paragraph, split across pages if it must
        P.wrap(faces, text, o.bold, o.size, W).forEach(function (line) {
          at.room(lh);
          at.y -= lh;
          if (o.bar) at.page.drawRectangle({ x: m - 8, y: at.y - 3, width: 2.5, height: lh, color: rgb.apply(null, P.risk) });
          P.draw(at.page, faces, line, m, at.y + (lh - o.size) / 2, o);
        });
      };
      packet.blocks.forEach(function (b) {
        if (b.type === 'title') {
          lines(b.text, { bold: true, size: 18 }, 24);
          at.y -= 8;
        } else if (b.type === 'heading') {
          at.room(18 + 40);  // never the last line of a page
          at.y -= 14;
          lines(b.text, { bold: true, size: 13 }, 18);
          at.y -= 4;
        } else if (b.type === 'text') {
          lines(b.text, { size: 10, color: b.flagged ? P.risk : P.ink, bar: b.flagged }, 14);
          at.y -= 6;
        } else if (b.type === 'facts') {
          var label = 110;
          b.columns.forEach(function (name, i) {
            var value = P.wrap(faces, b.rows[i].cells[0], false, 10, W - label);
            at.room(value.length * 14);
            P.draw(at.page, faces, name, m, at.y - 11, { bold: true, size: 9, color: P.muted });
            value.forEach(function (line) { at.y -= 14; P.draw(at.page, faces, line, m + label, at.y + 3, { size: 10 }); });
            at.y -= 3;
          });
          at.y -= 8;
        } else if (b.type === 'table') {
          P.table(b, faces, at);
          at.y -= 8;
        }
      });
      pages.forEach(function (p, i) {
        P.draw(p, faces, packet.title + '  \u00B7  Page ' + (i + 1) + ' of ' + pages.length, m, 30, { size: 8, color: P.muted });
      });
      return pages.length;
    },

    // A table: columns as wide as their text wants when it fits, else each given its longest
    // word and the rest shared by what more it wants; the header again atop each new page; a
    // row's flag under it, in the risk colour, never parted from it.
    table: function (b, faces, at) {
      var rgb = window.PDFLib.rgb, m = P.margin, W = P.page[0] - 2 * m, size = 8.5, lh = 11, pad = 3;
      var n = b.columns.length, want = [], least = [];
      var widest = function (list) { return Math.max.apply(null, list); };
      for (var c = 0; c < n; c++) {
        var cells = [{ t: b.columns[c], bold: true }].concat(b.rows.map(function (r) { return { t: r.cells[c] || '', bold: false }; }));
        want[c] = 2 * pad + widest(cells.map(function (x) { return P.width(faces, x.t, x.bold, size); }));
        least[c] = 2 * pad + Math.min(W / n, widest(cells.map(function (x) {
          return widest(x.t.split(' ').map(function (w) { return P.width(faces, w, x.bold, size); }));
        })));
      }
      var sum = function (a) { return a.reduce(function (s, v) { return s + v; }, 0); };
      var widths;
      if (sum(want) <= W) widths = want.map(function (w, i) { return i === Math.min(1, n - 1) ? w + W - sum(want) : w; });  // the slack to the title
      else {
        var more = sum(want) - sum(least), spare = W - sum(least);
        widths = least.map(function (l, i) { return l + (more > 0 ? (want[i] - l) * spare / more : 0); });
      }
      var row = function (cells, bold, flag) {
        var wrapped = cells.map(function (t, i) { return P.wrap(faces, t || '', bold, size, widths[i] - 2 * pad); });
        var lines = widest(wrapped.map(function (l) { return l.length; }));
        var flagged = flag ? P.wrap(faces, flag, false, size, W - 2 * pad - 12) : [];
        return { wrapped: wrapped, lines: lines, flagged: flagged, bold: bold,
                 h: lines * lh + 2 * pad + (flagged.length ? flagged.length * lh + pad : 0) };
      };
      var put = function (r, shade) {
        var top = at.y, page = at.page;
        if (shade) page.drawRectangle({ x: m, y: top - r.h, width: W, height: r.h, color: rgb.apply(null, P.shade) });
        var x = m;
        r.wrapped.forEach(function (ls, i) {
          ls.forEach(function (line, j) { P.draw(page, faces, line, x + pad, top - pad - (j + 1) * lh + 2.5, { bold: r.bold, size: size }); });
          x += widths[i];
        });
        r.flagged.forEach(function (line, j) {
          var base = top - pad - (r.lines + j + 1) * lh + 2.5;
          if (j === 0) page.drawSvgPath('M 0 0 L 3.5 -6.5 L 7 0 Z', { x: m + pad, y: base, color: rgb.apply(null, P.risk) });  // a warning sign on the baseline
          P.draw(page, faces, line, m + pad + 12, base, { size: size, color: P.risk });
        });
        at.y = top - r.h;
        page.drawLine({ start: { x: m, y: at.y }, end: { x: m + W, y: at.y }, thickness: 0.5, color: rgb.apply(null, P.rule) });
      };
      var header = row(b.columns, true, '');
      var rows = b.rows.map(function (r) { return row(r.cells, false, r.flag); });
      at.room(header.h + (rows.length ? rows[0].h : 0));  // a header alone at a page's foot helps no one
      put(header, true);
      rows.forEach(function (r) {
        var page = at.page;
        at.room(r.h);
        if (at.page !== page) { at.room(header.h + r.h); put(header, true); }  // a new page: the header again
        put(r, false);
      });
    },

    // The certificates, in the packet's order: a PDF's pages as they are; an image on a page of
    // its own (turned to landscape when it is wider than tall), under its caption, never enlarged.
    append: function (doc, faces, packet, kept) {
      var m = P.margin, chain = Promise.resolve();
      packet.certificates.forEach(function (c) {
        var k = kept[c.sha256];
        if (!k) return;
        chain = chain.then(function () {
          if (k.doc) {
            return doc.copyPages(k.doc, k.doc.getPageIndices()).then(function (pages) { pages.forEach(function (p) { doc.addPage(p); }); });
          }
          return (k.type === 'image/png' ? doc.embedPng(k.bytes) : doc.embedJpg(k.bytes)).then(function (image) {
            var size = image.width > image.height ? [P.page[1], P.page[0]] : P.page;
            var page = doc.addPage(size), y = size[1] - m;
            P.wrap(faces, c.caption, true, 12, size[0] - 2 * m).forEach(function (line) { y -= 16; P.draw(page, faces, line, m, y, { bold: true, size: 12 }); });
            P.wrap(faces, c.name, false, 9, size[0] - 2 * m).forEach(function (line) { y -= 13; P.draw(page, faces, line, m, y, { size: 9, color: P.muted }); });
            y -= 12;
            var scale = Math.min(1, (size[0] - 2 * m) / image.width, (y - m) / image.height);
            var box = { x: m, y: y - image.height * scale, width: image.width * scale, height: image.height * scale };
            page.drawImage(image, box);
            // A hairline around it: a white certificate on a white page has no edge of its own.
            page.drawRectangle(Object.assign({ borderColor: window.PDFLib.rgb.apply(null, P.rule), borderWidth: 0.5 }, box));
          });
        });
      });
      return chain;
    },

    // The PDF's bytes, with its pages and the summary's.
    make: function (packet, kept, host) {
      var doc, faces, summary;
      var texts = [packet.title];
      packet.blocks.forEach(function (b) {
        texts.push(b.text || '');
        (b.columns || []).forEach(function (t) { texts.push(t); });
        (b.rows || []).forEach(function (r) { texts = texts.concat(r.cells, [r.flag || '']); });
      });
      packet.certificates.forEach(function (c) { texts.push(c.caption, c.name); });
      return window.PDFLib.PDFDocument.create().then(function (d) {
        doc = d;
        doc.registerFontkit(window.fontkit);
        doc.setTitle(packet.title, { showInWindowTitleBar: true });
        doc.setLanguage('en-US');
        doc.setCreator('Recert');
        return P.faces(doc, texts, host);
      }).then(function (f) {
        faces = f;
        summary = P.layout(doc, faces, packet);
        return P.append(doc, faces, packet, kept);
      }).then(function () {
        return doc.save();
      }).then(function (bytes) {
        return { bytes: bytes, pages: doc.getPageCount(), summary: summary };
      });
    },

  };
})();
