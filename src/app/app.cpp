#include "app.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "format.h"
#include "platform.h"
#include "utf8.h"

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

std::vector<NamedCertificate> certificates_of(const Log& log) {
    std::vector<NamedCertificate> out;
    std::map<std::string, std::size_t> at;  // sha256: its place in out
    for (const auto& e : log.entries)
        for (const auto& f : e.files) {
            const auto [it, first] = at.emplace(f.sha256, out.size());
            if (first) out.push_back({f.sha256, f.type, f.size, {}});
            auto& names = out[it->second].names;
            if (std::find(names.begin(), names.end(), f.name) == names.end()) names.push_back(f.name);
        }
    return out;
}

std::string certificates_in_words(const Log& log, const std::vector<std::pair<std::string, std::string>>& reasons) {
    const auto named = certificates_of(log);
    std::vector<std::string> parts;
    for (const auto& [sha, why] : reasons) {
        std::string name = "a certificate";
        for (const auto& c : named)
            if (c.sha256 == sha && !c.names.empty()) name = "\u201C" + c.names.front() + "\u201D";
        parts.push_back(name + " " + std::string(archive_reason(why)));
    }
    return list_in_words(parts);
}

std::string archive_path(const NamedCertificate& c) {
    std::string name = utf8_excerpt(c.names.empty() ? std::string("certificate") : c.names.front(), 80);
    for (char& ch : name)
        if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f || std::string_view("/\\:*?\"<>|").find(ch) != std::string_view::npos) ch = '_';
    const std::string_view ext = c.type == FileType::pdf ? ".pdf" : c.type == FileType::png ? ".png" : ".jpg";
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    const bool named_so = lower.ends_with(ext) || (c.type == FileType::jpeg && lower.ends_with(".jpeg"));
    return "certificates/" + c.sha256.substr(0, 12) + "-" + name + (named_so ? "" : std::string(ext));
}

std::pair<std::int64_t, std::int64_t> certificates_named(const Log& log) {
    const auto all = certificates_of(log);
    std::int64_t bytes = 0;
    for (const auto& c : all) bytes += c.size;
    return {static_cast<std::int64_t>(all.size()), bytes};
}

std::string_view archive_reason(std::string_view code) {
    for (const auto& [c, words] : archive_reasons)
        if (c == code) return words;
    return "could not be read";
}

}  // namespace recert::app
