// Helpers the tests share: the shipped programs, and logs written inline.
#pragma once
#include <string>
#include <vector>

#include "evaluation.h"
#include "log.h"
#include "program.h"

namespace recert::test {

// A program file from programs/, parsed; fails the test if it does not parse.
const Program& program(const std::string& id);
const std::vector<Program>& all_programs();
std::string read_text(const std::string& path_from_source_dir);
Log log_from(const std::string& json_text);
Date day(const char* iso);

// One credential of `program` with these entries, evaluated on `as_of`.
CredentialReport evaluate_one(const std::string& program_id, const std::string& credential_json,
                              const std::string& entries_json, const char* as_of);
const RequirementResult& requirement(const CredentialReport& r, const std::string& id);
const EntryResult& entry(const CredentialReport& r, const std::string& id);
const DeadlineResult& deadline(const CredentialReport& r, const std::string& id);

}  // namespace recert::test
