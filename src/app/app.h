// The page's model: the person's log, what it evaluates to, what the screen is doing, and
// the named actions that change it. Views draw from App and emit actions; update() (in
// update.cpp) applies them, and only it changes the log.
//
// Index
//   1. Settings, forms and views: state the screens edit as the person types
//   2. Stored data: what keeps the page from saving
//   3. Actions: everything a person can do to their data
//   4. App, and the functions the model offers the views
#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "config.h"
#include "csv.h"
#include "evaluation.h"
#include "log.h"
#include "platform.h"
#include "program.h"
#include "report.h"

namespace recert::app {

enum class Theme { system, light, dark };

struct Settings {
    Theme theme = Theme::system;
    float text_scale = 1.0f;  // 0.85 to 1.5
    bool embed_notice_seen = false;  // "This log is kept for this site", said once in a frame
    // The backup nudge: when the last backup was made and how many activities the log had then;
    // without one, the day this browser first held activities; "Not now" quiets it until a day.
    std::optional<Date> last_backup, unsaved_since, quiet_until;
    int entries_at_backup = 0;
    std::string name;  // the person's, as the renewal packet gives it; "" leaves its line out
};
// A backup is due after this many days, or this many new activities, without one.
inline constexpr int backup_due_days = 60;
inline constexpr int backup_due_entries = 10;
inline constexpr int backup_quiet_days = 14;

// The forms' fields, by the names the log format gives them: a problem the log reader finds
// at "/credits" is the credits field's message.
enum class Field { title, date, kind, provider, minutes, credits, topics, approved, code, notes,
                   program, certified_on, renewed_through, label, options, other };
std::string_view to_string(Field f);
Field field_at(std::string_view pointer);  // "/credits/0" -> credits; other when no field has that name

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
    nlohmann::json as_opened;  // the fields as the form opened: once changed, closing asks first
    bool asking = false;       // "Discard your changes?" is open over the form
    std::vector<std::string> showing_rules;  // programs whose "What counts" is open
    std::vector<Attachment> files;           // its certificates, kept in the browser already; saved with the entry
    std::vector<std::string> file_messages;  // files chosen that could not be attached, and why
    bool show_messages = false;              // a new one: the form scrolls to it
};

struct CredentialForm {
    bool open = false;
    std::string editing_id;
    int program = -1;  // in App::programs; none until the person chooses one
    std::string certified_on, renewed_through, label;
    Options options;
    bool tried = false;
    std::optional<nlohmann::json> repairing;  // an unreadable credential this form replaces when saved
    nlohmann::json as_opened;
    bool asking = false;
};

// The day a step besides credits was done (an exam, an application), asked when it is ticked.
struct StepForm {
    bool open = false;
    std::string credential, step, name;  // name: the program's ("Pass the recertification exam")
    std::string date;                    // as typed
    std::string error;                   // why Save refused it
};

// "Use a program file...": a program JSON from the person's device (an association's own
// credential), checked as `recert validate` checks it.
struct ProgramFile {
    bool open = false;
    std::string file_name;
    Problems problems;                   // why it cannot be used, each with its line and column or JSON pointer
    std::optional<OwnProgram> incoming;  // valid, replacing a program of its id once the person says yes
    std::string replaces;                // that program's name
    std::vector<std::string> changes;    // what differs from it, one line each
};

// The program check, for an association writing a program file (Settings, or ?check): the
// file pasted or loaded, every problem, and the figures it gives the person's own activities.
// Nothing of it is kept.
struct ProgramCheck {
    bool open = false;
    std::string text;                  // the file as pasted or loaded
    std::string certified_on;          // the preview credential's date, as typed
    bool checked = false;              // the results below are of `text` as it was checked
    Problems problems;
    std::optional<Program> program;    // when it reads
    std::optional<CredentialReport> preview;
};

// What a .zip backup brought besides its log: its certificates, each checked against its
// SHA-256 and kept in this browser, and those that could not be (sha256, why: archive_reasons).
struct ArchiveRestore {
    int restored = 0;
    std::vector<std::pair<std::string, std::string>> not_restored;
};

