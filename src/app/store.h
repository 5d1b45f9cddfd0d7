// Keeping the log in localStorage, in the recert-log format the backup file also uses.
//
// The rules, in the order they are checked before every write (and on another tab's write):
// - what is stored and cannot be read is first copied aside, byte for byte, under its own
//   key, listed in the banner until the person downloads or discards it;
// - a log written by a newer Recert is never written over: this page stops saving;
// - a log another tab saved is adopted, with this tab's unsaved changes carried onto it;
// - a log that disappeared (Delete all in another tab, or cleared site data) stays deleted.
#pragma once
#include <string>

#include "app.h"
#include "platform.h"

namespace recert::app {

inline constexpr const char* log_key = "recert-log";
inline constexpr const char* settings_key = "recert-settings";
inline constexpr const char* kept_prefix = "recert-log.unreadable";
inline constexpr const char* downloaded_key = "recert-log.downloaded";  // kept copies already downloaded

void load_stored(App& a);
// Brings this tab up to date with storage (see the rules above); false if nothing changed.
bool sync_with_storage(App& a);
platform::StoreStatus save_log(App& a);
void save_settings(const Settings& s);
Settings load_settings();
// Removes every key Recert stored; returns how many kept copies went with them.
int remove_everything();

}  // namespace recert::app
