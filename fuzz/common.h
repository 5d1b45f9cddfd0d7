// Shared by the fuzz targets: loading the shipped programs once, and failing loudly.
#pragma once
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "csv.h"
#include "evaluation.h"
#include "log.h"
#include "program.h"

namespace recert::fuzz {

// A broken invariant is a finding: print what broke and abort, so libFuzzer saves the input.
#define FUZZ_CHECK(cond, what)                                                                    \
    do {                                                                                          \
        if (!(cond)) {                                                                            \
            std::fprintf(stderr, "FUZZ_CHECK failed at %s:%d: %s\n  %s\n", __FILE__, __LINE__, #cond, \
                         std::string(what).c_str());                                              \
            std::abort();                                                                         \
        }                                                                                         \
    } while (0)

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "fuzz: cannot read %s\n", path.c_str());
        std::exit(1);
    }
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The eight shipped programs, parsed once.
inline const std::vector<Program>& shipped_programs() {
    static const std::vector<Program> programs = [] {
        std::vector<Program> out;
        for (const char* id : {"dmec-clms", "ala-clm-application", "ala-clm-recert", "namss-cpcs", "namss-cpmsm", "namss-dual", "pmi-pmp", "asha-ccc"}) {
            auto r = parse_program(read_file(std::string(RECERT_SOURCE_DIR) + "/programs/" + id + ".json"));
            if (!r.program) {
                std::fprintf(stderr, "fuzz: %s does not parse: %s\n", id, describe(r.problems.front()).c_str());
                std::exit(1);
            }
            out.push_back(std::move(*r.program));
        }
        return out;
    }();
    return programs;
}

// Days the evaluator is run on: the range's ends, a leap day, the examples' era.
inline const std::vector<Date>& as_of_days() {
    static const std::vector<Date> days = [] {
        std::vector<Date> out;
        for (const char* d : {"1900-01-01", "2020-02-29", "2024-12-31", "2026-11-26", "2031-06-15", "9999-12-31"})
            out.push_back(*parse_date(d));
        return out;
    }();
    return days;
}

// Text the page can hand to JSON: nlohmann refuses to dump invalid UTF-8.
inline bool utf8(const std::string& s) {
    try {
        (void)nlohmann::json(s).dump();
        return true;
    } catch (const nlohmann::json::exception&) {
        return false;
    }
}

// Every problem names where (a JSON pointer or a line) and what.
inline void check_problems(const Problems& problems) {
    for (const auto& p : problems) {
        FUZZ_CHECK(!p.where.empty() && !p.what.empty(), describe(p));
        FUZZ_CHECK(p.where[0] == '/' || p.where.rfind("line ", 0) == 0, describe(p));
        FUZZ_CHECK(utf8(p.where) && utf8(p.what), "a message is valid UTF-8 (the page serialises it): " + describe(p));
    }
}

// An entry as the CSV carries it: everything but the fields the CSV has no column for, and
// control characters in its texts as the pictures the CSV shows instead.
inline nlohmann::json csv_view(const Entry& e) {
    Entry shown = e;
    for (std::string* text : {&shown.title, &shown.provider, &shown.code, &shown.notes}) *text = spreadsheet_text(*text);
    nlohmann::json j = to_json(shown);
    for (auto it = e.extra.begin(); it != e.extra.end(); ++it) j.erase(it.key());
    return j;
}

}  // namespace recert::fuzz
