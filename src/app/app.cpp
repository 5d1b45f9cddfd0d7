#include "app.h"

#include <cctype>
#include <map>

#include "format.h"
#include "platform.h"

namespace recert::app {

const Program* program_of(const App& a, const Credential& c) {
    for (const auto& p : a.programs)
        if (p.id == c.program) return &p;
    return nullptr;
}

bool typed_to_confirm(const App& a, const char* word) {
    if (!a.config.framed) return true;
    std::string typed;
    for (const unsigned char c : a.typed_confirmation)
        if (!std::isspace(c)) typed += static_cast<char>(std::toupper(c));
    return typed == word;
}

std::optional<std::string> backup_nudge(const App& a) {
    const Settings& s = a.settings;
    const auto since = s.last_backup ? s.last_backup : s.unsaved_since;
    if (!since || a.log.entries.empty() || (s.quiet_until && a.today < *s.quiet_until)) return std::nullopt;
    const int days = days_between(*since, a.today);
    const auto added = static_cast<std::int64_t>(a.log.entries.size()) - (s.last_backup ? s.entries_at_backup : 0);
    if (days < backup_due_days && added < backup_due_entries) return std::nullopt;
    if (!s.last_backup)
        return "No backup yet: your " + count_of(static_cast<std::int64_t>(a.log.entries.size()), "activity is", "activities are") +
               " kept only in this browser.";
    return "Last backup: " + relative_days(-days) +
           (added > 0 ? ", and " + count_of(added, "activity", "activities") + " logged since." : ".");
}

void evaluate_now(App& a) {
    Problems own;
    a.programs = programs_with_own(a.shipped, a.log, own);
    a.own_program_errors.clear();
    for (const auto& p : own) a.own_program_errors.push_back(describe(p));
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

void show_toast(App& a, std::string text, double seconds) {
    a.toast = std::move(text);
    a.toast_until = platform::now_seconds() + seconds;
    platform::announce(a.toast);
}

std::pair<std::int64_t, std::int64_t> certificates_named(const Log& log) {
    std::map<std::string, std::int64_t> sizes;
    for (const auto& e : log.entries)
        for (const auto& f : e.files) sizes.emplace(f.sha256, f.size);
    std::int64_t bytes = 0;
    for (const auto& [hash, size] : sizes) bytes += size;
    return {static_cast<std::int64_t>(sizes.size()), bytes};
}

}  // namespace recert::app
