#include "fake_platform.h"

namespace recert {

namespace fake {
Browser& browser() {
    static Browser b;
    return b;
}
void reset() { browser() = Browser{}; }
}  // namespace fake

namespace platform {
using fake::browser;

Stored storage_get(const std::string& key) {
    const auto it = browser().storage.find(key);
    if (it == browser().storage.end()) return {};
    return {StoreStatus::ok, it->second};
}
StoreStatus storage_set(const std::string& key, const std::string& value) {
    if (browser().storage_full) return StoreStatus::full;
    browser().storage[key] = value;
    return StoreStatus::ok;
}
void storage_remove(const std::string& key) { browser().storage.erase(key); }
std::vector<std::string> storage_keys(const std::string& prefix) {
    std::vector<std::string> keys;
    for (const auto& [key, value] : browser().storage)
        if (key.rfind(prefix, 0) == 0) keys.push_back(key);
    return keys;
}
void reload_page() { ++browser().reloads; }
void download(const std::string& filename, const std::string& mime, const std::string& content) {
    browser().downloads.push_back({filename, mime, content});
}
void pick_file(const std::string&) { ++browser().pick_file_calls; }
void pick_certificates(bool camera, std::int64_t) { browser().certificate_picks.push_back(camera); }
void accept_dropped_certificates(std::int64_t) {}
void print_view(const std::string& packet_json) { browser().printed.push_back(packet_json); }
void prepare_packet(const std::string& certificates_json) { browser().packet_checks.push_back(certificates_json); }
void make_packet_pdf(const std::string& packet_json) { browser().packets.push_back(packet_json); }

void open_certificate(const std::string& sha256, const std::string& mime, const std::string& name, bool download) {
    browser().opened.push_back((download ? "download " : "") + sha256 + " " + mime + " " + name);
}
void list_certificates() { ++browser().certificate_lists; }
void delete_certificates() { ++browser().certificate_wipes; }
void back_up_everything(const std::string& filename, const std::string& log_json, const std::string& manifest_json) {
    browser().archives.push_back({filename, log_json, manifest_json});
}
std::optional<std::string> decode(const std::string& bytes, const std::string& encoding) {
    if (encoding != "windows-1252") return std::nullopt;
    std::string out;  // enough of Windows-1252 for the tests: Latin-1 plus the euro sign
    for (const unsigned char c : bytes) {
        if (c < 0x80) out += static_cast<char>(c);
        else if (c == 0x80) out += "\xE2\x82\xAC";
        else {
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return out;
}
void clipboard_write(const std::string&) {}
void announce(const std::string& text) { browser().announced.push_back(text); }
void publish_semantics(const std::string&) {}
void focus_semantic(const std::string&) {}
void semantic_colors(const std::string&, const std::string&, const std::string&) {}
Date today() { return browser().today; }
bool prefers_dark() { return false; }
double now_seconds() { return 0; }
Persistence storage_persistence() { return Persistence::best_effort; }
void request_persistent_storage() { ++browser().persist_requests; }
bool installed() { return false; }
bool online() { return true; }
bool offline_copy_available() { return true; }
void download_offline_copy() {}

}  // namespace platform
}  // namespace recert
