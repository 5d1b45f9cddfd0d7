// Keeping the log in localStorage, in the recert-log format the backup file also uses.
#pragma once
#include <string>

#include "app.h"
#include "platform.h"

namespace recert::app {

inline constexpr const char* log_key = "recert-log";
inline constexpr const char* settings_key = "recert-settings";

// Loads the stored log into `a`. Text that cannot be read is set aside under another
// key, untouched, and `a.notice` says so: it is never overwritten silently.
void load_stored(App& a);
// Reads the log again after another tab changed it.
void reload_from_other_tab(App& a);
platform::StoreStatus save_log(App& a);
void save_settings(const Settings& s);
Settings load_settings();

}  // namespace recert::app
