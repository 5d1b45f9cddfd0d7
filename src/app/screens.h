// The page's screens. Each draws from the app state and changes the log only through apply().
#pragma once
#include "app.h"

namespace recert::app {

void draw_dashboard(App& a, const Credential& c, const CredentialReport& r, const Program& p);
void draw_log(App& a, const Credential* c, const CredentialReport* r);
void draw_welcome(App& a);

void open_entry_form(App& a, const Entry* from, bool duplicate);
// Opens the form on what can be made out of an entry that could not be read; saving it replaces that entry.
void open_entry_repair(App& a, const Unreadable& u);
void open_credential_repair(App& a, const Unreadable& u);
// Removes an unreadable entry or credential (undoable).
void delete_unreadable(App& a, const Unreadable& u);
void draw_entry_form(App& a);
void open_credential_form(App& a, const Credential* from);
void draw_credential_form(App& a);
void draw_transfer_menu(App& a);
// `bytes` as the file holds them; `error` says why the browser could not read it, if it could not.
void open_import(App& a, const std::string& name, const std::string& bytes, const std::string& error);
void draw_import(App& a);
void draw_settings(App& a);

// offline.cpp: keeping the log and Recert itself for use without a connection.
void keep_storage_after_first_credential(const App& a);  // asks the browser to keep the storage
void keep_storage_if_installed(const App& a);            // at the start, when installed
void draw_offline_copy_item(App& a);                     // in the Backup menu
void draw_storage_status(App& a);                        // in Settings

}  // namespace recert::app
