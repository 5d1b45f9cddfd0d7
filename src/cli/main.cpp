// recert: validate program files and logs, evaluate a log and export its dates, from the terminal.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <filesystem>
#include <iostream>

#include "evaluation.h"
#include "format.h"
#include "ics.h"
#include "log.h"
#include "packet.h"
#include "program.h"
#include "text_report.h"

namespace fs = std::filesystem;
using namespace recert;

namespace {

constexpr const char* usage =
    "usage:\n"
    "  recert validate [--programs DIR] FILE...\n"
    "  recert evaluate --log LOG [--as-of YYYY-MM-DD] [--credential ID] [--programs DIR] [--format json|text]\n"
    "  recert calendar --log LOG [--as-of YYYY-MM-DD] [--credential ID] [--programs DIR]\n"
    "  recert packet --log LOG [--credential ID] [--name NAME] [--as-of YYYY-MM-DD] [--programs DIR]\n";


// 33,554,432
std::string with_commas(std::uintmax_t n) {
    std::string s = std::to_string(n);
    for (auto i = s.size(); i > 3; i -= 3) s.insert(i - 3, ",");
    return s;
}

const std::string too_large = "is larger than " + std::to_string(max_document_bytes >> 20) + " MiB (" + with_commas(max_document_bytes) +
                              " bytes): not a Recert log or program";

// Why a path that is not a regular file cannot be read, or nullptr when it is one.
const char* not_a_file(fs::file_type type) {
    switch (type) {
        case fs::file_type::regular: return nullptr;
        case fs::file_type::directory: return "is a folder, not a file";
        case fs::file_type::fifo: return "is a named pipe (FIFO), not a file: recert reads only regular files";
        case fs::file_type::socket: return "is a socket, not a file: recert reads only regular files";
        case fs::file_type::block:
        case fs::file_type::character: return "is a device, not a file: recert reads only regular files";
        default: return "is not a regular file: recert reads only regular files";
    }
}

// Why the file a path names cannot be found: a link that loops or leads nowhere is named as such.
std::string unreachable(const fs::path& path, const std::error_code& status_error) {
    std::error_code ec;
    if (fs::is_symlink(fs::symlink_status(path, ec))) {
        if (status_error == std::errc::too_many_symbolic_link_levels)
            return "is a symbolic link that loops: following it never reaches a file";
        if (status_error == std::errc::no_such_file_or_directory || !status_error) {
            const fs::path target = fs::read_symlink(path, ec);
            return "is a symbolic link to " + (ec ? std::string("a file") : target.string()) + ", which does not exist";
        }
    }
    if (status_error == std::errc::no_such_file_or_directory || !status_error) return "does not exist";
    return "cannot be read: " + status_error.message();
}

// A log or program file's text. Only regular files (links followed) are read, and never more
// than the size limit: a FIFO would block until a writer came and a device can be endless.
std::optional<std::string> read_file(const fs::path& path, std::string& error) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) { error = unreachable(path, ec); return std::nullopt; }
    if (const char* why = not_a_file(status.type())) { error = why; return std::nullopt; }
    // Non-blocking, so that a path swapped for a FIFO since the check cannot make open() wait;
    // fstat then refuses it.
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) { error = "cannot be read: " + std::generic_category().message(errno); return std::nullopt; }
    struct ::stat st {};
    std::string text;
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) error = "is not a regular file: recert reads only regular files";
    else if (static_cast<std::uintmax_t>(st.st_size) > max_document_bytes) error = too_large;
    else {
        // One byte past the limit tells a file that grew since fstat from one that fits.
        text.resize(static_cast<std::size_t>(st.st_size) + 1);
        std::size_t got = 0;
        while (error.empty()) {
            if (got == text.size()) text.resize(std::min(text.size() * 2, max_document_bytes + 1));
            if (got == max_document_bytes + 1) { error = too_large; break; }
            const ::ssize_t n = ::read(fd, text.data() + got, text.size() - got);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) error = "cannot be read: " + std::generic_category().message(errno);
            if (n <= 0) break;
            got += static_cast<std::size_t>(n);
        }
        text.resize(got);
    }
    ::close(fd);
    if (!error.empty()) return std::nullopt;
    return text;
}

void report_problems(const std::string& file, const Problems& problems) {
    for (const auto& p : problems) std::cerr << file << ": " << describe(p) << "\n";
}