struct ImportPreview {
    bool open = false;
    std::optional<ArchiveRestore> archive;  // the file was a .zip backup
    std::string file_name;
    bool is_csv = false;
    bool windows_1252 = false;         // not UTF-8: read as Windows-1252, as Excel on Windows writes
    std::optional<Log> incoming;       // what the file holds, read without error
    std::vector<CsvRejection> rejected;
    Problems problems;                 // the file as a whole could not be read
    bool replace = false;
};

enum class Sort { date, title, credits, status };

// One row of the activities list: an entry of the log and its result in the report, found by id.
struct Row {
    int entry = -1;
    const EntryResult* result = nullptr;  // none when the credential could not be evaluated
};

struct LogView {
    std::string filter;
    int status_filter = 0;  // 0 all, 1 counted, 2 not counted, 3 without a certificate, 4 missing evidence
    Sort sort = Sort::date;
    bool ascending = false;
    // Rows to show, sorted; rebuilt only when the log, report, sort or filter change.
    std::vector<Row> rows, planned;
    std::string built_for;
    // The element with the browser's focus: a row holding it stays drawn, with its neighbours,
    // so Tab and the arrow keys reach the next row; brought into view once when it takes it.
    std::string focused;
    bool scroll_to_focus = false;
    std::set<std::string> expanded;  // entry ids whose row shows its details and where it went
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

// ---- 3. Actions ------------------------------------------------------------------------
// Each is a plain value; update() applies it. Those that change the log are undoable.
namespace act {
struct NewEntry {};
struct OpenEntry { std::string id; bool duplicate = false; };
struct RepairEntry { nlohmann::json original; };        // an unreadable entry, into the form
struct SaveEntry {};                                    // the entry form, as typed
struct CancelEntry {};                                  // Cancel or Escape: closes it, or asks first if it was changed
struct DeleteEntry { std::string id; };
struct NewCredential {};
struct OpenCredential { std::string id; };
struct RepairCredential { nlohmann::json original; };
struct SaveCredential {};
struct CancelCredential {};
struct KeepEditing {};                                  // "Discard your changes?": no
struct DiscardChanges {};                               // ...yes: the form closes unsaved
struct DeleteCredential { std::string id; };
struct DeleteUnreadable { nlohmann::json original; };   // an entry or credential that cannot be read
struct PickFile { bool program = false; };              // at a press: the browser's picker opens at its release
struct FilePicked {                                     // into the import preview
    std::string name, bytes, error;
    std::optional<ArchiveRestore> archive;              // a .zip backup: bytes are its log
};
struct Import {};                                       // the preview, merged or replacing, as chosen
struct Undo {};
struct Redo {};
struct ExportBackup {};
struct BackupEverything {};                             // the log and every certificate it names, in one .zip
struct ArchiveProgress { std::int64_t done = 0, total = 0; };  // bytes of certificates written or restored so far
struct BackupWritten {                                  // the .zip is in the downloads, or could not be made
    bool ok = false;
    std::string error;
    std::vector<std::pair<std::string, std::string>> left_out;  // sha256, why (archive_reasons)
};
struct ExportCsv {};
struct SaveSettings {};
struct Wipe {};                                         // "Delete all my data", once confirmed
struct DownloadKept { std::string key; };
struct DiscardKept { std::string key; };
struct StorageChanged {};                               // another tab wrote
struct Reload {};
struct SeenEmbedNotice {};                              // "Got it" on the framed page's storage notice
struct QuietBackupNudge {};                             // "Not now" on "Last backup: 94 days ago"
struct OpenCheck {};                                    // the program check, from Settings
struct CheckProgram {};                                 // its text, as pasted, checked and previewed
struct CloseCheck {};
struct OpenStep { std::string credential, step; };      // ticked, or its date to change: asks the day
struct SaveStep {};                                     // the step form's day, as typed
struct CloseStep {};
struct ClearStep { std::string credential, step; };     // unticked: the day is forgotten (undoable)
struct ExportCalendar { std::string credential; };      // its dates as an .ics file (ics.h)
struct PrintPacket { std::string credential; };         // its renewal packet's summary (packet.h), to print
struct MakePacket { std::string credential; };          // its renewal packet as a PDF, certificates appended
struct PacketPrepared {                                 // the browser has read them: these it cannot append
    std::vector<std::pair<std::string, std::string>> left_out;  // sha256, why (archive_reasons)
};
struct PacketMade { bool ok = false; std::string error; int pages = 0, summary_pages = 0; };  // in the downloads, or not
struct UseProgramFile {};                               // yes, replace the program of its id with the file
struct CloseProgramFile {};
struct ShowMissingEvidence {};                          // the activities an audit would find lacking, listed
struct PickCertificates { bool camera = false; };       // at a press: files, or on a phone a photo, at its release
// From the browser, for each file chosen or dropped on the page: into the entry form (one
// opens for a file dropped without it), or why it could not be kept.
struct CertificateStored { std::string name, mime, sha256; std::int64_t size = 0; platform::FileOutcome outcome{}; };
struct RemoveCertificate { std::string sha256; };       // from the entry form; saved with it, so undoable
struct ViewCertificate { std::string sha256; bool download = false; };  // at a press: opens at its release
struct CertificatesListed { std::set<std::string> stored; };            // what the browser holds
struct CertificateUnavailable { std::string sha256; bool altered = false; };  // asked for, not found or not as kept
}  // namespace act

using Action = std::variant<act::NewEntry, act::OpenEntry, act::RepairEntry, act::SaveEntry, act::CancelEntry, act::DeleteEntry, act::NewCredential,
                            act::OpenCredential, act::RepairCredential, act::SaveCredential, act::CancelCredential, act::KeepEditing,
                            act::DiscardChanges, act::DeleteCredential, act::DeleteUnreadable,
                            act::PickFile, act::FilePicked, act::Import, act::Undo, act::Redo, act::ExportBackup, act::BackupEverything,
                            act::ArchiveProgress, act::BackupWritten, act::ExportCsv,
                            act::SaveSettings, act::Wipe, act::DownloadKept, act::DiscardKept, act::StorageChanged, act::Reload, act::SeenEmbedNotice,
                            act::OpenStep, act::SaveStep, act::CloseStep, act::ClearStep, act::ExportCalendar, act::PrintPacket,
                            act::MakePacket, act::PacketPrepared, act::PacketMade,
                            act::UseProgramFile, act::CloseProgramFile, act::QuietBackupNudge, act::OpenCheck,
                            act::CheckProgram, act::CloseCheck, act::ShowMissingEvidence, act::PickCertificates, act::CertificateStored,
                            act::RemoveCertificate, act::ViewCertificate, act::CertificatesListed, act::CertificateUnavailable>;

// A change to the log, as undo and redo keep it: the log before, and what the change was.
struct Change {
    Log before;
    std::string what;  // "Deleted \"Ethics webinar\"", shown again when undone
};
inline constexpr std::size_t undo_levels = 50;

// ---- 4. App ------------------------------------------------------------------------------
struct App {
    SiteConfig config;  // a host's options (config.h): programs offered, name, colour, embed
    std::vector<Program> shipped;                       // the site's programs/
    std::map<std::string, nlohmann::json> shipped_files;  // ...as written, to show what a file would change
    std::vector<Program> programs;  // shipped and the log's own (programs_with_own), made again at each evaluation
    std::vector<std::string> program_errors;  // program files that could not be read
    std::vector<std::string> own_program_errors;  // ...and those kept in the log (a stricter Recert), named by /programs/N
    Log log;
    Report report;
    int revision = 0;  // bumped by every change of log or report
    Date today;
    bool test_mode = false;

