#include "store.h"

#include <algorithm>
#include <cmath>

#include "commands.h"

namespace recert::app {

namespace {
Trouble trouble_of(platform::StoreStatus s) {
    return s == platform::StoreStatus::full ? Trouble::full : s == platform::StoreStatus::blocked ? Trouble::blocked : Trouble::none;
}

std::vector<std::string> downloaded_keys() {
    std::vector<std::string> keys;
    Problems ignored;
    if (const auto v = platform::storage_get(downloaded_key).value)
        if (auto j = parse_json(*v, ignored); j && j->is_array())
            for (const auto& k : *j)
                if (k.is_string()) keys.push_back(k.get<std::string>());
    return keys;
}

// Lists the kept copies, oldest first, each with why it could not be read.
void scan_kept(App& a) {
    const auto downloaded = downloaded_keys();
    a.kept.clear();
    for (const auto& key : platform::storage_keys(kept_prefix)) {
        KeptCopy k{key, "", std::find(downloaded.begin(), downloaded.end(), key) != downloaded.end()};
        if (const auto text = platform::storage_get(key).value) {
            const auto parsed = parse_log(*text);
            k.reason = parsed.problems.empty() ? "it was set aside" : describe(parsed.problems.front());
        }
        a.kept.push_back(std::move(k));
    }
}

// Copies unreadable stored text aside, unless an identical copy is kept already.
bool keep_aside(App& a, const std::string& text) {
    for (const auto& k : a.kept)
        if (platform::storage_get(k.key).value == text) return true;
    std::string key = kept_prefix;
    for (int n = 2; platform::storage_get(key).value; ++n) key = std::string(kept_prefix) + "-" + std::to_string(n);
    if (platform::storage_set(key, text) != platform::StoreStatus::ok) return false;
    scan_kept(a);
    return true;
}

// Unreadable text with no room to copy it: it stays under the log's key, offered for
// download, and nothing is written until it is downloaded and discarded or room is made.
void hold(App& a, const std::string& text) {
    a.trouble = Trouble::held;
    a.saved_text = text;
    if (std::none_of(a.kept.begin(), a.kept.end(), [](const KeptCopy& k) { return k.key == log_key; }))
        a.kept.push_back({log_key, describe(parse_log(text).problems.front()), false});
}

// Adopts `theirs` (text as stored, "" when nothing is), carrying this tab's unsaved changes onto it.
void adopt(App& a, Log theirs, std::string text) {
    std::vector<std::string> dropped;
    Log ours = rebase(a.saved, a.log, theirs, &dropped);
    a.saved = std::move(theirs);
    a.saved_text = std::move(text);
    a.log = std::move(ours);
    // An undo from before would bring back what the other tab changed.
    a.undo.clear();
    a.redo.clear();
    if (!dropped.empty())
        show_toast(a, "An activity you edited here had been deleted in another tab; it stays deleted.");
}
}  // namespace

void load_stored(App& a) {
    scan_kept(a);
    const auto stored = platform::storage_get(log_key);
    a.trouble = trouble_of(stored.status);
    if (!stored.value) return;  // first visit, or blocked
    auto parsed = parse_log(*stored.value);
    if (parsed.log) {
        a.log = a.saved = std::move(*parsed.log);
        a.saved_text = *stored.value;
    } else if (parsed.newer_version) {
        a.trouble = Trouble::newer_log;
        a.saved_text = *stored.value;
    } else if (keep_aside(a, *stored.value)) {
        platform::storage_remove(log_key);  // it is safe under its own key now
    } else {
        hold(a, *stored.value);
    }
}

bool sync_with_storage(App& a) {
    const auto stored = platform::storage_get(log_key);
    if (stored.status != platform::StoreStatus::ok) return false;
    if (!stored.value) {
        if (a.saved_text.empty()) return false;
        adopt(a, Log{}, "");  // deleted elsewhere: nothing old comes back
        show_toast(a, "Your data was deleted from this browser in another tab.");
        scan_kept(a);
        return true;
    }
    if (*stored.value == a.saved_text) return false;
    auto parsed = parse_log(*stored.value);
    if (parsed.log) {
        adopt(a, std::move(*parsed.log), *stored.value);
        if (a.trouble == Trouble::newer_log || a.trouble == Trouble::held) {
            a.trouble = Trouble::none;
            scan_kept(a);
        }
        show_toast(a, "Updated with changes made in another tab.");
        return true;
    }
    if (parsed.newer_version) {
        a.trouble = Trouble::newer_log;
        return true;
    }
    // Unreadable text appeared: keep it, then this tab's log may take the key again.
    if (!keep_aside(a, *stored.value)) {
        hold(a, *stored.value);
        return true;
    }
    a.saved = Log{};
    a.saved_text.clear();
    return true;
}

platform::StoreStatus save_log(App& a) {
    sync_with_storage(a);
    if (a.trouble == Trouble::newer_log || a.trouble == Trouble::held) return platform::StoreStatus::blocked;
    std::string text = serialize(a.log);
    if (text == a.saved_text) return platform::StoreStatus::ok;
    const auto s = platform::storage_set(log_key, text);
    a.trouble = trouble_of(s);
    if (s == platform::StoreStatus::ok) {
        a.saved = a.log;
        a.saved_text = std::move(text);
    }
    return s;
}

int remove_everything() {
    int kept = 0;
    for (const auto& key : platform::storage_keys("recert")) {
        kept += key.rfind(kept_prefix, 0) == 0;
        platform::storage_remove(key);
    }
    return kept;
}

void save_settings(const Settings& s) {
    // Text size as a whole percentage: a float would be stored as 1.149999976.
    nlohmann::json j = {{"theme", static_cast<int>(s.theme)}, {"text_percent", static_cast<int>(std::lround(s.text_scale * 100))},
                        {"embed_notice_seen", s.embed_notice_seen}, {"entries_at_backup", s.entries_at_backup}};
    if (!s.name.empty()) j["name"] = s.name;
    for (const auto& [key, day] : {std::pair{"last_backup", s.last_backup}, {"unsaved_since", s.unsaved_since}, {"quiet_until", s.quiet_until}})
        if (day) j[key] = to_iso(*day);
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
        if (auto n = j->find("embed_notice_seen"); n != j->end() && n->is_boolean()) s.embed_notice_seen = n->get<bool>();
        if (auto n = j->find("entries_at_backup"); n != j->end() && n->is_number_integer()) s.entries_at_backup = std::max(0, n->get<int>());
        if (auto n = j->find("name"); n != j->end() && n->is_string()) s.name = n->get<std::string>();
        for (auto [key, day] : {std::pair{"last_backup", &s.last_backup}, {"unsaved_since", &s.unsaved_since}, {"quiet_until", &s.quiet_until}})
            if (auto d = j->find(key); d != j->end() && d->is_string()) *day = parse_date(d->get<std::string>());
    }
    return s;
}

}  // namespace recert::app
