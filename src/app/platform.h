// Everything the page needs from the browser, in one place, so the UI code stays plain C++.
// Implemented in platform_web.cpp on top of platform_web.js (an Emscripten JS library).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dates.h"

namespace recert::platform {

enum class StoreStatus { ok, full, blocked };

struct Stored {
    StoreStatus status = StoreStatus::ok;
    std::optional<std::string> value;  // absent: nothing stored under the key
};
Stored storage_get(const std::string& key);
StoreStatus storage_set(const std::string& key, const std::string& value);
void storage_remove(const std::string& key);
std::vector<std::string> storage_keys(const std::string& prefix);  // sorted
void reload_page();

// Saves a file to the person's downloads.
void download(const std::string& filename, const std::string& mime, const std::string& content);
// Call when the button is pressed down (ImGui::IsItemActivated): browsers open a file
// picker only inside a gesture, so it opens at that press's release. The chosen file
// arrives through recert_file_picked.
void pick_file(const std::string& accept);
// Certificates (PDF, PNG, JPEG) the person attaches: picked at the release of the press that
// called this (several at once, or a photo from the camera), or dropped anywhere on the page.
// Each is checked (its first bytes, at most max_bytes), hashed (SHA-256) and kept in IndexedDB
// under its hash; what became of it arrives through recert_certificate_stored.
enum class FileOutcome { stored, too_big, not_certificate, full, blocked, unreadable };
void pick_certificates(bool camera, std::int64_t max_bytes);
void accept_dropped_certificates(std::int64_t max_bytes);  // once, at start
// Opens a kept certificate in a new tab, or saves it as `name`, at the release of this press;
// one missing or whose bytes no longer match the hash arrives at recert_certificate_unavailable.
void open_certificate(const std::string& sha256, const std::string& mime, const std::string& name, bool download);
// The hashes IndexedDB holds arrive at recert_certificates_listed.
void list_certificates();
void delete_certificates();  // every one IndexedDB holds ("Delete all my data")
// "Back up everything": one .zip (written with fflate, loaded when first needed) of the log as
// `log_json` ("recert-log.json"), each certificate `manifest_json` lists (its "certificates":
// path, sha256, type, size, names), read from IndexedDB one at a time and checked against its
// hash, and the manifest ("manifest.json", listing what went in and what was left out). Saved
// to the downloads as `filename`; progress arrives at recert_archive_progress, the end at
// recert_backup_written. A .zip picked through pick_file is read back the same way: its
// certificates checked and kept, then its log at recert_archive_picked.
void back_up_everything(const std::string& filename, const std::string& log_json, const std::string& manifest_json);
// The renewal packet's summary (packet.h's JSON) as an HTML page only print shows, then the
// browser's print dialog, for those who print from the browser or save from it as PDF.
void print_view(const std::string& packet_json);
// The renewal packet as a PDF (pdf-lib, loaded when first needed), in two steps so that all its
// words stay the core's. prepare_packet reads each certificate `certificates_json` lists (the
// packet's "certificates") from IndexedDB, checks its hash and that it can be appended, and says
// which cannot at recert_packet_prepared ("sha256\treason" lines: archive_reasons). Then
// make_packet_pdf lays out packet.h's JSON, made again with those left out, in the page's own
// fonts (embedded, so its text is selectable), appends the certificates it lists, and saves it
// to the downloads; the end arrives at recert_packet_made.
void prepare_packet(const std::string& certificates_json);
void make_packet_pdf(const std::string& packet_json);
// Text in another encoding ("windows-1252") as UTF-8, by the browser's decoder.
std::optional<std::string> decode(const std::string& bytes, const std::string& encoding);
void clipboard_write(const std::string& text);
// Read aloud by screen readers (an aria-live region), for what changes without a node of its own.
void announce(const std::string& text);
// The semantic tree's difference (semantics.h, as JSON) into the DOM elements over the canvas;
// what the person does to them arrives through recert_semantic.
void publish_semantics(const std::string& patch);
void focus_semantic(const std::string& id);  // moves the browser's focus to that node's element
// The page's own colours ("#rrggbb") for the real inputs drawn over the canvas, which follow
// the page's theme setting, not the system's.
void semantic_colors(const std::string& field, const std::string& text, const std::string& focus);
Date today();  // the person's local date, or ?today=YYYY-MM-DD
bool prefers_dark();
double now_seconds();

// Whether the browser keeps the page's storage or may clear it to free space
// (navigator.storage.persisted); `checking` until the browser has answered.
enum class Persistence { checking, persistent, best_effort, unknown };
Persistence storage_persistence();
// Asks the browser to keep the page's storage (navigator.storage.persist); the answer
// arrives later through storage_persistence().
void request_persistent_storage();
bool installed();  // runs as an installed app (display-mode: standalone)
bool online();
// The page is the hosted one (not recert.html) and so can offer recert.html, the whole of
// Recert in one file, as a download.
bool offline_copy_available();
void download_offline_copy();
// For a host's web developer: a message in the browser's console (a site option ignored, say).
void warn(const std::string& text);
// In a frame, tells the host page (embed.js) the height the page's content wants, in CSS
// pixels: {type: "recert:height", height}. Nothing else of the page ever goes to the host.
void content_height(int css_pixels);
// The site that frames the page ("ce.example.org"), where the browser tells it; else "".
std::string host_site();
// Characters no loaded font has: the browser fetches the fallback font that covers them, if
// any, and hands it to recert_fallback_font.
void request_glyphs(const std::vector<unsigned>& code_points);

}  // namespace recert::platform
