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
};

struct CredentialForm {
    bool open = false;
    std::string editing_id;
    int program = 0;
    std::string certified_on, renewed_through, label;
    Options options;
    bool tried = false;
};

struct ImportPreview {
    bool open = false;
    std::string file_name;
    bool is_csv = false;
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
    std::string notice;         // a banner: storage trouble, recovered data
    std::string recovered_key;  // where unreadable stored text was set aside
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
void download_recovered(const App& a);  // the stored text that could not be read, as it was

}  // namespace recert::app
