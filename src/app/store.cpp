#include "store.h"

#include <algorithm>
#include <cmath>

#include "commands.h"

namespace recert::app {

namespace {
std::string status_text(platform::StoreStatus s) {
    return s == platform::StoreStatus::full
               ? "This browser's storage is full, so your latest change is not saved yet. It is kept while this page is open: "
                 "export a backup now."
               : "This browser does not let the page store data (private mode or blocked storage). Your changes last only while "
                 "this page is open: export a backup to keep them.";
}
}  // namespace

void load_stored(App& a) {
    const auto stored = platform::storage_get(log_key);
    if (stored.status != platform::StoreStatus::ok) {
        a.notice = status_text(stored.status);
        return;
    }
    if (!stored.value) return;  // first visit
    auto parsed = parse_log(*stored.value);
    if (parsed.log) {
        a.log = a.saved = std::move(*parsed.log);
        a.saved_text = *stored.value;
        return;
    }
    // Keep the original text where nothing will write over it, then start empty.
    std::string key = std::string(log_key) + ".unreadable";
    for (int n = 2; platform::storage_get(key).value; ++n) key = std::string(log_key) + ".unreadable-" + std::to_string(n);
    if (platform::storage_set(key, *stored.value) == platform::StoreStatus::ok) {
        platform::storage_remove(log_key);
        a.recovered_key = key;
        a.notice = "The log stored in this browser could not be read (" + describe(parsed.problems.front()) +
                   "). It is kept, unchanged: download it below or from Settings.";
    } else {
        a.notice = "The log stored in this browser could not be read (" + describe(parsed.problems.front()) +
                   "). It is left in place and nothing will be saved over it: download it below or from Settings.";
        a.recovered_key = log_key;
    }
}

// Another tab's newer log, with this tab's changes not yet in storage carried over onto it.
static std::optional<Log> newer_in_storage(const App& a, const std::string& text) {
    if (text == a.saved_text) return std::nullopt;
    auto parsed = parse_log(text);
    if (!parsed.log) return std::nullopt;  // never adopt what cannot be read
    return rebase(a.saved, a.log, std::move(*parsed.log));
}

void reload_from_other_tab(App& a) {
    const auto stored = platform::storage_get(log_key);
    if (!stored.value) return;
    if (auto newer = newer_in_storage(a, *stored.value)) {
        const bool unsaved = serialize(a.log) != a.saved_text;
        a.log = std::move(*newer);
        a.saved = a.log;
        a.saved_text = *stored.value;
        if (unsaved) save_log(a);
        evaluate_now(a);
        show_toast(a, "Updated with changes made in another tab.");
    }
}

platform::StoreStatus save_log(App& a) {
    if (a.recovered_key == log_key) return platform::StoreStatus::blocked;  // never write over unread data
    // Another tab may have saved since this one last read: keep its changes too.
    if (const auto stored = platform::storage_get(log_key); stored.value)
        if (auto newer = newer_in_storage(a, *stored.value)) a.log = std::move(*newer);
    std::string text = serialize(a.log);
    const auto s = platform::storage_set(log_key, text);
    if (s == platform::StoreStatus::ok) {
        a.saved = a.log;
        a.saved_text = std::move(text);
        if (a.notice.rfind("This browser", 0) == 0) a.notice.clear();
    } else {
        a.notice = status_text(s);
    }
    return s;
}

void save_settings(const Settings& s) {
    // Text size as a whole percentage: a float would be stored as 1.149999976.
    const nlohmann::json j = {{"theme", static_cast<int>(s.theme)}, {"text_percent", static_cast<int>(std::lround(s.text_scale * 100))}};
    platform::storage_set(settings_key, j.dump());
}

Settings load_settings() {
    Settings s;
    const auto stored = platform::storage_get(settings_key);
    if (!stored.value) return s;
    Problems ignored;
    if (auto j = parse_json(*stored.value, ignored); j && j->is_object()) {
        if (auto t = j->find("theme"); t != j->end() && t->is_number_integer() && *t >= 0 && *t <= 2) s.theme = static_cast<Theme>(t->get<int>());
        if (auto z = j->find("text_percent"); z != j->end() && z->is_number_integer())
            s.text_scale = std::clamp(z->get<int>(), 85, 150) / 100.0f;
    }
    return s;
}

}  // namespace recert::app
