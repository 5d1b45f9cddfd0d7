#include "text_report.h"

#include <algorithm>
#include <sstream>

#include "explain.h"
#include "format.h"
#include "utf8.h"

namespace recert {

namespace {

// Pads to `width` characters as shown, with at least one space after.
std::string pad(std::string s, std::size_t width) {
    const std::size_t n = utf8_length(s);
    s.append(n < width ? width - n : 1, ' ');
    return s;
}

// An entry's date and title in the first two columns of its line.
std::string entry_columns(const Entry& e) { return "    " + to_iso(e.date) + "  " + pad(utf8_cut(e.title, 44), 46); }

}  // namespace

std::string text_report(const Report& report, const std::vector<Program>& programs, const Log& log) {
    std::ostringstream o;
    o << "Recert report as of " << to_iso(report.as_of) << "\n";
    for (const auto& c : report.credentials) {
        const auto p = std::find_if(programs.begin(), programs.end(), [&](const Program& x) { return x.id == c.program; });
        o << "\n" << (p != programs.end() ? p->name : c.program) << "  [credential " << c.id << "]\n";
        if (!c.problems.empty()) {
            for (const auto& pr : c.problems) o << "  cannot evaluate: " << describe(pr) << "\n";
            continue;
        }
        const std::string unit = p != programs.end() ? p->unit_plural : "credits";
        o << "  Cycle " << to_iso(c.start) << " to " << to_iso(c.end);
        if (c.days_left >= 0) o << " (" << count_of(c.days_left, "day", "days") << " left)";
        o << "\n  " << c.phase_text << "\n";
        // Complete credits are not a renewal while a step is open: the line says what is left.
        o << "  " << (!c.complete ? "Credit requirements not met yet." : c.ready ? "Every credit requirement is met." : "Every credit requirement is met; still to do: " + open_steps_in_words(c) + ".")
          << "\n\n  Requirements (" << unit << ")\n";
        for (const auto& r : c.requirements) {
            o << "    " << (r.met ? "[met] " : "[   ] ") << pad(r.name, 34) << pad(number(r.earned) + " / " + number(r.required), 13);
            if (!r.met) o << number(r.remaining) << " to go";
            if (r.projected != r.earned) o << "  (with planned: " << number(r.projected) << ")";
            o << "\n";
        }
        if (!c.steps.empty()) {
            o << "\n  Steps besides " << unit << "\n";
            for (const auto& st : c.steps) {
                o << "    " << (st.done ? "[done] " : "[    ] ") << (st.done_on ? pad(st.name, 48) : st.name);
                // A day recorded that does not count here is ahead, or was for an earlier cycle.
                if (st.done_on) o << (st.done ? "done " : *st.done_on > report.as_of ? "planned for " : "last done ") << to_iso(*st.done_on);
                o << "\n";
            }
        }
        if (!c.deadlines.empty()) {
            o << "\n  Dates\n";
            for (const auto& d : c.deadlines) o << "    " << to_iso(d.date) << "  " << pad(d.label, 66) << relative_days(d.days_from_as_of) << "\n";
        }
        if (!c.fees.empty()) {
            o << "\n  Fees owed now\n";
            for (const auto& f : c.fees) o << "    " << pad(money(f.amount, p != programs.end() ? p->currency : "USD"), 12) << f.label << "\n";
        }
        // By id: the report need not list entries in the log's order.
        auto logged = [&](const EntryResult& e) -> const Entry* {
            const auto le = std::find_if(log.entries.begin(), log.entries.end(), [&](const Entry& x) { return x.id == e.id; });
            return le == log.entries.end() ? nullptr : &*le;
        };
        bool header = false;
        for (const auto& e : c.entries) {
            if (e.excluded == Exclusion::none && e.detail.empty()) continue;
            const Entry* le = logged(e);
            if (!le) continue;
            if (!header) { o << "\n  Entries not counted in full\n"; header = true; }
            o << entry_columns(*le) << (e.excluded == Exclusion::none ? std::string("partly") : std::string(to_string(e.excluded))) << ": " << e.detail << "\n";
        }
        header = false;
        for (const auto& e : c.entries)
            for (const auto& w : e.warnings) {
                const Entry* le = logged(e);
                if (!le) continue;
                if (!header) { o << "\n  Warnings\n"; header = true; }
                o << entry_columns(*le) << w.what << "\n";
            }
        if (p != programs.end() && !missing_evidence_in_words(*p, c).empty()) {
            o << "\n  " << missing_evidence_in_words(*p, c) << "\n";
            for (const auto& e : c.entries)
                if (const Entry* le = logged(e); le && !e.missing.empty()) o << entry_columns(*le) << "needs its " << missing_in_words(*p, e) << "\n";
        }
        if (!c.allocation_optimal) o << "\n  Note: the best split of activities between requirements was not proven optimal within the search budget.\n";
    }
    return o.str();
}

}  // namespace recert
