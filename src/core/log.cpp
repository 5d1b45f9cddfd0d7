#include "log.h"

#include <algorithm>
#include <set>
#include <string>

#include "utf8.h"

namespace recert {

using nlohmann::json;

namespace {

json unknown_fields(const json& obj, const std::vector<std::string_view>& known) {
    json extra = json::object();
    for (const auto& [k, v] : obj.items())
        if (std::find(known.begin(), known.end(), k) == known.end()) extra[k] = v;
    return extra;
}

const std::vector<std::string_view> entry_fields = {
    "id", "title", "provider", "date", "minutes", "credits", "kind", "topics", "approved", "code", "notes", "files"};
const std::vector<std::string_view> credential_fields = {
    "id", "program", "label", "certified_on", "renewed_through", "options", "steps"};

bool is_sha256(const std::string& s) {
    return s.size() == 64 && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

std::optional<Attachment> read_attachment(const Node& n) {
    if (!n.expect_object()) return std::nullopt;
    const std::size_t problems_before = n.problem_count();
    Attachment f;
    auto id = n.id("id", Need::required);
    auto name = n.text("name", Need::required, 255);
    if (name && name->find_first_not_of(" \t\r\n") == std::string::npos) n.problem_at("name", "must not be empty");
    if (auto mime = n.text("type", Need::required, 100)) {
        if (auto t = parse_mime(*mime)) f.type = *t;
        else n.problem_at("type", "\"" + utf8_excerpt(*mime, 40) + "\" is not a certificate's type (application/pdf, image/png, image/jpeg)");
    }
    auto size = n.integer("size", Need::required, 1, max_certificate_bytes);
    auto sha = n.text("sha256", Need::required, 100);
    if (sha && !is_sha256(*sha)) n.problem_at("sha256", "is not a SHA-256: 64 digits 0-9 and a-f");
    if (n.problem_count() != problems_before) return std::nullopt;
    f.id = *id;
    f.name = *name;
    f.size = *size;
    f.sha256 = *sha;
    f.extra = unknown_fields(n.raw(), {"id", "name", "type", "size", "sha256"});
    return f;
}

std::optional<Credential> read_credential(const Node& n) {
    if (!n.expect_object()) return std::nullopt;
    Credential c;
    auto id = n.id("id", Need::required);
    auto program = n.id("program", Need::required);
    c.label = n.text("label", Need::optional, 200).value_or("");
    c.certified_on = n.date("certified_on", Need::optional);
    c.renewed_through = n.date("renewed_through", Need::optional);
    if (n.has("options")) {
        Node o = n.at("options");
        if (o.expect_object())
            for (const auto& [k, v] : o.raw().items()) {
                if (!is_id(k)) o.problem_at(k, "is not an option id");
                else if (v.is_boolean()) c.options[k] = v.get<bool>();
                else if (v.is_string() && v.get_ref<const std::string&>().size() <= 64) c.options[k] = v.get<std::string>();
                else if (!v.is_null()) o.problem_at(k, "must be true, false or a short string");
            }
    }
    if (n.has("steps")) {
        Node s = n.at("steps");
        if (s.expect_object())
            for (const auto& [k, v] : s.raw().items()) {
                if (!is_id(k)) s.problem_at(k, "is not a step id");
                else if (auto d = s.date(k, Need::required)) c.steps[k] = *d;
            }
    }
    c.extra = unknown_fields(n.raw(), credential_fields);
    if (!id || !program) return std::nullopt;
    c.id = *id;
    c.program = *program;
    return c;
}

}  // namespace

// The places the value needs, not the ones written: "1.50" is 1.5 and is saved as 1.5, so it
// counts the same before a save and after.
Places Entry::credit_places() const {
    if (!credits) return Places{0};
    if (credits->units() % (Credits::scale / 100) != 0) return Places{3};
    return Places{decimal_places(credits->to_string(2))};
}

std::string Unreadable::id() const {
    if (!original.is_object()) return "";
    const auto it = original.find("id");
    return it != original.end() && it->is_string() && is_id(it->get_ref<const std::string&>()) ? it->get<std::string>() : "";
}

std::optional<Entry> read_entry(const Node& n) {
    if (!n.expect_object()) return std::nullopt;
    const std::size_t problems_before = n.problem_count();
    Entry e;
    auto id = n.id("id", Need::required);
    auto title = n.text("title", Need::required, max_text);
    if (title && title->find_first_not_of(" \t\r\n") == std::string::npos) { n.problem_at("title", "must not be empty"); title.reset(); }
    auto d = n.date("date", Need::required);
    auto kind_name = n.text("kind", Need::required, 64);
    std::optional<Kind> kind;
    if (kind_name) {
        kind = parse_kind(*kind_name);
        if (!kind) n.problem_at("kind", "\"" + *kind_name + "\" is not an activity kind (live_webinar, recording, conference, microcredential, course, presentation, in_service, article, other)");
    }
    e.provider = n.text("provider", Need::optional, max_text).value_or("");
    e.code = n.text("code", Need::optional, max_text).value_or("");
    e.notes = n.text("notes", Need::optional, 20 * max_text).value_or("");
    if (auto m = n.integer("minutes", Need::optional, 0, max_minutes)) e.minutes = Minutes{*m};
    bool ok_credits = true;
    if (n.has("credits")) {
        e.credits = n.credits("credits", Need::optional, 2);
        ok_credits = e.credits.has_value();
        if (e.credits && *e.credits > Credits::whole(1000)) {
            n.problem_at("credits", "is more than 1000 for one activity");
            ok_credits = false;
        }
    }
    e.topics = n.ids("topics", Need::optional);
    e.approved = n.boolean("approved", Need::optional);
    if (n.has("files")) {
        const Node list = n.at("files");
        if (list.expect_array()) {
            std::set<std::string> ids;
            for (std::size_t i = 0; i < list.raw().size(); ++i) {
                auto f = read_attachment(list.at(i));
                if (!f) continue;
                if (!ids.insert(f->id).second) list.at(i).problem_at("id", "\"" + f->id + "\" names another file of this entry too");
                else e.files.push_back(std::move(*f));
            }
        }
    }
    e.extra = unknown_fields(n.raw(), entry_fields);
    if (n.problem_count() != problems_before || !ok_credits) return std::nullopt;
    e.id = *id;
    e.title = *title;
    e.date = *d;
    e.kind = *kind;
    return e;
}

std::optional<json> migrate_log(json doc, Problems& problems, bool* newer) {
    Node root(doc, "", problems);
    if (!root.expect_object()) return std::nullopt;
    const auto format = root.text("format", Need::required);
    if (!format) return std::nullopt;
    if (*format != log_format) {
        root.problem_at("format", "is \"" + utf8_excerpt(*format, 40) + "\", not \"recert-log\": this is not a Recert log");
        return std::nullopt;
    }
    const auto version = root.integer("version", Need::required, 1, 1'000'000);
    if (!version) return std::nullopt;
    if (*version > log_version) {
        if (newer) *newer = true;
        root.problem_at("version", "this log was written by a newer Recert (version " + std::to_string(*version) +
                                       "); this one reads up to version " + std::to_string(log_version));
        return std::nullopt;
    }
    // Version 1 is the first; each later version adds one step here, v -> v+1.
    return doc;
}

LogResult read_log(const json& input) {
    LogResult r;
    auto doc = migrate_log(input, r.problems, &r.newer_version);
    if (!doc) return r;
    Node root(*doc, "", r.problems);
    Log log;
    log.extra = unknown_fields(*doc, {"format", "version", "credentials", "entries", "programs"});
    if (root.has("programs") && root.at("programs").expect_array()) {
        Node list = root.at("programs");
        std::set<std::string> ids;
        for (std::size_t i = 0; i < list.raw().size(); ++i) {
            Node item = list.at(i);
            if (!item.expect_object()) continue;
            const auto format = item.text("format", Need::required);
            if (format && *format != program_format) item.problem_at("format", "is not \"" + std::string(program_format) + "\": not a program file");
            const auto id = item.id("id", Need::required);
            if (id && !ids.insert(*id).second) item.problem_at("id", "program \"" + *id + "\" is kept twice");
            if (id) log.programs.push_back({*id, list.raw()[i]});
        }
    }

    // Each item is read on its own: its problems go with it into the unreadable list.
    auto read_items = [&](const char* key, auto read, auto& good, std::vector<Unreadable>& bad, const char* what) {
        if (!root.has(key) || !root.at(key).expect_array()) return;
        Node list = root.at(key);
        std::set<std::string> ids;
        for (std::size_t i = 0; i < list.raw().size(); ++i) {
            Problems own;
            Node item(list.raw()[i], "", own);
            auto value = read(item);
            if (value && !ids.insert(value->id).second) item.problem_at("id", std::string(what) + " id \"" + value->id + "\" is used twice");
            if (value && own.empty()) {
                good.push_back(std::move(*value));
                continue;
            }
            for (const auto& p : own) r.problems.push_back({list.path_of(std::to_string(i)) + (p.where == "/" ? "" : p.where), p.what});
            bad.push_back({list.raw()[i], std::move(own)});
        }
    };
    if (root.has("entries") && root.at("entries").raw().is_array() && root.at("entries").raw().size() > max_entries) {
        root.at("entries").problem("has " + std::to_string(root.at("entries").raw().size()) + " entries; at most " +
                                   std::to_string(max_entries) + " are accepted");
        return r;
    }
    read_items("credentials", read_credential, log.credentials, log.unreadable_credentials, "credential");
    log.entries.reserve(root.has("entries") && root.at("entries").raw().is_array() ? root.at("entries").raw().size() : 0);
    read_items("entries", read_entry, log.entries, log.unreadable_entries, "entry");
    // The document is readable when every problem belongs to one item.
    const std::size_t item_problems = [&] {
        std::size_t n = 0;
        for (const auto* list : {&log.unreadable_credentials, &log.unreadable_entries})
            for (const auto& u : *list) n += u.problems.size();
        return n;
    }();
    if (r.problems.size() == item_problems) r.log = std::move(log);
    return r;
}

LogResult parse_log(std::string_view text) {
    LogResult r;
    if (auto doc = parse_json(text, r.problems)) return read_log(*doc);
    return r;
}

json to_json(const Credential& c) {
    json j = c.extra;
    j["id"] = c.id;
    j["program"] = c.program;
    if (!c.label.empty()) j["label"] = c.label;
    if (c.certified_on) j["certified_on"] = to_iso(*c.certified_on);
    if (c.renewed_through) j["renewed_through"] = to_iso(*c.renewed_through);
    if (!c.options.empty()) {
        json o = json::object();
        for (const auto& [key, value] : c.options) std::visit([&o, &k = key](const auto& x) { o[k] = x; }, value);
        j["options"] = o;
    }
    if (!c.steps.empty()) {
        json s = json::object();
        for (const auto& [step, day] : c.steps) s[step] = to_iso(day);
        j["steps"] = s;
    }
    return j;
}

json to_json(const Entry& e) {
    json j = e.extra;
    j["id"] = e.id;
    j["title"] = e.title;
    if (!e.provider.empty()) j["provider"] = e.provider;
    j["date"] = to_iso(e.date);
    if (e.minutes) j["minutes"] = e.minutes->count();
    if (e.credits) j["credits"] = decimal_number(e.credits->to_string(e.credit_places().count));
    j["kind"] = std::string(to_string(e.kind));
    if (!e.topics.empty()) j["topics"] = e.topics;
    if (e.approved) j["approved"] = *e.approved;
    if (!e.code.empty()) j["code"] = e.code;
    if (!e.notes.empty()) j["notes"] = e.notes;
    if (!e.files.empty()) {
        j["files"] = json::array();
        for (const auto& f : e.files) j["files"].push_back(to_json(f));
    }
    return j;
}

json to_json(const Attachment& f) {
    json j = f.extra;
    j["id"] = f.id;
    j["name"] = f.name;
    j["type"] = std::string(to_mime(f.type));
    j["size"] = f.size;
    j["sha256"] = f.sha256;
    return j;
}

std::string_view to_mime(FileType t) {
    for (const auto& i : file_types) if (i.type == t) return i.mime;
    return "";
}
std::string_view label(FileType t) {
    for (const auto& i : file_types) if (i.type == t) return i.label;
    return "";
}
std::optional<FileType> parse_mime(std::string_view mime) {
    for (const auto& i : file_types) if (i.mime == mime) return i.type;
    return std::nullopt;
}

json to_json(const Log& log) {
    json j = log.extra;
    j["format"] = std::string(log_format);
    j["version"] = log_version;
    j["credentials"] = json::array();
    for (const auto& c : log.credentials) j["credentials"].push_back(to_json(c));
    j["entries"] = json::array();
    for (const auto& e : log.entries) j["entries"].push_back(to_json(e));
    for (const auto& u : log.unreadable_credentials) j["credentials"].push_back(u.original);
    for (const auto& u : log.unreadable_entries) j["entries"].push_back(u.original);
    if (!log.programs.empty()) {
        j["programs"] = json::array();
        for (const auto& p : log.programs) j["programs"].push_back(p.file);
    }
    return j;
}

std::vector<Program> programs_with_own(const std::vector<Program>& shipped, const Log& log, Problems& problems) {
    std::vector<Program> out = shipped;
    for (std::size_t i = 0; i < log.programs.size(); ++i) {
        auto r = read_program(log.programs[i].file);
        for (const auto& p : r.problems) problems.push_back({"/programs/" + std::to_string(i) + (p.where == "/" ? "" : p.where), p.what});
        if (!r.program || !r.problems.empty()) continue;
        const auto same = std::find_if(out.begin(), out.end(), [&](const Program& p) { return p.id == r.program->id; });
        if (same != out.end()) *same = std::move(*r.program);
        else out.push_back(std::move(*r.program));
    }
    return out;
}

std::string serialize(const Log& log) { return to_json(log).dump(1, '\t'); }

}  // namespace recert
