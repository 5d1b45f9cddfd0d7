#include "app.h"

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
        for (const auto& q : c.requirements) summary += q.name + ": " + q.earned.to_string() + " of " + q.required.to_string() + ". ";
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

void download_recovered(const App& a) {
    if (const auto kept = platform::storage_get(a.recovered_key); kept.value)
        platform::download("recert-unreadable-" + to_iso(a.today) + ".json", "application/json", *kept.value);
}

void save_settings_now(App& a) { save_settings(a.settings); }

void wipe_all(App& a) {
    a.undo.reset();
    a.log = a.saved = Log{};
    a.saved_text.clear();
    platform::storage_remove(log_key);
    evaluate_now(a);
    if (!a.recovered_key.empty()) platform::storage_remove(a.recovered_key);
    a.recovered_key.clear();
    a.notice.clear();
    show_toast(a, "All your data was deleted from this browser.");
}

}  // namespace recert::app