fs::path default_programs_dir(const char* argv0) {
    std::error_code ec;
    const fs::path beside = fs::weakly_canonical(fs::path(argv0), ec).parent_path() / "programs";
    if (!ec && fs::is_directory(beside, ec)) return beside;
    return RECERT_SOURCE_PROGRAMS;
}

// Loads every program file in dir; false (after naming each problem) if any is broken.
bool load_programs(const fs::path& dir, std::vector<Program>& out) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        std::cerr << dir.string() << ": not a folder of program files\n";
        return false;
    }
    // Every *.json but the schema, whatever it is: read_file names what is not a readable file.
    std::vector<fs::path> files;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->path().extension() == ".json" && it->path().filename() != "schema.json") files.push_back(it->path());
    if (ec) {
        std::cerr << dir.string() << ": the folder cannot be listed: " << ec.message() << "\n";
        return false;
    }
    std::sort(files.begin(), files.end());
    bool ok = true;
    for (const auto& f : files) {
        std::string error;
        auto text = read_file(f, error);
        if (!text) { std::cerr << f.string() << ": " << error << "\n"; ok = false; continue; }
        auto r = parse_program(*text);
        if (!r.program) { report_problems(f.string(), r.problems); ok = false; continue; }
        if (r.program->id != f.stem().string()) {
            std::cerr << f.string() << ": /id: \"" << r.program->id << "\" must match the file name \"" << f.stem().string() << "\"\n";
            ok = false;
            continue;
        }
        out.push_back(std::move(*r.program));
    }
    return ok;
}

std::optional<Date> today() {
    const auto now = std::chrono::system_clock::now();
    return Date{date::floor<date::days>(now)};
}

int validate(std::vector<std::string> files, const char* argv0) {
    fs::path programs_dir = default_programs_dir(argv0);
    if (files.size() >= 2 && files[0] == "--programs") {
        programs_dir = files[1];
        files.erase(files.begin(), files.begin() + 2);
    }
    if (files.empty()) { std::cerr << usage; return 2; }
    // Logs are also checked against the programs they name: options, dates the cycle needs.
    std::optional<std::vector<Program>> programs;
    int status = 0;
    for (const auto& f : files) {
        std::string error;
        auto text = read_file(f, error);
        if (!text) { std::cerr << f << ": " << error << "\n"; status = 1; continue; }
        Problems problems, warnings;
        auto doc = parse_json(*text, problems);
        std::string what;
        if (doc && doc->is_object() && doc->value("format", "") == program_format) {
            auto r = read_program(*doc);
            problems = r.problems;
            if (r.program && r.program->id != fs::path(f).stem().string())
                problems.push_back({"/id", "\"" + r.program->id + "\" must match the file name \"" + fs::path(f).stem().string() + "\""});
            what = "program";
        } else if (doc) {
            auto r = read_log(*doc);
            problems = r.problems;
            if (r.log && !r.log->credentials.empty()) {
                if (!programs) {
                    programs.emplace();
                    if (!load_programs(programs_dir, *programs)) status = 1;
                }
                // Program files kept in the log are read as its page reads them.
                for (const auto& c : evaluate(programs_with_own(*programs, *r.log, problems), *r.log, *today()).credentials) {
                    problems.insert(problems.end(), c.problems.begin(), c.problems.end());
                    for (std::size_t i = 0; i < c.entries.size(); ++i)
                        for (const auto& w : c.entries[i].warnings)
                            warnings.push_back({w.where, "warning: credential " + c.id + ", entry \"" + r.log->entries[i].id + "\": " + w.what});
                }
            }
            if (r.log)
                what = "log, " + count_of(static_cast<std::int64_t>(r.log->credentials.size()), "credential", "credentials") + ", " +
                       count_of(static_cast<std::int64_t>(r.log->entries.size()), "entry", "entries");
        }
        // Warnings block nothing: the file is still valid.
        report_problems(f, warnings);
        if (!warnings.empty()) what += ", " + count_of(static_cast<std::int64_t>(warnings.size()), "warning", "warnings");
        if (problems.empty()) {
            std::cout << f << ": ok (" << what << ")\n";
        } else {
            report_problems(f, problems);
            status = 1;
        }
    }
    return status;
}


