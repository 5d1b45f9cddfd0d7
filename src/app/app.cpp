#include "app.h"

#include "format.h"
#include "platform.h"
#include "store.h"

namespace recert::app {

const Program* program_of(const App& a, const Credential& c) {
    for (const auto& p : a.programs)
        if (p.id == c.program) return &p;
    return nullptr;
}

void evaluate_now(App& a) {
    a.report = evaluate(a.programs, a.log, a.today);
    ++a.revision;
    if (a.active >= static_cast<int>(a.log.credentials.size())) a.active = 0;
    // Screen readers hear the figures that matter, as the canvas has none to read.
    std::string summary;
    for (const auto& c : a.report.credentials) {
        if (!c.problems.empty()) continue;
        for (const auto& q : c.requirements) summary += q.name + ": " + number(q.earned) + " of " + number(q.required) + ". ";
        summary += c.phase_text + " ";
    }
    platform::announce(summary);
}

void apply(App& a, Log next) {
    a.log = std::move(next);
    save_log(a);
    evaluate_now(a);
}

void show_toast(App& a, std::string text, double seconds) {
    a.toast = std::move(text);
    a.toast_until = platform::now_seconds() + seconds;
    platform::announce(a.toast);
}

void save_settings_now(App& a) { save_settings(a.settings); }

void wipe_all(App& a) {
    const std::size_t credentials = a.log.credentials.size() + a.log.unreadable_credentials.size();
    const std::size_t entries = a.log.entries.size() + a.log.unreadable_entries.size();
    const int kept = remove_everything();
    a.undo.reset();
    a.log = a.saved = Log{};
    a.saved_text.clear();
    a.kept.clear();
    if (a.trouble != Trouble::blocked) a.trouble = Trouble::none;
    a.settings = Settings{};  // they were stored too
    evaluate_now(a);
    std::string what = count_of(static_cast<std::int64_t>(credentials), "credential", "credentials") + ", " +
                       count_of(static_cast<std::int64_t>(entries), "activity", "activities");
    if (kept) what += ", " + count_of(kept, "kept copy of an unreadable log", "kept copies of unreadable logs");
    show_toast(a, "Deleted from this browser: " + what + " and your settings.", 10);
}

void download_kept(App& a, const std::string& key) {
    const auto kept = platform::storage_get(key);
    if (!kept.value) return;
    platform::download("recert-unreadable-" + to_iso(a.today) + ".json", "application/json", *kept.value);
    for (auto& k : a.kept)
        if (k.key == key) k.downloaded = true;
    nlohmann::json done = nlohmann::json::array();
    for (const auto& k : a.kept)
        if (k.downloaded && k.key != log_key) done.push_back(k.key);
    platform::storage_set(downloaded_key, done.dump());
}

void discard_kept(App& a, const std::string& key) {
    platform::storage_remove(key);
    std::erase_if(a.kept, [&](const KeptCopy& k) { return k.key == key; });
    if (key == log_key) {
        a.saved_text.clear();
        a.trouble = Trouble::none;
        save_log(a);
    }
    a.confirm_discard.clear();
    show_toast(a, "The unreadable copy was discarded.");
}

}  // namespace recert::app