    Settings settings;
    int active = 0;       // credential tab
    bool open_activities = false;  // on narrow screens, the Activities tab is chosen when next drawn
    std::string explained;  // the requirement whose activities the dashboard lists, if any
    EntryForm entry_form;
    CredentialForm credential_form;
    ImportPreview import;
    StepForm step_form;
    ProgramFile program_file;
    ProgramCheck check;
    bool picking_program = false;  // the file being picked is a program, not a backup
    // A .zip backup being written or restored, for its progress bar: bytes of certificates.
    struct Archive {
        enum class Job { none, writing, reading } job = Job::none;
        std::int64_t done = 0, total = 0;
    } archive;
    // The PDF packet the browser is making (platform.h's two steps): whose, and the certificates
    // it found it cannot append (sha256, why: archive_reasons).
    struct PacketJob {
        std::string credential;
        std::vector<std::pair<std::string, std::string>> left_out;
    };
    std::optional<PacketJob> packet_job;
    // The certificates the browser holds (by SHA-256), once it has said; those found altered.
    std::optional<std::set<std::string>> stored_certificates;
    std::set<std::string> altered_certificates;
    LogView view;
    bool settings_open = false, confirm_wipe = false, confirm_remove_credential = false;
    // In a frame, a page anyone may embed, the person types this word before Delete all and
    // Replace: a click tricked out of them by the host (clickjacking) cannot erase the log.
    std::string typed_confirmation;

