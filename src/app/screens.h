// The page's screens. Each draws from the app state and changes it only by emitting actions
// (app.h), which update() applies after the frame.
#pragma once
#include "app.h"

namespace recert::app {

void draw_dashboard(App& a, const Credential& c, const CredentialReport& r, const Program& p);
void draw_log(App& a, const Credential* c, const CredentialReport* r);
void draw_welcome(App& a);

void draw_entry_form(App& a);
void draw_certificates(App& a, const std::vector<Attachment>& files, const std::string& node, bool removable);
void draw_credential_form(App& a);
void draw_step_form(App& a);
void draw_program_check(App& a);
void draw_transfer_menu(App& a);
void draw_import(App& a);
void draw_settings(App& a);

// offline.cpp: keeping the log and Recert itself for use without a connection.
void keep_storage_if_installed(const App& a);            // at the start, when installed
void draw_offline_copy_item(App& a);                     // in the Backup menu
void draw_storage_status(App& a);                        // in Settings

}  // namespace recert::app
