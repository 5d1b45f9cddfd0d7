#include "support.h"

#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

namespace recert::test {

std::string read_text(const std::string& path) {
    std::ifstream in(std::string(RECERT_SOURCE_DIR) + "/" + path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

const std::vector<Program>& all_programs() {
    static const std::vector<Program> programs = [] {
        std::vector<Program> out;
        for (const char* id : {"dmec-clms", "ala-clm-application", "ala-clm-recert", "namss-cpcs", "namss-cpmsm", "namss-dual", "pmi-pmp", "asha-ccc"}) {
            auto r = parse_program(read_text(std::string("programs/") + id + ".json"));
            if (!r.program) throw std::runtime_error(std::string(id) + ": " + describe(r.problems.front()));
            out.push_back(std::move(*r.program));
        }
        return out;
    }();
    return programs;
}

const Program& program(const std::string& id) {
    for (const auto& p : all_programs())
        if (p.id == id) return p;
    throw std::runtime_error("no program " + id);
}

Log log_from(const std::string& text) {
    auto r = parse_log(text);
    if (!r.log) throw std::runtime_error("test log does not parse: " + describe(r.problems.front()));
    return std::move(*r.log);
}

Date day(const char* iso) {
    auto d = parse_date(iso);
    if (!d) throw std::runtime_error(std::string("bad test date ") + iso);
    return *d;
}

CredentialReport evaluate_one(const std::string& program_id, const std::string& credential_json,
                              const std::string& entries_json, const char* as_of) {
    const std::string cred = credential_json.empty() ? "{}" : credential_json;
    nlohmann::json c = nlohmann::json::parse(cred);
    c["id"] = "c1";
    c["program"] = program_id;
    const nlohmann::json doc = {{"format", "recert-log"}, {"version", 1}, {"credentials", {c}},
                                {"entries", nlohmann::json::parse(entries_json.empty() ? "[]" : entries_json)}};
    const Log log = log_from(doc.dump());
    return evaluate(program(program_id), log.credentials.at(0), log.entries, day(as_of));
}

const RequirementResult& requirement(const CredentialReport& r, const std::string& id) {
    for (const auto& q : r.requirements)
        if (q.id == id) return q;
    throw std::runtime_error("report has no requirement " + id);
}

const EntryResult& entry(const CredentialReport& r, const std::string& id) {
    for (const auto& e : r.entries)
        if (e.id == id) return e;
    throw std::runtime_error("report has no entry " + id);
}

const DeadlineResult& deadline(const CredentialReport& r, const std::string& id) {
    for (const auto& d : r.deadlines)
        if (d.id == id) return d;
    throw std::runtime_error("report has no deadline " + id);
}

}  // namespace recert::test
