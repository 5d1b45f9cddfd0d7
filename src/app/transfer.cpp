// Backups and spreadsheets: export the log as JSON or CSV, import either with a preview.
#include <imgui.h>

#include <cmath>

#include "commands.h"
#include "format.h"
#include "utf8.h"
#include "icons.h"
#include "platform.h"
#include "screens.h"
#include "theme.h"
#include "widgets.h"

namespace recert::app {

void draw_transfer_menu(App& a) {
    const std::string day = to_iso(a.today);
    if (ImGui::MenuItem(ICON_DOWNLOAD "  Back up everything (JSON)")) {
        platform::download("recert-backup-" + day + ".json", "application/json", serialize(a.log) + "\n");
        show_toast(a, "Backup saved to your downloads.");
    }
    track("menu.export-json");
    if (ImGui::MenuItem(ICON_DOWNLOAD "  Export activities (CSV)")) {
        platform::download("recert-activities-" + day + ".csv", "text/csv", to_csv(a.log.entries));
        show_toast(a, "Spreadsheet saved to your downloads.");
    }
    track("menu.export-csv");
    ImGui::Separator();
    ImGui::MenuItem(ICON_UPLOAD "  Import a backup or CSV…");
    if (press_started()) platform::pick_file(".json,.csv,application/json,text/csv");
    track("menu.import");
    draw_offline_copy_item(a);
}

void open_import(App& a, const std::string& name, const std::string& bytes, const std::string& error) {
    ImportPreview im;
    im.open = true;
    im.file_name = name;
    std::string text = bytes;
    if (!error.empty()) {
        im.problems.push_back({name, "the file could not be read: " + error});
    } else if (text.size() > max_document_bytes) {
        im.problems.push_back({name, "is larger than " + std::to_string(max_document_bytes >> 20) +
                                         " MB: this is not a Recert backup or activity list"});
    } else {
        const auto first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
        im.is_csv = first == std::string::npos || text[first] != '{';
        if (im.is_csv && utf8_error_at(text) != std::string_view::npos) {
            // Not UTF-8: most likely Excel on Windows. Offer Windows-1252, showing what it reads as.
            if (auto decoded = platform::decode(text, "windows-1252")) {
                text = std::move(*decoded);
                im.windows_1252 = true;
            }
        }
        if (im.is_csv) {
            CsvImport csv = parse_csv(text);
            im.problems = std::move(csv.problems);
            im.rejected = std::move(csv.rejected);
            if (im.problems.empty()) {
                Log incoming;
                incoming.entries = std::move(csv.entries);
                im.incoming = std::move(incoming);
            }
        } else {
            LogResult r = parse_log(text);
            // Entries that cannot be read come in as they are, listed for repair, as they do from storage.
            if (!r.log) im.problems = std::move(r.problems);
            im.incoming = std::move(r.log);
        }
    }
    a.import = std::move(im);
}

void draw_import(App& a) {
    ImportPreview& im = a.import;
    if (!im.open) return;
    if (!begin_dialog("Import", &im.open, 640)) return;
    const Palette& p = palette();
    ImGui::PushFont(fonts().heading);
    ImGui::Text("Import %s", im.file_name.c_str());
    ImGui::PopFont();
    bool close = false;
    if (!im.problems.empty()) {
        ImGui::TextColored(p.late, ICON_EXCLAMATION_CIRCLE " This file cannot be imported. Nothing was changed.");
        for (const auto& pr : im.problems) ImGui::BulletText("%s", describe(pr).c_str());
        track("import.problem");
        if (ImGui::Button("Close") || ImGui::IsKeyPressed(ImGuiKey_Escape, false)) close = true;
        track("import.close");
    } else if (im.incoming) {
        const Log& in = *im.incoming;
        ImGui::TextWrapped("%s holds %s%s.", im.is_csv ? "This spreadsheet" : "This backup",
                           count_of(static_cast<std::int64_t>(in.entries.size()), "activity", "activities").c_str(),
                           im.is_csv ? "" : (" and " + count_of(static_cast<std::int64_t>(in.credentials.size()), "credential", "credentials")).c_str());
        track("import.summary");
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
        if (ImGui::RadioButton("Merge: add what is new, keep everything already here", !im.replace)) im.replace = false;
        track("import.merge");
        if (ImGui::RadioButton(im.is_csv ? "Replace all my activities with these" : "Replace everything here with this backup", im.replace)) im.replace = true;
        track("import.replace");
        if (im.replace) ImGui::TextColored(p.late, ICON_WARNING " What is here now will be gone (you can undo right after).");
        ImGui::Separator();
        if (primary_button(im.windows_1252 ? ICON_CHECK " Import as Windows-1252" : ICON_CHECK " Import")) {
            a.undo = a.log;
            Log next;
            MergeSummary s;
            if (im.replace) {
                next = im.is_csv ? a.log : in;
                if (im.is_csv) next.entries = in.entries;
            } else {
                next = merge(a.log, in, &s);
            }
            apply(a, std::move(next));
            show_toast(a, im.replace ? "Imported: replaced."
                                     : "Imported " + count_of(static_cast<std::int64_t>(s.added + s.renamed), "new activity", "new activities") + " (" +
                                           std::to_string(s.unchanged) + " already here).");
            close = true;
        }
        track("import.confirm");
        ImGui::SameLine();
        if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape, false)) close = true;
        track("import.cancel");
    }
    if (close) {
        im = ImportPreview{};
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void draw_settings(App& a) {
    if (!a.settings_open) return;
    if (!begin_dialog("Settings", &a.settings_open, 520)) return;
    ImGui::PushFont(fonts().heading);
    ImGui::TextUnformatted("Settings");
    ImGui::PopFont();
    ImGui::TextUnformatted("Theme");
    int theme = static_cast<int>(a.settings.theme);
    bool changed = ImGui::RadioButton("Follow the system", &theme, 0);
    ImGui::SameLine();
    changed |= ImGui::RadioButton("Light", &theme, 1);
    track("settings.light");
    ImGui::SameLine();
    changed |= ImGui::RadioButton("Dark", &theme, 2);
    track("settings.dark");
    a.settings.theme = static_cast<Theme>(theme);
    ImGui::TextUnformatted("Text size");
    const std::pair<const char*, float> sizes[] = {{"Small", 0.9f}, {"Normal", 1.0f}, {"Large", 1.15f}, {"Larger", 1.3f}, {"Largest", 1.5f}};
    for (const auto& [name, value] : sizes) {
        if (ImGui::RadioButton(name, std::abs(a.settings.text_scale - value) < 0.01f)) {
            a.settings.text_scale = value;
            changed = true;
        }
        track(std::string("settings.size.") + name);
        ImGui::SameLine();
    }
    ImGui::NewLine();
    if (changed) save_settings_now(a);

    ImGui::Separator();
    muted("Your log is stored only in this browser. Nothing is sent anywhere.");
    draw_storage_status(a);
    for (std::size_t i = 0; i < a.kept.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        ImGui::TextWrapped("Kept copy of a log that could not be read (%s)%s.", a.kept[i].reason.c_str(), a.kept[i].downloaded ? ", downloaded" : "");
        if (ImGui::Button(ICON_DOWNLOAD " Download it")) download_kept(a, a.kept[i].key);
        track("settings.kept." + std::to_string(i) + ".download");
        ImGui::SameLine();
        const std::string key = a.kept[i].key;
        if (a.confirm_discard != key) {
            if (ImGui::Button(ICON_TRASH " Discard it")) a.confirm_discard = key;
        } else if (danger_button("Yes, discard it for good")) {
            discard_kept(a, key);
        }
        track("settings.kept." + std::to_string(i) + ".discard");
        ImGui::PopID();
        if (a.kept.size() <= i || a.kept[i].key != key) break;  // discarded: the list changed
    }
    if (!a.confirm_wipe) {
        if (danger_button(ICON_TRASH " Delete all my data")) a.confirm_wipe = true;
        track("settings.wipe");
    } else {
        ImGui::TextWrapped("Delete everything Recert stored in this browser: every credential and activity, any kept copies of unreadable logs, "
                           "and these settings? Export a backup first if you may need them.");
        if (danger_button("Yes, delete everything")) {
            wipe_all(a);
            a.confirm_wipe = false;
            a.settings_open = false;
        }
        track("settings.wipe-confirm");
        ImGui::SameLine();
        if (ImGui::Button("Keep my data")) a.confirm_wipe = false;
    }
    ImGui::Separator();
    if (ImGui::Button("Close") || ImGui::IsKeyPressed(ImGuiKey_Escape, false)) a.settings_open = false;
    track("settings.close");
    if (!a.settings_open) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace recert::app
