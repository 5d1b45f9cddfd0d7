#include "ics.h"

#include <algorithm>

#include "calendar.h"
#include "explain.h"
#include "format.h"
#include "utf8.h"

namespace recert {

namespace {

// RFC 5545 3.3.11: backslash, semicolon, comma and newline are escaped in TEXT values.
std::string escaped(std::string_view s) {
    std::string out;
    for (char ch : s) {
        if (ch == '\\' || ch == ';' || ch == ',') out += '\\';
        if (ch == '\n') out += "\\n";
        else if (ch != '\r') out += ch;
    }
    return out;
}

// RFC 5545 3.1: a line is at most 75 octets; a longer one continues on lines starting with a
// space. A UTF-8 sequence is never split, so each folded piece stays valid text.
void line(std::string& out, std::string_view content) {
    std::size_t width = 75, i = 0;
    while (content.size() - i > width) {
        std::size_t cut = i;
        while (cut < content.size()) {
            const std::size_t n = std::max<std::size_t>(1, utf8_sequence(content, cut));
            if (cut + n - i > width) break;
            cut += n;
        }
        out.append(content.substr(i, cut - i)).append("\r\n ");
        i = cut;
        width = 74;  // the leading space counts
    }
    out.append(content.substr(i)).append("\r\n");
}

std::string compact(Date d) {
    std::string s = to_iso(d);
    s.erase(std::remove(s.begin(), s.end(), '-'), s.end());
    return s;
}

struct Event {
    std::string uid, summary, description;
    Date day;
};

void write(std::string& out, const Event& e, Date stamp) {
    line(out, "BEGIN:VEVENT");
    line(out, "UID:" + e.uid);
    line(out, "DTSTAMP:" + compact(stamp) + "T000000Z");
    line(out, "DTSTART;VALUE=DATE:" + compact(e.day));
    line(out, "DTEND;VALUE=DATE:" + compact(add_days(e.day, date::days{1})));
    line(out, "SUMMARY:" + escaped(e.summary));
    line(out, "DESCRIPTION:" + escaped(e.description));
    line(out, "TRANSP:TRANSPARENT");  // a deadline is not a busy day
    line(out, "END:VEVENT");
}

// The dates that deserve a reminder: the due date, and the last day of each phase that costs a
// fee and applies to this credential's options (an extension only when one was requested).
std::vector<std::string> reminded(const Program& p, const Credential& c) {
    std::vector<std::string> ids = {"due"};
    for (const auto& f : p.fees)
        for (const auto& ph : p.phases)
            if (f.phase && ph.phase == *f.phase && (!ph.when || ph.when->holds(c.options)) &&
                std::find(ids.begin(), ids.end(), ph.until) == ids.end())
                ids.push_back(ph.until);
    return ids;
}

}  // namespace

std::string to_ics(const Report& report, const std::vector<Program>& programs, const Log& log) {
    std::string out;
    line(out, "BEGIN:VCALENDAR");
    line(out, "VERSION:2.0");
    line(out, "PRODID:-//Recert//Renewal dates//EN");
    line(out, "CALSCALE:GREGORIAN");
    line(out, "METHOD:PUBLISH");
    line(out, "X-WR-CALNAME:Recert renewal dates");
    for (const auto& r : report.credentials) {
        const auto p = std::find_if(programs.begin(), programs.end(), [&](const Program& x) { return x.id == r.program; });
        const auto c = std::find_if(log.credentials.begin(), log.credentials.end(), [&](const Credential& x) { return x.id == r.id; });
        if (!r.problems.empty() || p == programs.end() || c == log.credentials.end()) continue;
        const std::string who = c->label.empty() ? list_in_words(credential_short_names(*p)) : c->label;
        const std::string uid_base = "recert-" + r.id + "-" + compact(r.start) + "-";
        const std::string standing = "As of " + date_in_words(report.as_of) + ": " + left_in_words(r) +
                                     "\nOpen Recert to see where you stand: it works this date out from the " + p->name + " rules.";
        const auto wanted = reminded(*p, *c);
        for (const auto& d : r.deadlines) {
            write(out, {uid_base + d.id + "@recert", who + ": " + d.label, d.label + ": " + date_in_words(d.date) + ".\n" + standing, d.date},
                  report.as_of);
            if (std::find(wanted.begin(), wanted.end(), d.id) == wanted.end()) continue;
            for (int ahead : reminder_days) {
                const Date day = add_days(d.date, date::days{-ahead});
                if (day < report.as_of) continue;
                write(out, {uid_base + d.id + "-" + std::to_string(ahead) + "d@recert", who + ", in " + count_of(ahead, "day", "days") + ": " + d.label,
                            "In " + count_of(ahead, "day", "days") + ", on " + date_in_words(d.date) + ": " + d.label + ".\n" + standing, day},
                      report.as_of);
            }
        }
    }
    line(out, "END:VCALENDAR");
    return out;
}

}  // namespace recert
