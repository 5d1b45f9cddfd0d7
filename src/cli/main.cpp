// recert: validate program files and logs, and evaluate a log, from the terminal.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "evaluation.h"
#include "log.h"
#include "program.h"
#include "text_report.h"

namespace fs = std::filesystem;
using namespace recert;

namespace {

constexpr const char* usage =
    "usage:\n"
    "  recert validate [--programs DIR] FILE...\n"
    "  recert evaluate --log LOG [--as-of YYYY-MM-DD] [--credential ID] [--programs DIR] [--format json|text]\n";


std::optional<std::string> read_file(const fs::path& path, std::string& error) {
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec) { error = ec.message(); return std::nullopt; }
    if (size > max_document_bytes) { error = "larger than " + std::to_string(max_document_bytes >> 20) + " MB: not a Recert log or program"; return std::nullopt; }
    std::ifstream in(path, std::ios::binary);
    if (!in) { error = "cannot be opened"; return std::nullopt; }
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void report_problems(const std::string& file, const Problems& problems) {
    for (const auto& p : problems) std::cerr << file << ": " << describe(p) << "\n";
}

fs::path default_programs_dir(const char* argv0) {
    std::error_code ec;
    const fs::path beside = fs::weakly_canonical(fs::path(argv0), ec).parent_path() / "programs";
    if (!ec && fs::is_directory(beside)) return beside;
    return RECERT_SOURCE_PROGRAMS;
}

// Loads every program file in dir; false (after naming each problem) if any is broken.
bool load_programs(const fs::path& dir, std::vector<Program>& out) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        std::cerr << dir.string() << ": not a folder of program files\n";
        return false;
    }
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.is_regular_file() && e.path().extension() == ".json" && e.path().filename() != "schema.json") files.push_back(e.path());
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
        Problems problems;
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
                for (const auto& c : evaluate(*programs, *r.log, *today()).credentials)
                    problems.insert(problems.end(), c.problems.begin(), c.problems.end());
            }
            if (r.log) what = "log, " + std::to_string(r.log->credentials.size()) + " credentials, " + std::to_string(r.log->entries.size()) + " entries";
        }
        if (problems.empty()) {
            std::cout << f << ": ok (" << what << ")\n";
        } else {
            report_problems(f, problems);
            status = 1;
        }
    }
    return status;
}


int evaluate_command(const std::vector<std::string>& args, const char* argv0) {
    std::optional<std::string> log_path, credential, programs_dir, as_of_text;
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
        else if (args[i] == "--format") { ok = value(f); if (ok) format = *f; }
        else { std::cerr << "recert evaluate: unknown argument " << args[i] << "\n" << usage; return 2; }
        if (!ok) { std::cerr << "recert evaluate: " << args[i] << " needs a value\n" << usage; return 2; }
    }
    if (!log_path) { std::cerr << "recert evaluate: --log is required\n" << usage; return 2; }
    if (format != "json" && format != "text") { std::cerr << "recert evaluate: --format must be json or text\n"; return 2; }
    auto as_of = as_of_text ? parse_date(*as_of_text) : today();
    if (!as_of) { std::cerr << "recert evaluate: --as-of \"" << *as_of_text << "\" is not a real date written YYYY-MM-DD\n"; return 2; }

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
    const Report report = evaluate(programs, *parsed.log, *as_of, credential);
    if (format == "json") std::cout << to_json(report).dump(2) << "\n";
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
        if (command == "evaluate") return evaluate_command(args, argv[0]);
    } catch (const std::exception& e) {
        // The core does not throw on bad input; this is the last guard against a crash.
        std::cerr << "recert: internal error: " << e.what() << "\n";
        return 1;
    }
    std::cerr << "recert: unknown command " << command << "\n" << usage;
    return 2;
}