    Log saved;                  // the log as this tab last read or wrote it in storage
    std::string saved_text;     // ...and its text, to notice another tab's writes
    Trouble trouble = Trouble::none;
    std::vector<KeptCopy> kept;
    std::string confirm_discard;  // the kept copy whose discarding awaits a yes
    std::vector<Change> undo, redo;  // newest last; cleared when another tab changes the log
    std::vector<Action> pending;     // emitted while drawing, applied after the frame
    std::string toast;
    double toast_until = 0;
};

const Program* program_of(const App& a, const Credential& c);
// The words typed to confirm Delete all and Replace inside a frame (App::typed_confirmation).
inline constexpr const char* wipe_word = "DELETE";
inline constexpr const char* replace_word = "REPLACE";
// Outside a frame, always; inside one, once `word` is typed (any case, spaces around forgiven).
bool typed_to_confirm(const App& a, const char* word);
void evaluate_now(App& a);
// "Last backup: 94 days ago, and 12 activities logged since." once a backup is due (60 days or
// 10 new activities without one) and not quieted; nullopt otherwise.
std::optional<std::string> backup_nudge(const App& a);
// The certificates a log's entries name, each file once by its hash, in the order first
// attached, with every name the person gave it.
struct NamedCertificate {
    std::string sha256;
    FileType type = FileType::pdf;
    std::int64_t size = 0;
    std::vector<std::string> names;
};
std::vector<NamedCertificate> certificates_of(const Log& log);
// Where a .zip backup keeps it: "certificates/3f2a9c1b04de-FMLA webinar.pdf", the start of its
// hash (one file per hash) and its first name made safe for every file system.
std::string archive_path(const NamedCertificate& c);
// ...how many, and their bytes.
std::pair<std::int64_t, std::int64_t> certificates_named(const Log& log);
// Why a certificate is not in a .zip backup, or not restored from one: the codes the page's
// JavaScript gives, each with its words ("is not kept in this browser").
inline constexpr std::pair<std::string_view, std::string_view> archive_reasons[] = {
    {"missing", "is not kept in this browser"},
    {"altered", "has changed since it was attached (its bytes no longer match)"},
    {"absent", "is listed in the backup but not in it"},
    {"damaged", "is damaged in the backup (its bytes do not match its record)"},
    {"too-big", "is larger than a certificate can be"},
    {"full", "could not be kept: this browser's storage is full"},
    {"refused", "could not be kept: this browser does not let the page store files here"},
    {"encrypted", "is password-protected, so its pages cannot be copied"},
};
std::string_view archive_reason(std::string_view code);  // the words, or "could not be read"
// "\u201Ca.pdf\u201D is not kept in this browser and ...": each (sha256, reason) by the name `log` gives it.
std::string certificates_in_words(const Log& log, const std::vector<std::pair<std::string, std::string>>& reasons);
constexpr double toast_seconds = 6;
void show_toast(App& a, std::string text, double seconds = toast_seconds);

// The forms as the person typed them, checked: the view shows the messages, update() saves.
using FieldErrors = std::map<Field, std::string>;
struct EntryCheck {
    std::optional<Entry> entry;
    FieldErrors errors;
};
EntryCheck check_entry(const EntryForm& f);
struct CredentialCheck {
    std::optional<Credential> credential;
    FieldErrors errors;
};
CredentialCheck check_credential(const App& a, const CredentialForm& f);

// Views call emit(); the frame ends with run_pending(). Calls from the browser (a file
// picked, another tab's write) go straight to update().
void emit(App& a, Action action);
void update(App& a, const Action& action);
void run_pending(App& a);

}  // namespace recert::app
