// Backups and spreadsheets: the Backup menu, the import preview, and Settings. What they do
// is in update.cpp; these only draw and emit actions.
#include <imgui.h>

#include <cmath>

#include "format.h"
#include "icons.h"
#include "screens.h"
#include "theme.h"
#include "widgets.h"

namespace recert::app {

namespace {
// Inside a frame only (App::typed_confirmation): the word to type, as a labelled field.
void type_to_confirm(App& a, const std::string& id, const char* word) {
    if (!a.config.framed) return;
    const std::string label = std::string("To confirm, type ") + word;
    say(label + ". This page is shown inside another site, so Recert asks for more than a click before it erases anything.");
    ImGui::SetNextItemWidth(std::min(px(240), ImGui::GetContentRegionAvail().x));
    text_field(id, label, a.typed_confirmation, word, Input::code);
}

// What a .zip backup's certificates became: kept here, or not, each by its name in the backup.
void draw_archive_restore(const ArchiveRestore& r, const Log& in) {
    if (r.restored)
        say(ICON_PAPERCLIP "  " + count_of(r.restored, "certificate", "certificates") + " from the backup matched " +
            (r.restored == 1 ? "its record and is" : "their records and are") + " now kept in this browser.");
    if (r.not_restored.empty()) return;
    say(ICON_WARNING "  Not restored: " + certificates_in_words(in, r.not_restored) + ". Their activities come in all the same; attach the originals again.",
        palette().risk);
}
}  // namespace

void draw_transfer_menu(App& a) {
    if (ImGui::MenuItem(ICON_DOWNLOAD "  Back up everything (.zip, with certificates)", nullptr, false, a.archive.job == App::Archive::Job::none))
        emit(a, act::BackupEverything{});
    track("menu.export-zip", Role::menuitem);
    if (ImGui::MenuItem(ICON_DOWNLOAD "  Back up the log only (JSON, no certificates)")) emit(a, act::ExportBackup{});
    track("menu.export-json", Role::menuitem);
    if (ImGui::MenuItem(ICON_DOWNLOAD "  Export activities (CSV)")) emit(a, act::ExportCsv{});
    track("menu.export-csv", Role::menuitem);
    ImGui::Separator();
    ImGui::MenuItem(ICON_UPLOAD "  Import a backup (.zip or JSON) or CSV…");
    if (press_started()) emit(a, act::PickFile{});
    track("menu.import", Role::menuitem);
    draw_offline_copy_item(a);
}

void draw_import(App& a) {
    ImportPreview& im = a.import;
    if (!begin_dialog("Import", "Import " + im.file_name, &im.open, 640)) return;
    const Palette& p = palette();
    ImGui::PushFont(fonts().heading);
    ImGui::Text("Import %s", im.file_name.c_str());
    ImGui::PopFont();
    bool close = false;
    if (!im.problems.empty()) {
        // Said, not only drawn: a screen reader reads why, as it reads the rest of the dialog.
        say(ICON_EXCLAMATION_CIRCLE " This file cannot be imported. Nothing was changed.", p.late);
        for (const auto& pr : im.problems) {
            ImGui::Bullet();
            ImGui::SameLine();
            say(describe(pr));
        }
        track("import.problem");
        if (ImGui::Button("Close") || ImGui::IsKeyPressed(ImGuiKey_Escape, false)) close = true;
        track("import.close");
    } else if (im.incoming) {
        const Log& in = *im.incoming;
        say(std::string(im.is_csv ? "This spreadsheet" : "This backup") + " holds " +
            count_of(static_cast<std::int64_t>(in.entries.size()), "activity", "activities") +
            (im.is_csv ? "" : " and " + count_of(static_cast<std::int64_t>(in.credentials.size()), "credential", "credentials")) + ".");
        if (!in.programs.empty()) {
            std::vector<std::string> ids;
            for (const auto& own : in.programs) ids.push_back(own.id);
            say("It carries " + count_of(static_cast<std::int64_t>(ids.size()), "program file", "program files") + " of its own (" +
                list_in_words(ids) + "): a merge keeps any program already here as it is.");
        }
        if (im.archive) draw_archive_restore(*im.archive, in);
        if (im.windows_1252) {
            ImGui::TextColored(p.risk, ICON_WARNING " This file is not in UTF-8. Read as Windows-1252 (what Excel on Windows writes), it begins:");
            for (std::size_t i = 0; i < std::min<std::size_t>(3, in.entries.size()); ++i)
                ImGui::BulletText("%s", in.entries[i].title.c_str());
            muted("If these titles look wrong, cancel and save the spreadsheet as \"CSV UTF-8\".");
            track("import.encoding");
        }
        if (const std::size_t n = in.unreadable_entries.size() + in.unreadable_credentials.size()) {
            ImGui::TextColored(p.risk, ICON_WARNING " %s cannot be read: %s come%s in unchanged and will be listed under Needs repair.",
                               count_of(static_cast<std::int64_t>(n), "item", "items").c_str(), n == 1 ? "it" : "they", n == 1 ? "s" : "");
            track("import.repair");
        }
        if (!im.rejected.empty()) {
            ImGui::TextColored(p.risk, ICON_WARNING " %s will be left out:", count_of(static_cast<std::int64_t>(im.rejected.size()), "row", "rows").c_str());
            ImGui::BeginChild("rejected", ImVec2(0, std::min(px(160), (im.rejected.size() + 1) * ImGui::GetTextLineHeightWithSpacing())), ImGuiChildFlags_Border);
            for (const auto& r : im.rejected) ImGui::TextWrapped("Line %d: %s", static_cast<int>(r.line), r.reason.c_str());
            ImGui::EndChild();
            track("import.rejected");
        }
        ImGui::Spacing();
        ImGui::TextUnformatted("How should it be added?");
        if (wrapped_radio("import.merge", "Merge: add what is new, keep everything already here", !im.replace)) im.replace = false;
        if (wrapped_radio("import.replace", im.is_csv ? "Replace all my activities with these" : "Replace everything here with this backup", im.replace))
            im.replace = true;
        if (im.replace) ImGui::TextColored(p.late, ICON_WARNING " What is here now will be gone (you can undo right after).");
        if (im.replace) type_to_confirm(a, "import.typed", replace_word);
        ImGui::Separator();
        ImGui::BeginDisabled(im.replace && !typed_to_confirm(a, replace_word));
        if (primary_button(im.windows_1252 ? ICON_CHECK " Import as Windows-1252" : ICON_CHECK " Import")) emit(a, act::Import{});
        track("import.confirm");
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape, false)) close = true;
        track("import.cancel");
    }
    if (close) {
        im = ImportPreview{};
        a.typed_confirmation.clear();
    }
    end_dialog();
}

