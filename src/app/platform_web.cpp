#include <algorithm>
#include <cstdlib>

#include "platform.h"

extern "C" {
char* js_storage_get(const char* key, int* status);
int js_storage_set(const char* key, const char* value);
void js_storage_remove(const char* key);
char* js_storage_keys(const char* prefix);
char* js_decode(const char* bytes, int size, const char* encoding);
void js_reload();
void js_download(const char* name, const char* mime, const char* content, int size);
void js_pick_file(const char* accept);
void js_pick_certificates(int camera, double max_bytes);
void js_accept_dropped_certificates(double max_bytes);
void js_open_certificate(const char* sha256, const char* mime, const char* name, int download);
void js_list_certificates();
void js_delete_certificates();
void js_back_up_everything(const char* filename, const char* log_json, int log_size, const char* manifest_json);
void js_print_view(const char* packet_json);
void js_prepare_packet(const char* certificates_json);
void js_make_packet_pdf(const char* packet_json);
void js_clipboard_write(const char* text);
void js_announce(const char* text);
void js_semantics_patch(const char* patch);
void js_semantics_focus(const char* id);
void js_semantics_colors(const char* field, const char* text, const char* focus);
int js_today();
int js_prefers_dark();
double js_now();
int js_storage_persistence();
void js_request_persistence();
int js_installed();
int js_online();
int js_offline_copy_available();
void js_download_offline_copy();
void js_request_glyphs(const unsigned* code_points, int count);
void js_warn(const char* text);
void js_content_height(int css_pixels);
char* js_host_site();
}

namespace recert::platform {

Stored storage_get(const std::string& key) {
    int status = 0;
    char* p = js_storage_get(key.c_str(), &status);
    Stored s;
    s.status = static_cast<StoreStatus>(status);
    if (p) {
        s.value = std::string(p);
        std::free(p);
    }
    return s;
}

StoreStatus storage_set(const std::string& key, const std::string& value) {
    return static_cast<StoreStatus>(js_storage_set(key.c_str(), value.c_str()));
}

void storage_remove(const std::string& key) { js_storage_remove(key.c_str()); }

std::vector<std::string> storage_keys(const std::string& prefix) {
    // One key per line: keys Recert writes hold no newline.
    std::vector<std::string> keys;
    char* p = js_storage_keys(prefix.c_str());
    if (!p) return keys;
    std::string all(p);
    std::free(p);
    for (std::size_t at = 0; at < all.size();) {
        const auto end = std::min(all.find('\n', at), all.size());
        keys.push_back(all.substr(at, end - at));
        at = end + 1;
    }
    return keys;
}

void reload_page() { js_reload(); }

std::optional<std::string> decode(const std::string& bytes, const std::string& encoding) {
    char* p = js_decode(bytes.data(), static_cast<int>(bytes.size()), encoding.c_str());
    if (!p) return std::nullopt;
    std::string text(p);
    std::free(p);
    return text;
}
void download(const std::string& filename, const std::string& mime, const std::string& content) {
    // With its length: a NUL inside the content must not cut the file.
    js_download(filename.c_str(), mime.c_str(), content.data(), static_cast<int>(content.size()));
}
void pick_file(const std::string& accept) { js_pick_file(accept.c_str()); }
void pick_certificates(bool camera, std::int64_t max_bytes) { js_pick_certificates(camera, static_cast<double>(max_bytes)); }
void accept_dropped_certificates(std::int64_t max_bytes) { js_accept_dropped_certificates(static_cast<double>(max_bytes)); }
void print_view(const std::string& packet_json) { js_print_view(packet_json.c_str()); }
void prepare_packet(const std::string& certificates_json) { js_prepare_packet(certificates_json.c_str()); }
void make_packet_pdf(const std::string& packet_json) { js_make_packet_pdf(packet_json.c_str()); }

void open_certificate(const std::string& sha256, const std::string& mime, const std::string& name, bool download) {
    js_open_certificate(sha256.c_str(), mime.c_str(), name.c_str(), download);
}
void list_certificates() { js_list_certificates(); }
void delete_certificates() { js_delete_certificates(); }
void back_up_everything(const std::string& filename, const std::string& log_json, const std::string& manifest_json) {
    js_back_up_everything(filename.c_str(), log_json.data(), static_cast<int>(log_json.size()), manifest_json.c_str());
}
void clipboard_write(const std::string& text) { js_clipboard_write(text.c_str()); }
void announce(const std::string& text) { js_announce(text.c_str()); }
void warn(const std::string& text) { js_warn(text.c_str()); }
void content_height(int css_pixels) { js_content_height(css_pixels); }
std::string host_site() {
    char* p = js_host_site();
    std::string s = p ? p : "";
    std::free(p);
    return s;
}
void publish_semantics(const std::string& patch) { js_semantics_patch(patch.c_str()); }
void focus_semantic(const std::string& id) { js_semantics_focus(id.c_str()); }
void semantic_colors(const std::string& field, const std::string& text, const std::string& focus) {
    js_semantics_colors(field.c_str(), text.c_str(), focus.c_str());
}

Date today() {
    const int v = js_today();
    return Date{date::year{v / 10000}, date::month{static_cast<unsigned>(v / 100 % 100)}, date::day{static_cast<unsigned>(v % 100)}};
}

bool prefers_dark() { return js_prefers_dark() != 0; }
double now_seconds() { return js_now(); }

Persistence storage_persistence() { return static_cast<Persistence>(js_storage_persistence()); }
void request_persistent_storage() { js_request_persistence(); }
bool installed() { return js_installed() != 0; }
bool online() { return js_online() != 0; }
bool offline_copy_available() { return js_offline_copy_available() != 0; }
void download_offline_copy() { js_download_offline_copy(); }
void request_glyphs(const std::vector<unsigned>& code_points) {
    js_request_glyphs(code_points.data(), static_cast<int>(code_points.size()));
}

}  // namespace recert::platform
