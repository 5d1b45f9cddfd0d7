// The page's one update step: every change a person makes to their data arrives here as a
// named action (app.h), and only this file changes the log. It owns undo and redo, the
// import policy, what an edit keeps, and the checks a form must pass before it saves.
//
// Index
//   1. Checking the forms (the view shows the same messages)
//   2. Changing the log: one way in, undoable
//   3. Opening the forms
//   4. Saving and deleting
//   5. Import and export
//   6. Stored data: kept copies, settings, wiping
//   7. update() and the queue
#include <algorithm>
#include <cctype>

#include "commands.h"
#include "format.h"
#include "ics.h"
#include "packet.h"
#include "platform.h"
#include "store.h"
#include "utf8.h"

namespace recert::app {

namespace {

using nlohmann::json;

template <class... F>
struct overloaded : F... { using F::operator()...; };
template <class... F>
overloaded(F...) -> overloaded<F...>;

}  // namespace

// ---- 1. Checking the forms ---------------------------------------------------------------

namespace {
constexpr std::pair<Field, std::string_view> field_names[] = {
    {Field::title, "title"},       {Field::date, "date"},       {Field::kind, "kind"},
    {Field::provider, "provider"}, {Field::minutes, "minutes"}, {Field::credits, "credits"},
    {Field::topics, "topics"},     {Field::approved, "approved"}, {Field::code, "code"},
    {Field::notes, "notes"},       {Field::program, "program"}, {Field::certified_on, "certified_on"},
    {Field::renewed_through, "renewed_through"}, {Field::label, "label"}, {Field::options, "options"},
    {Field::other, "other"}};
}  // namespace

std::string_view to_string(Field f) {
    for (const auto& [field, name] : field_names)
        if (field == f) return name;
    return "other";
}

Field field_at(std::string_view pointer) {
    if (pointer.size() < 2) return Field::other;
    const std::string_view name = pointer.substr(1, pointer.find('/', 1) - 1);
    for (const auto& [field, text] : field_names)
        if (text == name && field != Field::other) return field;
    return Field::other;
}

// The form's text as an entry document, checked by the same reader as a log file.
EntryCheck check_entry(const EntryForm& f) {
    EntryCheck out;
    json j = json::object();
    j["id"] = f.editing_id.empty() ? "new" : f.editing_id;
    j["title"] = f.title;
    j["date"] = f.date;
    j["kind"] = std::string(to_string(all_kinds[f.kind]));
    if (!f.provider.empty()) j["provider"] = f.provider;
    if (!f.code.empty()) j["code"] = f.code;
    if (!f.notes.empty()) j["notes"] = f.notes;
    if (!f.minutes.empty()) {
        if (f.minutes.find_first_not_of("0123456789") == std::string::npos && f.minutes.size() < 10) j["minutes"] = std::stoll(f.minutes);
        else j["minutes"] = f.minutes;
    }
    if (!f.credits.empty()) j["credits"] = f.credits;
    if (!f.topics.empty()) j["topics"] = f.topics;
    if (f.approved) j["approved"] = true;
    for (const auto& file : f.files) j["files"].push_back(to_json(file));
    Problems problems;
    auto e = read_entry(Node(j, "", problems));
    for (const auto& p : problems) out.errors.emplace(field_at(p.where), p.what);  // the first problem of each field
    if (f.title.empty()) out.errors[Field::title] = "Give the activity a title, as on its certificate";
    if (f.date.empty()) out.errors[Field::date] = "When did it take place (or when will it)?";
    if (problems.empty()) out.entry = std::move(e);
    return out;
}

CredentialCheck check_credential(const App& a, const CredentialForm& f) {
    CredentialCheck out;
    const bool chosen = f.program >= 0 && f.program < static_cast<int>(a.programs.size());
    const Program* p = chosen ? &a.programs[static_cast<std::size_t>(f.program)] : nullptr;
    const bool lookback = p && p->cycle.type == CycleRule::Type::lookback;
    const auto certified = parse_date(f.certified_on);
    const auto renewed = parse_date(f.renewed_through);
    auto& errors = out.errors;
    // Never a default: a credential evaluated under a program the person did not pick would mislead.
    if (!p) errors[Field::program] = "Choose the certification you hold";
    if (!lookback) {
        if (f.certified_on.empty()) errors[Field::certified_on] = "Enter the date on your certificate";
        else if (!certified) errors[Field::certified_on] = "\"" + f.certified_on + "\" is not a real date written YYYY-MM-DD";
        else if (*certified > a.today) errors[Field::certified_on] = "This date is in the future";
        if (!f.renewed_through.empty()) {
            if (!renewed) errors[Field::renewed_through] = "\"" + f.renewed_through + "\" is not a real date written YYYY-MM-DD";
            else if (certified && *renewed < *certified) errors[Field::renewed_through] = "This is before the date you earned the credential";
        }
    }
    if (!errors.empty()) return out;
    Credential c;
    for (const auto& old : a.log.credentials)
        if (old.id == f.editing_id) c = old;  // what the form does not show stays as it was
    c.id = f.editing_id;
    c.program = p->id;
    c.label = f.label;
    c.certified_on = lookback ? std::nullopt : certified;
    c.renewed_through = lookback || f.renewed_through.empty() ? std::nullopt : renewed;
    c.options = f.options;
    out.credential = std::move(c);
    return out;
}

// ---- 2. Changing the log -----------------------------------------------------------------
namespace {

// Replaces the log, saves it, and evaluates it again.
void apply(App& a, Log next) {
    a.log = std::move(next);
    save_log(a);
    evaluate_now(a);
}

// Every change a person makes goes through here, and so can be undone.
void change(App& a, Log next, std::string what) {
    const bool first = a.log.credentials.empty();
    a.undo.push_back({a.log, what});
    if (a.undo.size() > undo_levels) a.undo.erase(a.undo.begin());
    a.redo.clear();
    apply(a, std::move(next));
    // A first credential, added or imported, makes the log worth keeping: ask the browser
    // not to clear it to free space.
    if (first && !a.log.credentials.empty()) platform::request_persistent_storage();
    // The backup nudge counts from the first activity this browser holds without a backup.
    if (!a.settings.last_backup && !a.settings.unsaved_since && !a.log.entries.empty()) {
        a.settings.unsaved_since = a.today;
        save_settings(a.settings);
    }
    show_toast(a, what + ".");
}

// Undo and redo are one step in two directions: take a change from `from`, keep its reverse in `to`.
void step(App& a, std::vector<Change>& from, std::vector<Change>& to, const char* done) {
    if (from.empty()) return;
    Change c = std::move(from.back());
    from.pop_back();
    to.push_back({a.log, c.what});
    apply(a, std::move(c.before));
    std::string what = c.what;  // "Deleted ..." reads "Undone: deleted ..."
    if (!what.empty()) what[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(what[0])));
    show_toast(a, done + what + ".");
}

// ---- 3. Opening and closing the forms ----------------------------------------------------

// What the person can change in a form, to tell whether closing it would lose anything.
json fields_of(const EntryForm& f) { return {f.title, f.provider, f.date, f.minutes, f.credits, f.code, f.notes, f.kind, f.topics, f.approved}; }
json fields_of(const CredentialForm& f) {
    json options = json::object();
    for (const auto& [id, value] : f.options) options[id] = std::visit([](const auto& v) { return json(v); }, value);
    return {f.program, f.certified_on, f.renewed_through, f.label, options};
}

// Cancel and Escape: an unchanged form closes at once; a changed one asks first.
template <class Form>
void cancel(Form& f) {
    if (!f.open) return;
    if (fields_of(f) == f.as_opened) f.open = false;
    else f.asking = true;
}

template <class Form>
void discard(Form& f) {
    if (f.asking) f.asking = f.open = false;
}

const Entry* find_entry(const Log& log, const std::string& id) {
    const auto it = std::find_if(log.entries.begin(), log.entries.end(), [&](const Entry& e) { return e.id == id; });
    return it == log.entries.end() ? nullptr : &*it;
}

void open_entry(App& a, const Entry* from, bool duplicate) {
    EntryForm f;
    f.open = true;
    f.focus_first = true;
    f.date = to_iso(a.today);
    if (from) {
        f.editing_id = duplicate ? "" : from->id;
        f.title = from->title;
        f.provider = from->provider;
        f.date = to_iso(from->date);
        f.minutes = from->minutes ? std::to_string(from->minutes->count()) : "";
        f.credits = from->credits ? from->credits->to_string(from->credit_places().count) : "";
        f.kind = static_cast<int>(from->kind);
        f.topics = from->topics;
        f.approved = from->approved.value_or(false);
        f.code = duplicate ? "" : from->code;
        f.notes = from->notes;
        if (!duplicate) f.files = from->files;  // a duplicate is another activity: its own certificate
        if (!duplicate) f.original = to_json(*from);
    }
    f.as_opened = fields_of(f);
    a.entry_form = std::move(f);
}

void open_credential(App& a, const Credential* from) {
    CredentialForm f;
    f.open = true;
    if (from) {
        f.editing_id = from->id;
        for (std::size_t i = 0; i < a.programs.size(); ++i)
            if (a.programs[i].id == from->program) f.program = static_cast<int>(i);
        f.certified_on = from->certified_on ? to_iso(*from->certified_on) : "";
        f.renewed_through = from->renewed_through ? to_iso(*from->renewed_through) : "";
        f.label = from->label;
        f.options = from->options;
    } else {
        // A host's page for one credential starts the form on it (config.h).
        for (std::size_t i = 0; i < a.programs.size(); ++i)
            if (a.programs[i].id == a.config.program) f.program = static_cast<int>(i);
    }
    f.as_opened = fields_of(f);
    a.credential_form = std::move(f);
}

// A field of an unreadable item as text to correct: strings as they are, anything else as JSON.
std::string field_text(const json& j, const char* key) {
    if (!j.is_object() || !j.contains(key)) return "";
    const auto& v = j[key];
    return v.is_string() ? v.get<std::string>() : v.dump();
}

void open_entry_repair(App& a, const json& j) {
    EntryForm f;
    f.open = f.focus_first = f.tried = true;  // show every problem at once
    f.repairing = j;
    for (auto [field, key] : {std::pair{&f.title, "title"}, {&f.provider, "provider"}, {&f.date, "date"}, {&f.minutes, "minutes"},
                              {&f.credits, "credits"}, {&f.code, "code"}, {&f.notes, "notes"}})
        *field = field_text(j, key);
    if (const auto k = parse_kind(field_text(j, "kind")))
        f.kind = static_cast<int>(std::find(std::begin(all_kinds), std::end(all_kinds), *k) - std::begin(all_kinds));
    if (j.is_object() && j.contains("topics") && j["topics"].is_array())
        for (const auto& t : j["topics"])
            if (t.is_string()) f.topics.push_back(t.get<std::string>());
    f.approved = j.is_object() && j.value("approved", json()).is_boolean() && j["approved"].get<bool>();
    f.as_opened = fields_of(f);
    a.entry_form = std::move(f);
}

void open_credential_repair(App& a, const json& j) {
    CredentialForm f;
    f.open = f.tried = true;
    f.repairing = j;
    for (std::size_t i = 0; i < a.programs.size(); ++i)
        if (a.programs[i].id == field_text(j, "program")) f.program = static_cast<int>(i);
    f.certified_on = field_text(j, "certified_on");
    f.renewed_through = field_text(j, "renewed_through");
    f.label = field_text(j, "label");
    f.as_opened = fields_of(f);
    a.credential_form = std::move(f);
}

// ---- 4. Saving and deleting --------------------------------------------------------------

// The log without the unreadable item that was `original`; `list` says whether it was an entry.
Log without(Log log, const json& original, bool* was_entry = nullptr) {
    for (auto* list : {&log.unreadable_entries, &log.unreadable_credentials}) {
        const auto it = std::find_if(list->begin(), list->end(), [&](const Unreadable& x) { return x.original == original; });
        if (it == list->end()) continue;
        if (was_entry) *was_entry = list == &log.unreadable_entries;
        list->erase(it);
        break;
    }
    return log;
}

// The repaired item keeps its id if no one else uses it (else it gets a new one).
std::string free_id(const Log& log, const std::string& id) {
    if (id.empty()) return "";
    for (const auto& e : log.entries) if (e.id == id) return "";
    for (const auto& c : log.credentials) if (c.id == id) return "";
    return id;
}

void save_entry(App& a) {
    EntryForm& f = a.entry_form;
    f.tried = true;
    const auto check = check_entry(f);
    if (!check.entry) return;  // the form names what is missing
    // Another tab may have changed or deleted this entry since the form opened.
    if (sync_with_storage(a)) evaluate_now(a);
    const Entry* current = f.editing_id.empty() ? nullptr : find_entry(a.log, f.editing_id);
    if (!f.editing_id.empty() && !current) {
        f.conflict = "This activity was deleted in another tab while you were editing it. Your changes are still here: "
                     "save again to keep it as a new activity, or cancel.";
        f.editing_id.clear();
        f.original = json();
        return;
    }
    if (current && to_json(*current) != f.original) {
        f.conflict = "This activity was changed in another tab while you were editing it (it now reads \"" + current->title +
                     "\"). Your changes are still here: save again to replace the other tab's version with yours, or cancel to keep it.";
        f.original = to_json(*current);
        return;
    }
    Entry e = *check.entry;
    if (current) {
        change(a, edit_entry(a.log, e), "Saved \"" + e.title + "\"");
    } else {
        Log base = f.repairing ? without(a.log, *f.repairing) : a.log;
        e.id = f.repairing ? free_id(base, Unreadable{*f.repairing, {}}.id()) : "";
        change(a, add_entry(std::move(base), e), (f.repairing ? "Repaired \"" : "Logged \"") + e.title + "\"");
    }
    f.open = false;
}

void save_credential(App& a) {
    CredentialForm& f = a.credential_form;
    f.tried = true;
    auto check = check_credential(a, f);
    if (!check.credential) return;
    Credential c = std::move(*check.credential);
    if (!f.editing_id.empty()) {
        change(a, edit_credential(a.log, c), "Saved the credential");
    } else {
        Log base = f.repairing ? without(a.log, *f.repairing) : a.log;
        c.id = f.repairing ? free_id(base, Unreadable{*f.repairing, {}}.id()) : "";
        change(a, add_credential(std::move(base), c), f.repairing ? "Repaired the credential" : "Added the credential");
        a.active = static_cast<int>(a.log.credentials.size()) - 1;
    }
    f.open = false;
}

void delete_entry_by_id(App& a, const std::string& id) {
    const Entry* e = find_entry(a.log, id);
    if (!e) return;  // already gone (another tab)
    const std::string title = e->title;
    change(a, delete_entry(a.log, id), "Deleted \"" + title + "\"");
}

void delete_credential_by_id(App& a, const std::string& id) {
    change(a, delete_credential(a.log, id), "Removed the credential");
    a.active = 0;
    a.confirm_remove_credential = false;
    a.credential_form.open = false;
}

// A step's name, when the credential and its program still have it (another tab may have
// removed the credential): nullptr otherwise.
const StepRule* step_of(const App& a, const std::string& credential, const std::string& step) {
    for (const auto& c : a.log.credentials)
        if (c.id == credential)
            if (const Program* p = program_of(a, c)) return p->step(step);
    return nullptr;
}

void open_step(App& a, const std::string& credential, const std::string& step) {
    const StepRule* s = step_of(a, credential, step);
    if (!s) return;
    std::optional<Date> done_on;
    for (const auto& c : a.log.credentials)
        if (c.id == credential)
            if (const auto it = c.steps.find(step); it != c.steps.end()) done_on = it->second;
    a.step_form = {true, credential, step, s->name, to_iso(done_on.value_or(a.today)), ""};
}

// The day as typed: a real date, not ahead of today (a step is ticked once done).
void save_step(App& a) {
    StepForm& f = a.step_form;
    const StepRule* s = step_of(a, f.credential, f.step);
    if (!f.open || !s) return;
    const auto day = parse_date(f.date);
    if (!day) f.error = f.date.empty() ? "Enter the day you did it" : "\"" + f.date + "\" is not a real date written YYYY-MM-DD";
    else if (*day > a.today) f.error = "This date is in the future: tick the step once it is done";
    if (!day || *day > a.today) return;
    change(a, set_step(a.log, f.credential, f.step, day), "Recorded \"" + s->name + "\" as done on " + date_in_words(*day));
    a.step_form = StepForm{};
}

void clear_step(App& a, const std::string& credential, const std::string& step) {
    if (const StepRule* s = step_of(a, credential, step)) change(a, set_step(a.log, credential, step, std::nullopt), "Unticked \"" + s->name + "\"");
}

void delete_unreadable(App& a, const json& original) {
    bool entry = false;
    Log next = without(a.log, original, &entry);
    change(a, std::move(next), entry ? "Deleted the activity that could not be read" : "Deleted the credential that could not be read");
}

// ---- 5. Import and export ----------------------------------------------------------------

// The chosen file, read for the preview; nothing changes until the person confirms.
void preview_import(App& a, const act::FilePicked& file) {
    ImportPreview im;
    im.open = true;
    im.file_name = file.name;
    im.archive = file.archive;
    std::string text = file.bytes;
    if (!file.error.empty()) {
        im.problems.push_back({file.name, "the file could not be read: " + file.error});
    } else if (text.size() > max_document_bytes) {
        im.problems.push_back({file.name, "is larger than " + std::to_string(max_document_bytes >> 20) +
                                              " MB: this is not a Recert backup or activity list"});
    } else {
        const auto first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
        im.is_csv = first == std::string::npos || text[first] != '{';
        if (im.is_csv && utf8_error_at(text) != std::string_view::npos) {
            // Not UTF-8: most likely Excel on Windows. Offer Windows-1252, showing what it reads as.
            if (auto decoded = platform::decode(text, "windows-1252")) {
                text = std::move(*decoded);
                im.windows_1252 = true;
            }
        }
        if (im.is_csv) {
            CsvImport csv = parse_csv(text);
            im.problems = std::move(csv.problems);
            im.rejected = std::move(csv.rejected);
            if (im.problems.empty()) {
                Log incoming;
                incoming.entries = std::move(csv.entries);
                im.incoming = std::move(incoming);
            }
        } else {
            LogResult r = parse_log(text);
            // Entries that cannot be read come in as they are, listed for repair, as they do from storage.
            if (!r.log) im.problems = std::move(r.problems);
            im.incoming = std::move(r.log);
        }
    }
    a.import = std::move(im);
}

// Merge adds what is new and keeps everything here; replace swaps the activities (a CSV) or
// everything (a backup). Either is one change, undoable.
void import_previewed(App& a) {
    ImportPreview& im = a.import;
    if (!im.incoming) return;
    const Log& in = *im.incoming;
    if (im.replace) {
        Log next = im.is_csv ? a.log : in;
        if (im.is_csv) next.entries = in.entries;
        change(a, std::move(next), "Imported " + im.file_name + ", replacing what was here");
    } else {
        MergeSummary s;
        Log next = merge(a.log, in, &s);
        change(a, std::move(next), "Imported " + count_of(s.added + s.renamed, "new activity", "new activities") + " (" +
                                       std::to_string(s.unchanged) + " already here)");
    }
    a.import = ImportPreview{};
    a.typed_confirmation.clear();
}

// A backup made (either kind): the nudge counts again from here, and Settings shows the day.
void backed_up(App& a) {
    a.settings.last_backup = a.today;
    a.settings.entries_at_backup = static_cast<int>(a.log.entries.size());
    a.settings.quiet_until.reset();
    save_settings(a.settings);
}

// "Back up everything": the browser writes the .zip (platform.h); this says what goes in it.
void back_up_everything(App& a) {
    if (a.archive.job != App::Archive::Job::none) return;  // one at a time: its bar is showing
    json certificates = json::array();
    std::int64_t total = 0;
    for (const auto& c : certificates_of(a.log)) {
        certificates.push_back({{"path", archive_path(c)}, {"sha256", c.sha256}, {"type", to_mime(c.type)}, {"size", c.size}, {"names", c.names}});
        total += c.size;
    }
    const json manifest = {{"format", "recert-backup"}, {"version", 1}, {"created", to_iso(a.today)},
                           {"log", "recert-log.json"}, {"certificates", std::move(certificates)}};
    a.archive = {App::Archive::Job::writing, 0, total};
    platform::back_up_everything("recert-backup-" + to_iso(a.today) + ".zip", serialize(a.log) + "\n", manifest.dump());
}

void backup_written(App& a, const act::BackupWritten& x) {
    a.archive = {};
    if (!x.ok) {
        show_toast(a, "The backup could not be made: " + (x.error.empty() ? std::string("the browser stopped it") : x.error) +
                          ". Nothing was changed; try again, or back up the log only (JSON).", 12);
        return;
    }
    backed_up(a);
    const auto [files, bytes] = certificates_named(a.log);
    const auto in = files - static_cast<std::int64_t>(x.left_out.size());
    std::string text = "Backup saved to your downloads, with " + count_of(in, "certificate", "certificates") + ".";
    if (!x.left_out.empty())
        text += " Left out: " + certificates_in_words(a.log, x.left_out) + "; attach " + (x.left_out.size() == 1 ? "it" : "them") + " again.";
    show_toast(a, text, x.left_out.empty() ? toast_seconds : 15);
}

// What a program file would change in the program of its id, one line per difference, as a
// JSON Patch (RFC 6902) reads: "/requirements/0/min: \"20\" becomes \"25\"".
std::vector<std::string> changes_between(const json& before, const json& after) {
    constexpr std::size_t shown = 20, value_bytes = 80;
    const auto value = [&](const json& v) { return utf8_excerpt(v.dump(), value_bytes); };
    std::vector<std::string> out;
    const json patch = json::diff(before, after);
    for (const auto& op : patch) {
        if (out.size() == shown) {
            out.push_back("and " + count_of(static_cast<std::int64_t>(patch.size() - shown), "more change", "more changes"));
            break;
        }
        const std::string path = op.value("path", std::string());
        const std::string kind = op.value("op", std::string());
        if (kind == "remove") out.push_back(path + ": " + value(json(json::json_pointer(path).empty() ? before : before.at(json::json_pointer(path)))) + " is removed");
        else if (kind == "add") out.push_back(path + ": " + value(op.at("value")) + " is added");
        else out.push_back(path + ": " + value(before.at(json::json_pointer(path))) + " becomes " + value(op.at("value")));
    }
    return out;
}

// Keeps a checked program file in the log and starts the credential form on it.
void keep_program_file(App& a, OwnProgram p, const std::string& file_name) {
    const std::string id = p.id;
    change(a, keep_program(a.log, std::move(p)), "Kept the program in " + file_name + " with your log");
    for (std::size_t i = 0; i < a.programs.size(); ++i)
        if (a.programs[i].id == id) a.credential_form.program = static_cast<int>(i);
    a.credential_form.options.clear();
    a.program_file = ProgramFile{};
}

// A program file's text checked as `recert validate` checks it (but for its file name: a
// member's download may be "namss-cpcs (1).json"), with the document it holds when it reads.
struct Checked {
    ProgramResult result;
    std::optional<json> doc;
};
Checked check_program_text(const std::string& name, const std::string& text, const std::string& error) {
    Checked c;
    if (!error.empty()) c.result.problems.push_back({name, "the file could not be read: " + error});
    else if (text.size() > max_document_bytes)
        c.result.problems.push_back({name, "is larger than " + std::to_string(max_document_bytes >> 20) + " MB: this is not a program file"});
    else if ((c.doc = parse_json(text, c.result.problems))) c.result = read_program(*c.doc);
    if (!c.result.problems.empty()) c.result.program.reset();
    return c;
}

// "Use a program file...": a valid file of a new id is kept at once; one replacing a program
// of its id waits for a yes, showing what it changes.
void load_program_file(App& a, const act::FilePicked& file) {
    ProgramFile pf;
    pf.open = true;
    pf.file_name = file.name;
    Checked checked = check_program_text(file.name, file.bytes, file.error);
    if (!checked.result.program) {
        pf.problems = std::move(checked.result.problems);
        a.program_file = std::move(pf);
        return;
    }
    const auto& program = checked.result.program;
    const auto& doc = checked.doc;
    OwnProgram own{program->id, *doc};
    const json* before = nullptr;
    for (const auto& p : a.log.programs)
        if (p.id == own.id) before = &p.file;
    if (!before)
        if (const auto it = a.shipped_files.find(own.id); it != a.shipped_files.end()) before = &it->second;
    if (!before) return keep_program_file(a, std::move(own), file.name);
    if (*before == own.file) {
        // Already here as it is: nothing to change, the form starts on it.
        for (std::size_t i = 0; i < a.programs.size(); ++i)
            if (a.programs[i].id == own.id) a.credential_form.program = static_cast<int>(i);
        show_toast(a, "This program is already here, unchanged.");
        return;
    }
    for (const auto& p : a.programs)
        if (p.id == own.id) pf.replaces = p.name;
    pf.changes = changes_between(*before, own.file);
    pf.incoming = std::move(own);
    a.program_file = std::move(pf);
}

// The program check: every problem of the text, or the figures it gives the person's own
// activities for a credential earned on the date given (a year ago by default).
void check_program(App& a, const std::string& name = "the program file", const std::string& error = "") {
    ProgramCheck& c = a.check;
    Checked checked = check_program_text(name, c.text, error);
    c.checked = true;
    c.problems = std::move(checked.result.problems);
    c.program = std::move(checked.result.program);
    c.preview.reset();
    if (!c.program) return;
    if (c.certified_on.empty()) c.certified_on = to_iso(add_days(a.today, date::days{-365}));
    Credential preview;
    preview.id = "preview";
    preview.program = c.program->id;
    preview.certified_on = parse_date(c.certified_on);
    c.preview = evaluate(*c.program, preview, a.log.entries, a.today);
}

// One credential's dates (ics.h), built from the report the page shows.
void export_calendar(App& a, const std::string& credential) {
    Report one{a.report.as_of, {}};
    for (const auto& r : a.report.credentials)
        if (r.id == credential && r.problems.empty()) one.credentials.push_back(r);
    if (one.credentials.empty()) return;
    platform::download("recert-dates-" + one.credentials[0].program + ".ics", "text/calendar", to_ics(one, a.programs, a.log));
    show_toast(a, "Calendar file saved to your downloads: open it to add the dates to your calendar.");
}

// One credential's renewal packet (packet.h), from the report the page shows; none for a
// credential gone or not evaluated.
std::optional<Packet> packet_of(const App& a, const std::string& credential, const std::vector<NotIncluded>& not_included = {}) {
    const auto r = std::find_if(a.report.credentials.begin(), a.report.credentials.end(),
                                [&](const CredentialReport& x) { return x.id == credential && x.problems.empty(); });
    const auto c = std::find_if(a.log.credentials.begin(), a.log.credentials.end(), [&](const Credential& x) { return x.id == credential; });
    if (r == a.report.credentials.end() || c == a.log.credentials.end()) return std::nullopt;
    const Program* p = program_of(a, *c);
    if (!p) return std::nullopt;
    return make_packet(*p, *c, a.log.entries, *r, a.settings.name, a.today, not_included);
}

void print_packet(App& a, const std::string& credential) {
    if (const auto packet = packet_of(a, credential)) platform::print_view(to_json(*packet).dump());
}

// The PDF: first the browser checks the certificates (prepare_packet), then the packet is made
// again naming those it cannot append, and laid out (packet_prepared).
void make_packet_pdf(App& a, const std::string& credential) {
    if (a.packet_job) return;  // one at a time
    const auto packet = packet_of(a, credential);
    if (!packet) return;
    a.packet_job = App::PacketJob{credential, {}};
    show_toast(a, "Making the renewal packet\u2026", 30);
    platform::prepare_packet(to_json(*packet)["certificates"].dump());
}

void packet_prepared(App& a, const act::PacketPrepared& x) {
    if (!a.packet_job) return;
    a.packet_job->left_out = x.left_out;
    std::vector<NotIncluded> left;
    for (const auto& [sha, why] : x.left_out) left.push_back({sha, std::string(archive_reason(why))});
    const auto packet = packet_of(a, a.packet_job->credential, left);
    if (!packet) {  // the credential went meanwhile (another tab, undo)
        a.packet_job.reset();
        show_toast(a, "The renewal packet was not made: its credential is no longer in the log.");
        return;
    }
    platform::make_packet_pdf(to_json(*packet).dump());
}

void packet_made(App& a, const act::PacketMade& x) {
    if (!a.packet_job) return;
    const auto left_out = std::move(a.packet_job->left_out);
    a.packet_job.reset();
    if (!x.ok) {
        show_toast(a, "The renewal packet could not be made: " + (x.error.empty() ? std::string("the browser stopped it") : x.error) +
                          ". Nothing was changed; try again, or print the summary instead.", 12);
        return;
    }
    const int certificate_pages = x.pages - x.summary_pages;
    std::string text = "Renewal packet saved to your downloads: " + count_of(x.pages, "page", "pages");
    if (certificate_pages > 0) text += ", the summary's " + std::to_string(x.summary_pages) + " then " + count_of(certificate_pages, "page", "pages") + " of certificates";
    text += ".";
    if (!left_out.empty())
        text += " Not in it: " + certificates_in_words(a.log, left_out) + "; the packet flags " + (left_out.size() == 1 ? "it." : "them.");
    show_toast(a, text, left_out.empty() ? toast_seconds : 15);
}

// ---- 6. Stored data ----------------------------------------------------------------------

void wipe(App& a) {
    const std::size_t credentials = a.log.credentials.size() + a.log.unreadable_credentials.size();
    const std::size_t entries = a.log.entries.size() + a.log.unreadable_entries.size();
    const auto certificates = certificates_named(a.log).first;
    const int kept = remove_everything();
    platform::delete_certificates();
    a.undo.clear();  // deleting everything means nothing stays behind, not even in memory
    a.redo.clear();
    a.log = a.saved = Log{};
    a.saved_text.clear();
    a.kept.clear();
    if (a.trouble != Trouble::blocked) a.trouble = Trouble::none;
    a.settings = Settings{};  // they were stored too
    a.confirm_wipe = false;
    a.typed_confirmation.clear();
    a.settings_open = false;
    evaluate_now(a);
    std::string what = count_of(static_cast<std::int64_t>(credentials), "credential", "credentials") + ", " +
                       count_of(static_cast<std::int64_t>(entries), "activity", "activities");
    if (certificates) what += ", " + count_of(certificates, "certificate", "certificates");
    if (kept) what += ", " + count_of(kept, "kept copy of an unreadable log", "kept copies of unreadable logs");
    show_toast(a, "Deleted from this browser: " + what + " and your settings.", 10);
}

void download_kept(App& a, const std::string& key) {
    const auto kept = platform::storage_get(key);
    if (!kept.value) return;
    platform::download("recert-unreadable-" + to_iso(a.today) + ".json", "application/json", *kept.value);
    for (auto& k : a.kept)
        if (k.key == key) k.downloaded = true;
    json done = json::array();
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

// ---- Certificates --------------------------------------------------------------------------

// Kept with an entry (the form's, or the log's), found by hash.
const Attachment* find_certificate(const App& a, const std::string& sha256) {
    for (const auto& f : a.entry_form.files)
        if (f.sha256 == sha256) return &f;
    for (const auto& e : a.log.entries)
        for (const auto& f : e.files)
            if (f.sha256 == sha256) return &f;
    return nullptr;
}

// A file the browser has kept (or could not) joins the entry form; a file dropped on the
// page with no form open starts a new activity with it.
void attach_certificate(App& a, const act::CertificateStored& x) {
    if (!a.entry_form.open) open_entry(a, nullptr, false);
    EntryForm& f = a.entry_form;
    const std::string quoted = "\u201C" + x.name + "\u201D";
    std::string why;
    switch (x.outcome) {
        case platform::FileOutcome::stored: break;
        case platform::FileOutcome::too_big:
            why = quoted + " is " + file_size(x.size) + ": a certificate can be at most " + file_size(max_certificate_bytes) + ".";
            break;
        case platform::FileOutcome::not_certificate: why = quoted + " is not a PDF, PNG or JPEG file."; break;
        case platform::FileOutcome::full:
            why = quoted + " could not be kept: this browser's storage is full. The activity and the files already attached are kept; "
                           "attach a smaller scan, or remove certificates you no longer need.";
            break;
        case platform::FileOutcome::blocked:
            why = quoted + " could not be kept: this browser does not let the page store files here (a private window, or "
                           "a frame another site made). Open Recert on its own to keep certificates.";
            break;
        case platform::FileOutcome::unreadable: why = quoted + " could not be read from your device."; break;
    }
    const auto parsed = parse_mime(x.mime);
    if (why.empty() && (!parsed || x.size <= 0 || x.size > max_certificate_bytes || x.sha256.size() != 64)) why = quoted + " could not be read from your device.";
    if (why.empty() && std::any_of(f.files.begin(), f.files.end(), [&](const Attachment& g) { return g.sha256 == x.sha256; }))
        why = quoted + " is attached to this activity already.";
    if (!why.empty()) {
        f.file_messages.push_back(why);
        f.show_messages = true;
        platform::announce(why);
        return;
    }
    Attachment file;
    for (int n = 1; file.id.empty(); ++n) {
        const std::string id = "f" + std::to_string(n);
        if (std::none_of(f.files.begin(), f.files.end(), [&](const Attachment& g) { return g.id == id; })) file.id = id;
    }
    file.name = x.name.empty() ? "certificate" : utf8_excerpt(x.name, 250);
    file.type = *parsed;
    file.size = x.size;
    file.sha256 = x.sha256;
    f.files.push_back(std::move(file));
    if (a.stored_certificates) a.stored_certificates->insert(x.sha256);
    a.altered_certificates.erase(x.sha256);
    platform::announce("Attached " + quoted + ".");
}

void certificate_unavailable(App& a, const act::CertificateUnavailable& x) {
    const Attachment* f = find_certificate(a, x.sha256);
    const std::string quoted = f ? "\u201C" + f->name + "\u201D" : "This certificate";
    if (x.altered) a.altered_certificates.insert(x.sha256);
    else if (a.stored_certificates) a.stored_certificates->erase(x.sha256);
    show_toast(a, quoted + (x.altered ? " has changed since it was attached: its bytes no longer match. Attach the original again."
                                      : " is not kept in this browser: restore a backup that carries certificates, or attach it again."));
}

}  // namespace

// ---- 7. update() and the queue -----------------------------------------------------------

void update(App& a, const Action& action) {
    const std::string day = to_iso(a.today);
    std::visit(overloaded{
                   [&](const act::NewEntry&) { open_entry(a, nullptr, false); },
                   [&](const act::OpenEntry& x) {
                       if (const Entry* e = find_entry(a.log, x.id)) open_entry(a, e, x.duplicate);
                   },
                   [&](const act::RepairEntry& x) { open_entry_repair(a, x.original); },
                   [&](const act::SaveEntry&) { save_entry(a); },
                   [&](const act::CancelEntry&) { cancel(a.entry_form); },
                   [&](const act::DeleteEntry& x) { delete_entry_by_id(a, x.id); },
                   [&](const act::NewCredential&) { open_credential(a, nullptr); },
                   [&](const act::OpenCredential& x) {
                       for (const auto& c : a.log.credentials)
                           if (c.id == x.id) open_credential(a, &c);
                   },
                   [&](const act::RepairCredential& x) { open_credential_repair(a, x.original); },
                   [&](const act::SaveCredential&) { save_credential(a); },
                   [&](const act::CancelCredential&) { cancel(a.credential_form); },
                   [&](const act::KeepEditing&) { a.entry_form.asking = a.credential_form.asking = false; },
                   [&](const act::DiscardChanges&) {
                       discard(a.entry_form);
                       discard(a.credential_form);
                   },
                   [&](const act::DeleteCredential& x) { delete_credential_by_id(a, x.id); },
                   [&](const act::DeleteUnreadable& x) { delete_unreadable(a, x.original); },
                   [&](const act::PickFile& x) {
                       a.picking_program = x.program;
                       platform::pick_file(x.program ? ".json,application/json" : ".json,.csv,.zip,application/json,text/csv,application/zip");
                   },
                   [&](const act::FilePicked& x) {
                       if (x.archive) {  // its certificates are kept now: the page learns which it holds
                           a.archive = {};
                           platform::list_certificates();
                       }
                       if (!a.picking_program || x.archive) preview_import(a, x);
                       else if (!a.check.open) load_program_file(a, x);
                       else {
                           a.check.text = x.bytes;
                           check_program(a, x.name, x.error);
                       }
                   },
                   [&](const act::OpenCheck&) {
                       a.settings_open = false;
                       a.check = ProgramCheck{};
                       a.check.open = true;
                   },
                   [&](const act::CheckProgram&) { check_program(a); },
                   [&](const act::CloseCheck&) { a.check = ProgramCheck{}; },
                   [&](const act::UseProgramFile&) {
                       if (a.program_file.incoming) keep_program_file(a, *a.program_file.incoming, a.program_file.file_name);
                   },
                   [&](const act::CloseProgramFile&) { a.program_file = ProgramFile{}; },
                   [&](const act::Import&) {
                       if (!a.import.replace || typed_to_confirm(a, replace_word)) import_previewed(a);
                   },
                   [&](const act::Undo&) { step(a, a.undo, a.redo, "Undone: "); },
                   [&](const act::Redo&) { step(a, a.redo, a.undo, "Redone: "); },
                   [&](const act::ExportBackup&) {
                       platform::download("recert-backup-" + day + ".json", "application/json", serialize(a.log) + "\n");
                       backed_up(a);
                       show_toast(a, "Backup saved to your downloads.");
                   },
                   [&](const act::BackupEverything&) { back_up_everything(a); },
                   [&](const act::ArchiveProgress& x) {
                       // A restore announces itself by its first progress; a backup was asked for here.
                       if (a.archive.job == App::Archive::Job::none) a.archive.job = App::Archive::Job::reading;
                       a.archive.done = x.done;
                       a.archive.total = x.total;
                   },
                   [&](const act::BackupWritten& x) { backup_written(a, x); },
                   [&](const act::ExportCsv&) {
                       platform::download("recert-activities-" + day + ".csv", "text/csv", to_csv(a.log.entries));
                       show_toast(a, "Spreadsheet saved to your downloads.");
                   },
                   [&](const act::SaveSettings&) { save_settings(a.settings); },
                   [&](const act::Wipe&) {
                       if (typed_to_confirm(a, wipe_word)) wipe(a);
                   },
                   [&](const act::QuietBackupNudge&) {
                       a.settings.quiet_until = add_days(a.today, date::days{backup_quiet_days});
                       save_settings(a.settings);
                   },
                   [&](const act::SeenEmbedNotice&) {
                       a.settings.embed_notice_seen = true;
                       save_settings(a.settings);
                   },
                   [&](const act::DownloadKept& x) { download_kept(a, x.key); },
                   [&](const act::DiscardKept& x) { discard_kept(a, x.key); },
                   [&](const act::StorageChanged&) {
                       if (sync_with_storage(a)) evaluate_now(a);
                   },
                   [&](const act::Reload&) { platform::reload_page(); },
                   [&](const act::OpenStep& x) { open_step(a, x.credential, x.step); },
                   [&](const act::SaveStep&) { save_step(a); },
                   [&](const act::CloseStep&) { a.step_form = StepForm{}; },
                   [&](const act::ClearStep& x) { clear_step(a, x.credential, x.step); },
                   [&](const act::ExportCalendar& x) { export_calendar(a, x.credential); },
                   [&](const act::PrintPacket& x) { print_packet(a, x.credential); },
                   [&](const act::MakePacket& x) { make_packet_pdf(a, x.credential); },
                   [&](const act::PacketPrepared& x) { packet_prepared(a, x); },
                   [&](const act::PacketMade& x) { packet_made(a, x); },
                   [&](const act::ShowMissingEvidence&) {
                       a.view.status_filter = 4;
                       a.view.filter.clear();
                       a.open_activities = true;  // on a phone, their tab
                   },
                   [&](const act::PickCertificates& x) { platform::pick_certificates(x.camera, max_certificate_bytes); },
                   [&](const act::CertificateStored& x) { attach_certificate(a, x); },
                   [&](const act::RemoveCertificate& x) {
                       auto& files = a.entry_form.files;
                       std::erase_if(files, [&](const Attachment& f) { return f.sha256 == x.sha256; });
                       a.entry_form.file_messages.clear();
                   },
                   [&](const act::ViewCertificate& x) {
                       if (const Attachment* f = find_certificate(a, x.sha256))
                           platform::open_certificate(f->sha256, std::string(to_mime(f->type)), f->name, x.download);
                   },
                   [&](const act::CertificatesListed& x) { a.stored_certificates = x.stored; },
                   [&](const act::CertificateUnavailable& x) { certificate_unavailable(a, x); },
               },
               action);
}

void emit(App& a, Action action) { a.pending.push_back(std::move(action)); }

void run_pending(App& a) {
    // An action may emit another; each runs once, in order.
    for (std::size_t i = 0; i < a.pending.size(); ++i) {
        Action next = std::move(a.pending[i]);
        update(a, next);
    }
    a.pending.clear();
}

}  // namespace recert::app