void draw_settings(App& a) {
    if (!begin_dialog("Settings", "Settings", &a.settings_open, 520)) return;
    ImGui::PushFont(fonts().heading);
    ImGui::TextUnformatted("Settings");
    ImGui::PopFont();
    // Each choice a radio group named by the words above it, as a screen reader expects.
    begin_node("settings.theme", Role::radiogroup, "Theme");
    ImGui::TextUnformatted("Theme");
    int theme = static_cast<int>(a.settings.theme);
    bool changed = false;
    const std::pair<const char*, const char*> themes[] = {{"Follow the system", "settings.system"}, {"Light", "settings.light"}, {"Dark", "settings.dark"}};
    for (int t = 0; t < 3; ++t) {
        if (t) ImGui::SameLine();
        changed |= ImGui::RadioButton(themes[t].first, &theme, t);
        track(themes[t].second, Role::radio, theme == t ? State::checked : 0);
    }
    end_node();
    a.settings.theme = static_cast<Theme>(theme);
    begin_node("settings.text-size", Role::radiogroup, "Text size");
    ImGui::TextUnformatted("Text size");
    const std::pair<const char*, float> sizes[] = {{"Small", 0.9f}, {"Normal", 1.0f}, {"Large", 1.15f}, {"Larger", 1.3f}, {"Largest", 1.5f}};
    for (const auto& [name, value] : sizes) {
        if (name != sizes[0].first) ImGui::SameLine();
        if (ImGui::RadioButton(name, std::abs(a.settings.text_scale - value) < 0.01f)) {
            a.settings.text_scale = value;
            changed = true;
        }
        track(std::string("settings.size.") + name, Role::radio, std::abs(a.settings.text_scale - value) < 0.01f ? State::checked : 0);
    }
    end_node();
    // Kept with the settings, not the log: it goes on the packet, not into a backup. Its label
    // shows above it, as Theme's does: a hint goes once something is typed.
    constexpr const char* name_label = "Your name, for the renewal packet";
    ImGui::TextUnformatted(name_label);
    changed |= text_field("settings.name", name_label, a.settings.name, "as your certifying body knows you");
    if (changed) emit(a, act::SaveSettings{});

    ImGui::Separator();
    muted("Your log is stored only in this browser. Nothing is sent anywhere.");
    const std::string last = a.settings.last_backup
                                 ? "Last backup: " + date_in_words(*a.settings.last_backup) + " (" + relative_days(days_between(a.today, *a.settings.last_backup)) + ")."
                                 : "No backup made from this browser yet.";
    say(last);
    draw_storage_status(a);
    for (std::size_t i = 0; i < a.kept.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        ImGui::TextWrapped("Kept copy of a log that could not be read (%s)%s.", a.kept[i].reason.c_str(), a.kept[i].downloaded ? ", downloaded" : "");
        if (ImGui::Button(ICON_DOWNLOAD " Download it")) emit(a, act::DownloadKept{a.kept[i].key});
        track("settings.kept." + std::to_string(i) + ".download");
        ImGui::SameLine();
        const std::string key = a.kept[i].key;
        if (a.confirm_discard != key) {
            if (ImGui::Button(ICON_TRASH " Discard it")) a.confirm_discard = key;
        } else if (danger_button("Yes, discard it for good")) {
            emit(a, act::DiscardKept{key});
        }
        track("settings.kept." + std::to_string(i) + ".discard");
        ImGui::PopID();
    }
    if (!a.confirm_wipe) {
        if (danger_button(ICON_TRASH " Delete all my data")) a.confirm_wipe = true;
        track("settings.wipe");
    } else {
        ImGui::TextWrapped("Delete everything Recert stored in this browser: every credential and activity, the certificates kept with them, any kept copies of unreadable logs, "
                           "and these settings? Export a backup first if you may need them.");
        type_to_confirm(a, "settings.wipe-typed", wipe_word);
        ImGui::BeginDisabled(!typed_to_confirm(a, wipe_word));
        if (danger_button("Yes, delete everything")) emit(a, act::Wipe{});
        track("settings.wipe-confirm");
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (ImGui::Button("Keep my data")) {
            a.confirm_wipe = false;
            a.typed_confirmation.clear();
        }
    }
    ImGui::Separator();
    muted("Writing a program file for your association's credential?");
    if (ImGui::Button("Check a program file\u2026")) emit(a, act::OpenCheck{});
    track("settings.check");
    ImGui::Separator();
    if (ImGui::Button("Close") || ImGui::IsKeyPressed(ImGuiKey_Escape, false)) a.settings_open = false;
    track("settings.close");
    end_dialog();
}

}  // namespace recert::app
