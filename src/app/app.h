// The page's state: the person's log, what it evaluates to, and what the screen is doing.
// Each frame draws from this; edits go through apply(), which saves and re-evaluates.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "csv.h"
#include "evaluation.h"
#include "log.h"
#include "program.h"
#include "report.h"

namespace recert::app {

enum class Theme { system, light, dark };

struct Settings {
    Theme theme = Theme::system;
    float text_scale = 1.0f;  // 0.85 to 1.5
};

// The entry form holds text as typed; it becomes an Entry only when it validates.
struct EntryForm {
    bool open = false;
    std::string editing_id;  // empty: a new entry
    std::string title, provider, date, minutes, credits, code, notes;
    int kind = 0;
    std::vector<std::string> topics;
    bool approved = false;
    bool focus_first = false;
    bool tried = false;  // after a first Save, missing fields are named too
    nlohmann::json original;                 // the entry as it was when the form opened, to notice another tab's change
    std::optional<nlohmann::json> repairing;  // an unreadable entry this form replaces when saved
    std::string conflict;                    // what another tab did meanwhile; the typing stays
};

struct CredentialForm {
    bool open = false;
    std::string editing_id;
    int program = 0;
    std::string certified_on, renewed_through, label;
    Options options;
    bool tried = false;
    std::optional<nlohmann::json> repairing;  // an unreadable credential this form replaces when saved
};

struct ImportPreview {
    bool open = false;
    std::string file_name;
    bool is_csv = false;
    bool windows_1252 = false;         // not UTF-8: read as Windows-1252, as Excel on Windows writes
    std::optional<Log> incoming;       // what the file holds, read without error
    std::vector<CsvRejection> rejected;
    Problems problems;                 // the file as a whole could not be read
    bool replace = false;
};

enum class Sort { date, title, credits, status };

struct LogView {
    std::string filter;
    int status_filter = 0;  // 0 all, 1 counted, 2 not counted
    Sort sort = Sort::date;
    bool ascending = false;
    // Rows to show, sorted; rebuilt only when the log, report, sort or filter change.
    std::vector<int> rows, planned;
    std::string built_for;
};

// What keeps the page from saving, shown in the banner until it clears.
enum class Trouble {
    none,
    full,       // storage is full: changes live in memory until a write succeeds
    blocked,    // the browser refuses storage (private mode, third-party frame)
    newer_log,  // a newer Recert saved the log: this page never writes over it
    held,       // the stored log cannot be read nor copied aside (storage full): left in place, unwritten
};

// A stored log that could not be read, set aside byte for byte under its own key.
struct KeptCopy {
    std::string key, reason;
    bool downloaded = false;  // once downloaded it leaves the banner (Settings still lists it)
};

struct App {
    std::vector<Program> programs;
    std::vector<std::string> program_errors;  // program files that could not be read
    Log log;
    Report report;
    int revision = 0;  // bumped by every change of log or report
    Date today;
    bool test_mode = false;

    Settings settings;
    int active = 0;       // credential tab
    int narrow_tab = 0;   // on narrow screens: dashboard or activities
    EntryForm entry_form;
    CredentialForm credential_form;
    ImportPreview import;
    LogView view;
    bool settings_open = false, confirm_wipe = false, confirm_remove_credential = false;

    Log saved;                  // the log as this tab last read or wrote it in storage
    std::string saved_text;     // ...and its text, to notice another tab's writes
    Trouble trouble = Trouble::none;
    std::vector<KeptCopy> kept;
    std::string confirm_discard;  // the kept copy whose discarding awaits a yes
    std::optional<Log> undo;    // the log before the last delete
    std::string toast;
    double toast_until = 0;
};

const Program* program_of(const App& a, const Credential& c);
// Replaces the log, saves it, and evaluates it again.
void apply(App& a, Log next);
void evaluate_now(App& a);
void show_toast(App& a, std::string text, double seconds = 6);
void save_settings_now(App& a);  // stores the settings and restyles the page
void wipe_all(App& a);           // "Delete all my data", after the person confirmed
void download_kept(App& a, const std::string& key);  // a kept copy, byte for byte
void discard_kept(App& a, const std::string& key);

}  // namespace recert::app
