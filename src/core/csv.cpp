#include "csv.h"

#include <algorithm>
#include <map>
#include <set>

#include "text.h"
#include "utf8.h"

namespace recert {

using nlohmann::json;

namespace {

std::string trim(const std::string& s) {
    const auto a = s.find_first_not_of(" \t");
    if (a == std::string::npos) return "";
    return s.substr(a, s.find_last_not_of(" \t") - a + 1);
}

struct Row {
    std::size_t line;
    std::vector<std::string> cells;
    std::vector<bool> quoted;  // per cell: written in quotes, so its spaces are meant
};

// RFC 4180: quoted cells may hold commas, quotes ("") and line breaks.
std::vector<Row> split(std::string_view t, std::string& error) {
    std::vector<Row> rows;
    if (t.size() >= 3 && t.substr(0, 3) == "\xEF\xBB\xBF") t.remove_prefix(3);
    std::size_t line = 1, i = 0;
    while (i < t.size()) {
        Row row{line, {}, {}};
        std::string cell;
        bool row_done = false;
        while (!row_done) {
            cell.clear();
            const bool quoted = i < t.size() && t[i] == '"';
            if (quoted) {
                const std::size_t opened = line;
                ++i;
                while (true) {
                    if (i >= t.size()) { error = "line " + std::to_string(opened) + ": a quoted cell is never closed"; return rows; }
                    if (t[i] == '"') {
                        if (i + 1 < t.size() && t[i + 1] == '"') { cell += '"'; i += 2; continue; }
                        ++i;
                        break;
                    }
                    if (t[i] == '\n') ++line;
                    cell += t[i++];
                }
                while (i < t.size() && t[i] != ',' && t[i] != '\n' && t[i] != '\r') ++i;  // stray text after the quote
            } else {
                while (i < t.size() && t[i] != ',' && t[i] != '\n' && t[i] != '\r') cell += t[i++];
            }
            row.cells.push_back(cell);
            row.quoted.push_back(quoted);
            if (i < t.size() && t[i] == ',') { ++i; continue; }
            if (i < t.size() && t[i] == '\r') ++i;
            if (i < t.size() && t[i] == '\n') { ++i; ++line; }
            row_done = true;
        }
        const bool blank = std::all_of(row.cells.begin(), row.cells.end(), [](const std::string& c) { return trim(c).empty(); });
        if (!blank) rows.push_back(std::move(row));
    }
    return rows;
}

// Spreadsheets turn 2025-03-04 into 3/4/2025; read that back as the same day. Anything else
// goes to the entry reader as written, which names what is wrong with it.
std::string iso_date(const std::string& s) {
    const auto d = parse_month_day_year(s);
    return d ? to_iso(*d) : s;
}

// A cell that a spreadsheet would run as a formula (OWASP's list: = + - @ TAB CR) is written
// with a leading quote. So is one that only looks guarded ("'=x" as the person typed it): the
// reader takes exactly one quote off whatever, after its leading quotes, starts like a formula.
bool formula_like(const std::string& s) {
    return !s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r');
}
bool needs_guard(const std::string& s) { return formula_like(s.substr(std::min(s.find_first_not_of('\''), s.size()))); }

std::string unguard(std::string s) {
    if (s.size() >= 2 && s[0] == '\'' && needs_guard(s.substr(1))) s.erase(0, 1);
    return s;
}

std::string cell(const std::string& raw, bool is_text) {
    std::string s = is_text && needs_guard(raw) ? "'" + raw : raw;
    if (s.find_first_of(",\"\r\n") == std::string::npos && trim(s) == s) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

// Control characters but tab and line breaks: no spreadsheet shows them, and a NUL ends a C
// string, which silently cut an import or export short where text crosses into one.
bool control(char c) { return (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == '\x7f'; }

// "character 4 is an invisible control character (NUL, code 0)..." for the first one in s.
std::optional<std::string> control_problem(const std::string& s) {
    static const char* const names[] = {"NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF",
                                        "VT",  "FF",  "CR",  "SO",  "SI",  "DLE", "DC1", "DC2", "DC3", "DC4", "NAK",
                                        "SYN", "ETB", "CAN", "EM",  "SUB", "ESC", "FS",  "GS",  "RS",  "US"};
    const auto at = std::find_if(s.begin(), s.end(), control);
    if (at == s.end()) return std::nullopt;
    // Characters, not bytes: continuation bytes of UTF-8 do not start one.
    const auto character = 1 + std::count_if(s.begin(), at, [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
    const auto code = static_cast<unsigned char>(*at);
    return "character " + std::to_string(character) + " is an invisible control character (" + (code < 0x20 ? names[code] : "DEL") +
           ", code " + std::to_string(code) + "); delete it and import the file again";
}

std::optional<std::string> kind_id(const std::string& s) {
    const std::string l = lower(trim(s));
    for (Kind k : all_kinds)
        if (l == to_string(k) || l == lower(std::string(label(k)))) return std::string(to_string(k));
    return std::nullopt;
}

}  // namespace

CsvImport parse_csv(std::string_view text) {
    CsvImport out;
    // Spreadsheets can save in a legacy encoding (Windows-1252 and the like); such bytes would
    // end up in titles that no JSON can hold. Name the first one rather than guess the encoding.
    if (const auto bad = utf8_error_at(text); bad != std::string_view::npos) {
        const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(bad), '\n');
        out.problems.push_back({"line " + std::to_string(line),
                                "is not UTF-8 text: save the file from the spreadsheet as \"CSV UTF-8\" and import it again"});
        return out;
    }
    std::string error;
    const auto rows = split(text, error);
    if (!error.empty()) { out.problems.push_back({error.substr(0, error.find(':')), error.substr(error.find(':') + 2)}); return out; }
    if (rows.empty()) { out.problems.push_back({"line 1", "the file is empty: it needs a header row and one row per activity"}); return out; }

    std::map<std::string, std::size_t> col;
    for (std::size_t c = 0; c < rows[0].cells.size(); ++c) {
        const std::string name = lower(trim(rows[0].cells[c]));
        if (std::find(std::begin(csv_columns), std::end(csv_columns), name) != std::end(csv_columns)) col.emplace(name, c);
    }
    for (const char* need : {"date", "title", "kind"})
        if (!col.count(need)) {
            out.problems.push_back({"line 1", std::string("the header has no \"") + need + "\" column (columns: id, date, title, provider, kind, minutes, credits, topics, approved, code, notes)"});
        }
    if (!out.problems.empty()) return out;
    // What a log holds at most: imported with "replace", more could never be read back.
    if (rows.size() - 1 > max_entries) {
        out.problems.push_back({"line " + std::to_string(rows[max_entries + 1].line),
                                "the file has more than " + std::to_string(max_entries) + " activities; at most " +
                                    std::to_string(max_entries) + " are accepted"});
        return out;
    }

    // Spaces around a cell are dropped, except in a quoted text cell: the export quotes a
    // title that starts or ends with a space so that it reads back whole.
    auto cell_of = [&](const Row& row, const char* name) -> std::string {
        auto it = col.find(name);
        if (it == col.end() || it->second >= row.cells.size()) return "";
        const std::string& raw = row.cells[it->second];
        const bool text = std::string_view(name) == "title" || std::string_view(name) == "provider" ||
                          std::string_view(name) == "code" || std::string_view(name) == "notes";
        return unguard(text && row.quoted[it->second] ? raw : trim(raw));
    };
    // Ids must be unique in a log. Rows without one get "csv-<line>", or another id when a
    // row names that one itself; a row repeating an earlier row's id is rejected.
    std::set<std::string> named;
    for (std::size_t r = 1; r < rows.size(); ++r) named.insert(cell_of(rows[r], "id"));
    std::map<std::string, std::size_t> used;  // id -> line of the row imported with it

    for (std::size_t r = 1; r < rows.size(); ++r) {
        const Row& row = rows[r];
        auto get = [&](const char* name) { return cell_of(row, name); };
        // A control character in a column Recert reads rejects the row, named, rather than
        // reaching a title; the columns it does not read may hold anything.
        std::string controls;
        for (const char* name : csv_columns)
            if (const auto c = col.find(name); c != col.end() && c->second < row.cells.size())
                if (const auto why = control_problem(row.cells[c->second]))
                    controls += (controls.empty() ? "" : "; ") + std::string(name) + ": " + *why;
        if (!controls.empty()) {
            out.rejected.push_back({row.line, controls});
            continue;
        }
        json j = json::object();
        std::string id = get("id");
        if (id.empty()) {
            id = "csv-" + std::to_string(row.line);
            for (int k = 2; named.count(id) || used.count(id); ++k) id = "csv-" + std::to_string(row.line) + "-" + std::to_string(k);
        }
        j["id"] = id;
        j["date"] = iso_date(get("date"));
        j["title"] = get("title");
        const std::string kind = get("kind");
        j["kind"] = kind_id(kind).value_or(kind);
        for (const char* text_field : {"provider", "code", "notes"})
            if (!get(text_field).empty()) j[text_field] = get(text_field);
        if (const auto m = get("minutes"); !m.empty()) {
            if (m.find_first_not_of("0123456789") == std::string::npos && m.size() <= 9) j["minutes"] = std::stoll(m);
            else j["minutes"] = m;  // read_entry names the problem
        }
        if (const auto c = get("credits"); !c.empty()) j["credits"] = c;
        if (const auto t = get("topics"); !t.empty()) {
            json topics = json::array();
            std::size_t start = 0;
            while (start <= t.size()) {
                const auto end = t.find(';', start);
                const auto one = trim(t.substr(start, end == std::string::npos ? std::string::npos : end - start));
                if (!one.empty()) topics.push_back(one);
                if (end == std::string::npos) break;
                start = end + 1;
            }
            j["topics"] = topics;
        }
        if (const auto a = lower(get("approved")); !a.empty()) {
            if (a == "yes" || a == "true" || a == "y" || a == "1") j["approved"] = true;
            else if (a == "no" || a == "false" || a == "n" || a == "0") j["approved"] = false;
            else j["approved"] = a;
        }
        Problems problems;
        auto e = read_entry(Node(j, "", problems));
        if (e)
            if (auto it = used.find(e->id); it != used.end()) {
                problems.push_back({"/id", "\"" + e->id + "\" is already the id of line " + std::to_string(it->second)});
                e.reset();
            }
        if (!e) {
            std::string reason;
            for (const auto& p : problems) reason += (reason.empty() ? "" : "; ") + p.where.substr(1) + ": " + p.what;
            out.rejected.push_back({row.line, reason});
            continue;
        }
        used.emplace(e->id, row.line);
        out.entries.push_back(std::move(*e));
    }
    return out;
}

std::string spreadsheet_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        if (!control(c)) { out += c; continue; }
        // U+2400 + code (U+2421 for DEL), three bytes of UTF-8: E2 90 80+code.
        out += "\xE2\x90";
        out += static_cast<char>(c == '\x7f' ? 0xA1 : 0x80 + static_cast<unsigned char>(c));
    }
    return out;
}

std::string to_csv(const std::vector<Entry>& entries) {
    std::string out;
    for (const char* c : csv_columns) out += std::string(out.empty() ? "" : ",") + c;
    out += "\r\n";
    for (const auto& e : entries) {
        std::string topics;
        for (const auto& t : e.topics) topics += (topics.empty() ? "" : ";") + t;
        const std::string cells[] = {cell(e.id, true), to_iso(e.date), cell(spreadsheet_text(e.title), true),
                                     cell(spreadsheet_text(e.provider), true), std::string(to_string(e.kind)),
                                     e.minutes ? std::to_string(e.minutes->count()) : "", e.credits ? e.credits->to_string(e.credit_places().count) : "",
                                     cell(topics, true), e.approved ? (*e.approved ? "yes" : "no") : "",
                                     cell(spreadsheet_text(e.code), true), cell(spreadsheet_text(e.notes), true)};
        std::string line;
        for (const auto& c : cells) line += (line.empty() ? "" : ",") + c;
        out += line + "\r\n";
    }
    return out;
}

}  // namespace recert
