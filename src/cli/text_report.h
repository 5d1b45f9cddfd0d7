// The report as a person reads it in a terminal.
#pragma once
#include <string>
#include <vector>

#include "log.h"
#include "program.h"
#include "report.h"

namespace recert {
std::string text_report(const Report& report, const std::vector<Program>& programs, const Log& log);
}