// `evaluate` prints the report; `calendar` its dates as an .ics file; `packet` the renewal packet
// of one credential as the JSON document the page lays out as a PDF (packet.h). They read the
// same options (`--format` is evaluate's alone, `--name` packet's) and refuse the same bad logs.
int report_command(const std::string& command, const std::vector<std::string>& args, const char* argv0) {
    std::optional<std::string> log_path, credential, programs_dir, as_of_text, name;
    std::string format = "json";
    for (std::size_t i = 0; i < args.size(); ++i) {
        auto value = [&](std::optional<std::string>& out) {
            if (i + 1 >= args.size()) return false;
            out = args[++i];
            return true;
        };
        std::optional<std::string> f;
        bool ok = true;
        if (args[i] == "--log") ok = value(log_path);
        else if (args[i] == "--credential") ok = value(credential);
        else if (args[i] == "--programs") ok = value(programs_dir);
        else if (args[i] == "--as-of") ok = value(as_of_text);
        else if (args[i] == "--name" && command == "packet") ok = value(name);
        else if (args[i] == "--format" && command == "evaluate") { ok = value(f); if (ok) format = *f; }
        else { std::cerr << "recert " << command << ": unknown argument " << args[i] << "\n" << usage; return 2; }
        if (!ok) { std::cerr << "recert " << command << ": " << args[i] << " needs a value\n" << usage; return 2; }
    }
    if (!log_path) { std::cerr << "recert " << command << ": --log is required\n" << usage; return 2; }
    if (format != "json" && format != "text") { std::cerr << "recert evaluate: --format must be json or text\n"; return 2; }
    auto as_of = as_of_text ? parse_date(*as_of_text) : today();
    if (!as_of) { std::cerr << "recert " << command << ": --as-of \"" << *as_of_text << "\" is not a real date written YYYY-MM-DD\n"; return 2; }

    std::vector<Program> programs;
    if (!load_programs(programs_dir ? fs::path(*programs_dir) : default_programs_dir(argv0), programs)) return 1;
    std::string error;
    auto text = read_file(*log_path, error);
    if (!text) { std::cerr << *log_path << ": " << error << "\n"; return 1; }
    auto parsed = parse_log(*text);
    // Strict: an entry the page would keep aside for repair stops the CLI, naming it.
    if (!parsed.log || !parsed.problems.empty()) { report_problems(*log_path, parsed.problems); return 1; }
    if (credential && std::none_of(parsed.log->credentials.begin(), parsed.log->credentials.end(),
                                   [&](const Credential& c) { return c.id == *credential; })) {
        std::cerr << *log_path << ": no credential \"" << *credential << "\"\n";
        return 1;
    }
    if (command == "packet" && !credential) {
        if (parsed.log->credentials.size() != 1) {
            std::cerr << "recert packet: the log holds " << parsed.log->credentials.size() << " credentials: name one with --credential\n";
            return 2;
        }
        credential = parsed.log->credentials[0].id;
    }
    Problems own;
    programs = programs_with_own(programs, *parsed.log, own);
    if (!own.empty()) { report_problems(*log_path, own); return 1; }
    const Report report = evaluate(programs, *parsed.log, *as_of, credential);
    if (command == "calendar") std::cout << to_ics(report, programs, *parsed.log);
    else if (command == "packet") {
        const CredentialReport& c = report.credentials.at(0);
        const auto p = std::find_if(programs.begin(), programs.end(), [&](const Program& x) { return x.id == c.program; });
        const auto cred = std::find_if(parsed.log->credentials.begin(), parsed.log->credentials.end(), [&](const Credential& x) { return x.id == c.id; });
        if (c.problems.empty() && p != programs.end())
            std::cout << to_json(make_packet(*p, *cred, parsed.log->entries, c, name.value_or(""), *as_of)).dump(2) << "\n";
    }
    else if (format == "json") std::cout << to_json(report).dump(2) << "\n";
    else std::cout << text_report(report, programs, *parsed.log);
    int status = 0;
    for (const auto& c : report.credentials)
        if (!c.problems.empty()) {
            report_problems(*log_path, c.problems);
            status = 1;
        }
    return status;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) { std::cerr << usage; return 2; }
    if (args[0] == "--help" || args[0] == "-h") { std::cout << usage; return 0; }
    const std::string command = args[0];
    args.erase(args.begin());
    try {
        if (command == "validate") return validate(args, argv[0]);
        if (command == "evaluate" || command == "calendar" || command == "packet") return report_command(command, args, argv[0]);
    } catch (const std::exception& e) {
        // The core does not throw on bad input; this is the last guard against a crash.
        std::cerr << "recert: internal error: " << e.what() << "\n";
        return 1;
    }
    std::cerr << "recert: unknown command " << command << "\n" << usage;
    return 2;
}
