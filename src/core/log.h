// The person's credit log: the "recert-log" document the page stores and exports.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dates.h"
#include "decimal.h"
#include "json_read.h"
#include "kinds.h"
#include "program.h"

namespace recert {

// A certificate kept with an entry. The page stores its bytes in the browser (IndexedDB) under
// their SHA-256; the log keeps only this, so it stays small and a missing or altered file shows.
enum class FileType { pdf, png, jpeg };
struct FileTypeInfo {
    FileType type;
    std::string_view mime, label;
};
inline constexpr FileTypeInfo file_types[] = {
    {FileType::pdf, "application/pdf", "PDF"}, {FileType::png, "image/png", "PNG image"}, {FileType::jpeg, "image/jpeg", "JPEG image"}};
std::string_view to_mime(FileType t);
std::string_view label(FileType t);
std::optional<FileType> parse_mime(std::string_view mime);
inline constexpr std::int64_t max_certificate_bytes = 10 << 20;  // 10 MiB each

struct Attachment {
    std::string id, name;  // name: the person's file name, shown and used again on download
    FileType type = FileType::pdf;
    std::int64_t size = 0;  // bytes
    std::string sha256;     // 64 lowercase hex digits
    nlohmann::json extra = nlohmann::json::object();
};

struct Credential {
    std::string id, program, label;
    std::optional<Date> certified_on;
    std::optional<Date> renewed_through;  // end of the last cycle already renewed
    Options options;
    std::map<std::string, Date> steps;  // the day each step of the program (StepRule id) was done
    nlohmann::json extra = nlohmann::json::object();  // fields this version does not know, kept on a round trip
};

struct Entry {
    std::string id, title, provider, code, notes;
    Date date;
    Kind kind = Kind::other;
    std::optional<Minutes> minutes;
    std::optional<Credits> credits;
    std::vector<std::string> topics;
    std::optional<bool> approved;
    std::vector<Attachment> files;  // certificates, in the order attached
    nlohmann::json extra = nlohmann::json::object();
    // The decimals `credits` needs ("1.50" is 1.5: 1), checked against each program's precision
    // and written on save. Worked out from the value, so that an entry built in code is saved
    // and counted as it is; a value finer than hundredths needs 3, more than a log can hold,
    // so a program counts it as invalid and reading it back refuses it: never rounded quietly.
    Places credit_places() const;
};

// An entry or credential that could not be read (a bad value, a repeated id): kept exactly
// as it was, so one bad value never costs the rest of the log, and listed for repair.
// It counts for nothing until it is fixed or deleted.
struct Unreadable {
    nlohmann::json original;
    Problems problems;  // pointers relative to the item ("/credits")
    std::string id() const;  // its id if it has a usable one, else ""
};

// A program file the person loaded ("Use a program file..." on the page, an association's own
// credential), kept in the log as written: a backup carries it, so a restored log is evaluated
// as before. Read as a program only when evaluated (programs_with_own).
struct OwnProgram {
    std::string id;
    nlohmann::json file;
};

struct Log {
    std::vector<Credential> credentials;
    std::vector<Entry> entries;
    std::vector<OwnProgram> programs;
    std::vector<Unreadable> unreadable_credentials, unreadable_entries;  // written back after the readable ones
    nlohmann::json extra = nlohmann::json::object();
};

inline constexpr std::string_view log_format = "recert-log";
inline constexpr int log_version = 1;
// Limits that no real log reaches; past them the input is a mistake.
inline constexpr std::int64_t max_minutes = 100'000;
inline constexpr std::size_t max_entries = 200'000;
inline constexpr std::size_t max_text = 2'000;
// The largest log or CSV file the CLI and the page read (32 MiB): a backup of about 100,000
// activities as Recert writes it, or 200,000 short ones. The core's parsers have no size
// limit of their own.
inline constexpr std::size_t max_document_bytes = 32u << 20;

// `log` is set when the document as a whole could be read; entries and credentials that
// could not are then in its unreadable_* lists. `problems` names every problem either way,
// so a strict reader (the CLI) refuses any, and a keeping one (the page) shows them.
struct LogResult {
    std::optional<Log> log;
    Problems problems;
    bool newer_version = false;  // refused because a newer Recert wrote it
};
LogResult parse_log(std::string_view text);
LogResult read_log(const nlohmann::json& doc);
// One entry object; problems are reported at the node's pointer.
std::optional<Entry> read_entry(const Node& n);
// Brings an older version of the document up to the current one; a newer one is refused.
std::optional<nlohmann::json> migrate_log(nlohmann::json doc, Problems& problems, bool* newer = nullptr);

nlohmann::json to_json(const Log& log);
nlohmann::json to_json(const Entry& e);
nlohmann::json to_json(const Credential& c);
nlohmann::json to_json(const Attachment& f);
inline const nlohmann::json& to_json(const OwnProgram& p) { return p.file; }
// The shipped programs with the log's own: one with a shipped program's id takes its place
// (the log's credentials were made against it), the others follow in the log's order. A file
// that no longer reads (a stricter Recert) is left out, its problems given under /programs/N.
std::vector<Program> programs_with_own(const std::vector<Program>& shipped, const Log& log, Problems& problems);
std::string serialize(const Log& log);  // pretty, stable key order

}  // namespace recert
