// The edits a person makes to their log. Each takes a log and returns the new one, so the
// page can save, re-evaluate and undo by keeping the previous value.
#pragma once
#include <optional>
#include <string>

#include "log.h"

namespace recert {

// A fresh id with this prefix that no entry or credential of the log uses ("e17").
std::string next_id(const Log& log, const std::string& prefix);

Log add_entry(Log log, Entry e);             // an empty id gets next_id
// Replace the item with the same id (no-op if absent), keeping the fields this version does not
// know (`extra`) that the edit does not set.
Log edit_entry(Log log, const Entry& e);
Log delete_entry(Log log, const std::string& id);
Log add_credential(Log log, Credential c);   // an empty id gets next_id
Log edit_credential(Log log, const Credential& c);
Log delete_credential(Log log, const std::string& id);
// Records the day a step besides credits (StepRule id) was done, or forgets it (nullopt).
Log set_step(Log log, const std::string& credential, const std::string& step, std::optional<Date> done_on);
// Keeps a program file in the log (OwnProgram), in place of one with its id.
Log keep_program(Log log, OwnProgram p);

struct MergeSummary {
    int added = 0, unchanged = 0, renamed = 0, credentials_added = 0;
};
// Adds what `incoming` has that `base` lacks. An entry whose id is taken by a different
// entry comes in under a new id; an identical one is skipped. Nothing in base changes.
Log merge(Log base, const Log& incoming, MergeSummary* summary = nullptr);

// Carries the changes `ours` made to `base` over onto `theirs`, a newer log another tab
// saved meanwhile: entries and credentials we added, edited or deleted are added,
// replaced or deleted in theirs; everything else of theirs stays. For the same item,
// the later change (ours) wins. An item we edited that theirs deleted stays deleted (a
// deletion in another tab is never undone by a stale edit): its id goes to `dropped`.
Log rebase(const Log& base, const Log& ours, Log theirs, std::vector<std::string>* dropped = nullptr);

}  // namespace recert
