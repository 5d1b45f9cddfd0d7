// evaluate(program, log, as_of) -> report: the whole engine as pure functions.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "log.h"
#include "program.h"
#include "report.h"

namespace recert {

// One credential against its program on a day. Entries dated after `as_of` are planned:
// they count in `projected` only.
CredentialReport evaluate(const Program& program, const Credential& credential, const std::vector<Entry>& entries,
                          Date as_of);
// Every credential of the log (or only `only_credential`), each against its program from `programs`.
Report evaluate(const std::vector<Program>& programs, const Log& log, Date as_of,
                const std::optional<std::string>& only_credential = std::nullopt);

}  // namespace recert
