// A report's renewal dates as an iCalendar file (RFC 5545), for any calendar app.
#pragma once
#include <string>
#include <vector>

#include "log.h"
#include "program.h"
#include "report.h"

namespace recert {

// Days before a due date or fee deadline that get a reminder event of their own: calendars such
// as Google's drop the VALARMs of an imported file, so a reminder is an event, not an alarm.
inline constexpr int reminder_days[] = {30, 7};

// One all-day event per deadline of each evaluated credential, and a reminder event 30 and 7
// days before its due date and before the last day of each phase that costs a fee, when that
// day is not already past. UIDs are built from the credential, its cycle and the date's id, so
// importing a newer file updates the events instead of adding copies. CRLF line ends, lines
// folded at 75 octets, text escaped. Credentials that could not be evaluated are left out.
std::string to_ics(const Report& report, const std::vector<Program>& programs, const Log& log);

}  // namespace recert
