// The page: GLFW + WebGL2 + Dear ImGui around the Recert core. The browser calls
// recert_start once the wasm, fonts and program files are loaded (web/boot.js).
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cfloat>
#include <cstdint>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "app.h"
#include "format.h"
#include "glyphs.h"
#include "icons.h"
#include "platform.h"
#include "screens.h"
#include "store.h"
#include "theme.h"
#include "widgets.h"

using namespace recert;
using namespace recert::app;

namespace {

struct Shell {
    GLFWwindow* window = nullptr;
    App app;
    FontData fonts;
    float dpr = 0, scale = 0;
    bool dark = false, themed = false;
    int width = 0, height = 0;
    int frames_left = 0;  // frames still to draw before going idle
    bool paused = false;
    bool semantics_off = false;  // test mode only: to measure what the layer costs
    std::string clipboard;
    std::string report_json, log_json, widgets_json, glyphs_json, config_json, programs_json;  // kept alive for the JS interface
    GLuint logo = 0;  // a host's logo (site option `logo`), once boot.js has drawn it
    float logo_aspect = 1;
    int told_height = 0;  // the content height last posted to a host's frame
    int noted_revision = -1;  // the log's characters were last noted at this revision
};

Shell* shell = nullptr;

// ImGui needs a few frames after an input to settle hover and focus; then the page idles.
constexpr int frames_after_input = 30;

void wake() {
    if (!shell) return;
    shell->frames_left = frames_after_input;
    if (shell->paused) {
        shell->paused = false;
        emscripten_resume_main_loop();
    }
}

std::string hex(const ImVec4& c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", static_cast<int>(c.x * 255 + 0.5f), static_cast<int>(c.y * 255 + 0.5f),
                  static_cast<int>(c.z * 255 + 0.5f));
    return buf;
}

void sync_size_and_theme() {
    Shell& s = *shell;
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    const float dpr = static_cast<float>(emscripten_get_device_pixel_ratio());
    const int w = std::max(1, static_cast<int>(std::lround(css_w * dpr)));
    const int h = std::max(1, static_cast<int>(std::lround(css_h * dpr)));
    if (w != s.width || h != s.height) {
        // Set the canvas backing store directly: glfwSetWindowSize would request fullscreen
        // whenever the size equals the screen's (library_glfw.js in Emscripten 3.1.6).
        emscripten_set_canvas_element_size("#canvas", w, h);
        s.width = w;
        s.height = h;
    }
    const bool dark = s.app.settings.theme == Theme::dark || (s.app.settings.theme == Theme::system && platform::prefers_dark());
    if (!s.themed || dpr != s.dpr || s.app.settings.text_scale != s.scale || dark != s.dark || atlas_outdated()) {
        s.dpr = dpr;
        s.scale = s.app.settings.text_scale;
        s.dark = dark;
        s.themed = true;
        const double start = emscripten_get_now();
        apply_theme(s.fonts, dpr, s.scale, dark, s.app.config.accent);
        atlas_rebuilt(emscripten_get_now() - start);
        const Palette& p = palette();
        platform::semantic_colors(hex(p.surface), hex(p.text), hex(p.focus));
    }
}

void draw_header(App& a) {
    const Palette& p = palette();
    const SiteConfig& site = a.config;
    // Embedded, the host's page is the frame: one compact line, the host's name in it.
    ImGui::PushFont(site.embed ? fonts().bold : fonts().heading);
    const float line = ImGui::GetTextLineHeight();
    if (shell->logo) {
        ImGui::Image(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(shell->logo)), ImVec2(line * 1.25f * shell->logo_aspect, line * 1.25f));
        track("logo", Role::img);
        name_last(site.org.empty() ? "Logo" : site.org + " logo");
    } else {
        if (site.embed) ImGui::AlignTextToFramePadding();  // level with the buttons beside it
        ImGui::TextColored(p.primary, ICON_CALENDAR_CHECK);
    }
    ImGui::SameLine();
    const std::string title = site.org.empty() ? "Recert" : "Recert for " + site.org;
    if (site.embed) ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(title.c_str());
    semantic_heading("heading.app", title, 1);  // the page's one level-one heading
    ImGui::PopFont();
    const float right = ImGui::GetContentRegionMax().x;
    if (!site.embed && right > px(620) + ImGui::CalcTextSize(title.c_str()).x - ImGui::CalcTextSize("Recert").x) {
        ImGui::SameLine();
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + px(4));
        ImGui::TextColored(p.muted, "Certification renewal planner");
    }
    const float buttons = ImGui::CalcTextSize(ICON_DOWNLOAD " Backup").x + ImGui::CalcTextSize(ICON_COG).x + ImGui::GetStyle().FramePadding.x * 4 +
                          ImGui::GetStyle().ItemSpacing.x * 2;
    ImGui::SameLine(right - buttons);
    if (ImGui::Button(ICON_DOWNLOAD " Backup")) ImGui::OpenPopup("transfer");
    track("backup");
    opens_popup("menu.transfer", Role::menu, ImGui::IsPopupOpen("transfer"));
    if (begin_menu("transfer", "menu.transfer", "Backup")) {
        draw_transfer_menu(a);
        end_menu();
    }
    ImGui::SameLine();
    if (ImGui::Button(ICON_COG)) a.settings_open = true;
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) ImGui::SetTooltip("Settings");
    track("settings");
    name_last("Settings");
}

// "Back up now": everything in one .zip once the log names certificates, else its JSON.
Action back_up_now(const App& a) {
    if (certificates_named(a.log).first > 0) return act::BackupEverything{};
    return act::ExportBackup{};
}

// "Last backup: 94 days ago": gentle, one line, with the backup one press away.
void draw_backup_nudge(App& a) {
    const auto text = backup_nudge(a);
    if (!text) return;
    const Palette& p = palette();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, mix(p.surface, p.primary, 0.08f));
    ImGui::BeginChild("backup-nudge", ImVec2(0, 0), ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding);
    const std::string line = ICON_INFO "  " + *text;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float buttons = ImGui::CalcTextSize(ICON_DOWNLOAD " Back up now" "Not now").x + style.FramePadding.x * 4 + style.ItemSpacing.x * 3;
    ImGui::AlignTextToFramePadding();
    ImGui::TextWrapped("%s", line.c_str());
    semantic_text("backup-nudge.text", *text);
    // The buttons beside the text where both fit (a desktop), under it otherwise (a phone).
    if (ImGui::CalcTextSize(line.c_str()).x + buttons < ImGui::GetContentRegionAvail().x) ImGui::SameLine();
    if (ImGui::Button(ICON_DOWNLOAD " Back up now")) emit(a, back_up_now(a));
    track("backup-nudge.backup");
    ImGui::SameLine();
    if (ImGui::Button("Not now")) emit(a, act::QuietBackupNudge{});
    track("backup-nudge.quiet");
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

// What the person must know about their stored data, each with what they can do about it.
void draw_banner(App& a) {
    const bool repair = !a.log.unreadable_entries.empty() || !a.log.unreadable_credentials.empty();
    const bool kept = std::any_of(a.kept.begin(), a.kept.end(), [](const KeptCopy& k) { return !k.downloaded; });
    const bool framed_notice = a.config.framed && !a.settings.embed_notice_seen;
    if (a.trouble == Trouble::none && !kept && !repair && a.program_errors.empty() && a.own_program_errors.empty() && !framed_notice) return;
    const Palette& p = palette();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, mix(p.surface, p.risk, 0.12f));
    ImGui::PushStyleColor(ImGuiCol_Border, p.risk);
    ImGui::BeginChild("banner", ImVec2(0, 0), ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding);
    auto say = [](const std::string& text, const char* id = "notice") {
        ImGui::TextWrapped(ICON_WARNING "  %s", text.c_str());
        semantic_text(id, text, Role::alert);
    };
    switch (a.trouble) {
        case Trouble::none: break;
        case Trouble::full:
            say("This browser's storage is full, so your latest change is not saved yet. It is kept while this page is open: export a backup now.");
            break;
        case Trouble::blocked:
            say("This browser does not let the page store data (private mode or blocked storage). Your changes last only while this page is "
                "open: export a backup to keep them.");
            break;
        case Trouble::newer_log:
            say("Your log was saved by a newer version of Recert (in another tab, or after an update). This page is older, so it saves "
                "nothing over it: reload to use the newer version.");
            if (ImGui::Button(ICON_UNDO " Reload the page")) emit(a, act::Reload{});
            track("reload");
            if (!a.log.credentials.empty() || !a.log.entries.empty()) {
                ImGui::SameLine();
                if (ImGui::Button(ICON_DOWNLOAD " Download what this page shows")) emit(a, act::ExportBackup{});
                track("download-unsaved");
            }
            break;
        case Trouble::held:
            say("The log stored in this browser cannot be read, and there is no room to keep a copy of it, so nothing is saved over it. "
                "Download it, then discard it to start saving again.");
            break;
    }
    for (std::size_t i = 0; i < a.kept.size(); ++i) {
        const KeptCopy& k = a.kept[i];
        if (k.downloaded) continue;
        ImGui::PushID(static_cast<int>(i));
        say("A log stored in this browser could not be read (" + k.reason + "). It is kept, unchanged.");
        if (ImGui::Button(ICON_DOWNLOAD " Download it")) emit(a, act::DownloadKept{k.key});
        track("kept." + std::to_string(i) + ".download");
        ImGui::SameLine();
        if (a.confirm_discard != k.key) {
            if (ImGui::Button(ICON_TRASH " Discard it")) a.confirm_discard = k.key;
            track("kept." + std::to_string(i) + ".discard");
        } else {
            if (danger_button("Yes, discard it for good")) emit(a, act::DiscardKept{k.key});
            track("kept." + std::to_string(i) + ".discard-confirm");
            ImGui::SameLine();
            if (ImGui::Button("Keep it")) a.confirm_discard.clear();
        }
        ImGui::PopID();
        break;  // one at a time: the next shows once this one is dealt with
    }
    if (repair) {
        const std::size_t n = a.log.unreadable_entries.size() + a.log.unreadable_credentials.size();
        say("Needs repair: " + count_of(static_cast<std::int64_t>(n), "item of your log", "items of your log") + " could not be read. " +
                (n == 1 ? "It is kept exactly as it was, and counts" : "They are kept exactly as they were, and count") + " for nothing until fixed.",
            "repair");
        const float h = std::min<float>(px(180), static_cast<float>(n) * (ImGui::GetTextLineHeightWithSpacing() + ImGui::GetFrameHeightWithSpacing()));
        ImGui::BeginChild("repair-list", ImVec2(0, h), ImGuiChildFlags_None, ImGuiWindowFlags_NoBackground);
        auto row = [&](const Unreadable& u, const char* kind, bool entry, std::size_t index) {
            const std::string id = u.id().empty() ? "(no id)" : u.id();
            // Widget ids from the list and position: the copies below move every frame.
            ImGui::PushID(entry ? "entry" : "credential");
            ImGui::PushID(static_cast<int>(index));
            const std::string title = u.original.is_object() && u.original.value("title", nlohmann::json()).is_string()
                                          ? u.original["title"].get<std::string>() : std::string(kind) + " " + id;
            // The field's name, not a pointer: "credits: ..." reads as the form does.
            const Problem first = u.problems.empty() ? Problem{} : u.problems.front();
            ImGui::TextWrapped("%s: %s%s%s", title.c_str(), first.where.substr(first.where.empty() ? 0 : 1).c_str(), first.where.size() > 1 ? " " : "",
                               first.what.c_str());
            if (ImGui::SmallButton(ICON_PENCIL " Fix")) entry ? emit(a, act::RepairEntry{u.original}) : emit(a, act::RepairCredential{u.original});
            track("repair." + id + ".fix");
            ImGui::SameLine();
            if (ImGui::SmallButton(ICON_TRASH " Delete")) emit(a, act::DeleteUnreadable{u.original});
            track("repair." + id + ".delete");
            ImGui::PopID();
            ImGui::PopID();
        };
        const auto& entries = a.log.unreadable_entries;
        const auto& credentials = a.log.unreadable_credentials;
        for (std::size_t i = 0; i < credentials.size(); ++i) row(credentials[i], "Credential", false, i);
        for (std::size_t i = 0; i < entries.size(); ++i) row(entries[i], "Activity", true, i);
        ImGui::EndChild();
    }
    for (const auto& e : a.program_errors) say("A program file could not be read: " + e);
    for (const auto& e : a.own_program_errors) say("A program file kept with your log could not be read: " + e);
    if (framed_notice) {
        // Browsers keep a framed page's storage apart for each site that embeds it, and may
        // clear it sooner than a site's own: the person must know before they rely on it.
        const std::string host = platform::host_site();
        say("Your log here is kept in this browser for " + (host.empty() ? std::string("the site you are on") : host) +
                " only, separate from Recert opened on its own or on another site, and the browser may clear it with that "
                "site's data. Back it up now and then; a backup restores anywhere.",
            "embed-notice");
        if (ImGui::Button(ICON_DOWNLOAD " Back up now")) emit(a, back_up_now(a));
        track("embed-notice.backup");
        const bool narrow = ImGui::GetContentRegionAvail().x < px(560);  // a phone: one button a line
        if (platform::offline_copy_available()) {
            if (!narrow) ImGui::SameLine();
            if (ImGui::Button(ICON_DOWNLOAD " Download Recert to use offline")) platform::download_offline_copy();
            track("embed-notice.offline");
        }
        if (!narrow) ImGui::SameLine();
        if (ImGui::Button(ICON_CHECK " Got it")) emit(a, act::SeenEmbedNotice{});
        track("embed-notice.seen");
    }
    ImGui::EndChild();
    ImGui::PopStyleColor(2);
}

// The height kept free at the bottom for a message while one shows: the page's content ends
// above it and scrolls there, so a message never covers what the person is reading.
float toast_band(App& a) {
    if (a.archive.job != App::Archive::Job::none) return ImGui::GetFrameHeight() * 2 + px(24) + px(16);
    if (a.toast.empty() || platform::now_seconds() > a.toast_until) {
        a.toast.clear();
        return 0;
    }
    return ImGui::GetFrameHeight() + px(24) + px(16);
}

void draw_toast(App& a) {
    const float band = toast_band(a);
    if (band == 0) return;
    const ImVec2 vp = ImGui::GetMainViewport()->Size;
    ImGui::SetNextWindowPos(ImVec2(vp.x / 2, vp.y - band / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, palette().text);
    ImGui::PushStyleColor(ImGuiCol_Text, palette().bg);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(px(18), px(12)));
    ImGui::Begin("toast", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing |
                                     ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoSavedSettings);
    if (a.archive.job != App::Archive::Job::none) {
        // A large backup takes a while: its bar, in place of messages, until it is done.
        const auto& job = a.archive;
        const std::string what = job.job == App::Archive::Job::writing ? "Backing up everything" : "Restoring the backup's certificates";
        const std::string figures = file_size(job.done) + " of " + file_size(job.total);
        ImGui::TextUnformatted((what + ": " + figures).c_str());
        semantic_text("archive.text", what + ": " + figures, Role::status);
        ImGui::Dummy(ImVec2(std::min(px(360), vp.x - px(60)), 0));
        progress_bar(job.total > 0 ? static_cast<float>(static_cast<double>(job.done) / static_cast<double>(job.total)) : 0.f, 0,
                     palette().primary, px(8));
        track("archive.bar");
        progress_last(what, static_cast<double>(job.done), static_cast<double>(std::max<std::int64_t>(job.total, 1)), figures);
        ImGui::End();
        ImGui::PopStyleVar();
        ImGui::PopStyleColor(2);
        return;
    }
    ImGui::TextUnformatted(a.toast.c_str());
    semantic_text("toast", a.toast, Role::status);
    // The last change can be undone from its message; once undone, it can be redone.
    auto offer = [&](const char* label, const char* name, Action action) {
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, palette().text);
        ImGui::PushStyleColor(ImGuiCol_Button, palette().bg);
        if (ImGui::SmallButton(label)) emit(a, std::move(action));
        ImGui::PopStyleColor(2);
        track(name);
    };
    if (!a.undo.empty()) offer(ICON_UNDO " Undo", "undo", act::Undo{});
    if (!a.redo.empty()) offer(ICON_REDO " Redo", "redo", act::Redo{});
    // A message with a button stays while the pointer is on it, and starts again when the
    // keyboard reaches its button: time to read it and to undo, however slowly (WCAG 2.2.1).
    const double now = platform::now_seconds();
    if (ImGui::IsWindowHovered()) a.toast_until = std::max(a.toast_until, now + 1);
    if (const auto moved = focus_moved(); moved && (*moved == "undo" || *moved == "redo")) a.toast_until = now + toast_seconds;
    ImGui::End();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
}

void draw_main(App& a) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(ImVec2(vp->Size.x, vp->Size.y - toast_band(a)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(px(24), px(16)));
    ImGui::Begin("Recert", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                        ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::PopStyleVar();
    // Ctrl+Z, and Ctrl+Shift+Z or Ctrl+Y, as in any editor, when no text field or dialog has
    // the keys (a text field undoes its typing).
    const ImGuiIO& io = ImGui::GetIO();
    const bool dialog = a.entry_form.open || a.credential_form.open || a.import.open || a.settings_open || a.step_form.open || a.check.open;
    if ((io.KeyCtrl || io.KeySuper) && !io.WantTextInput && !dialog) {
        if (ImGui::IsKeyPressed(ImGuiKey_Z, false)) emit(a, io.KeyShift ? Action{act::Redo{}} : Action{act::Undo{}});
        else if (ImGui::IsKeyPressed(ImGuiKey_Y, false)) emit(a, act::Redo{});
    }
    draw_header(a);
    draw_banner(a);
    draw_backup_nudge(a);

    if (a.log.credentials.empty()) {
        draw_welcome(a);
        content_ends_here();
    } else {
        // One tab per credential; one log feeds them all.
        if (ImGui::BeginTabBar("credentials", ImGuiTabBarFlags_FittingPolicyScroll)) {
            begin_tablist("tabs.credentials", "Credentials");
            for (std::size_t i = 0; i < a.log.credentials.size(); ++i) {
                const Credential& c = a.log.credentials[i];
                const Program* p = program_of(a, c);
                const std::string name = (c.label.empty() ? (p ? p->name : c.program) : c.label) + "##" + c.id;
                const bool shown = ImGui::BeginTabItem(name.c_str());
                if (shown) {
                    a.active = static_cast<int>(i);
                    ImGui::EndTabItem();
                }
                track("tab." + c.id, Role::tab, shown ? State::selected : 0);
            }
            end_tablist();  // a tablist holds only tabs
            if (ImGui::TabItemButton(ICON_PLUS " Add credential", ImGuiTabItemFlags_Trailing)) emit(a, act::NewCredential{});
            track("add-credential");
            ImGui::EndTabBar();
        }
        const Credential& c = a.log.credentials[static_cast<std::size_t>(a.active)];
        const CredentialReport* r = nullptr;
        for (const auto& cr : a.report.credentials)
            if (cr.id == c.id) r = &cr;
        const Program* p = program_of(a, c);
        const float avail = ImGui::GetContentRegionAvail().x;
        const bool wide = avail > px(1000);
        auto dashboard = [&] {
            if (p && r) {
                draw_dashboard(a, c, *r, *p);
                if (ImGui::Button(ICON_PENCIL " Edit credential")) emit(a, act::OpenCredential{c.id});
                track("edit-credential");
            } else {
                ImGui::TextColored(palette().late, ICON_EXCLAMATION_CIRCLE " Needs repair: no program \"%s\" is loaded. The credential is kept "
                                   "as it is; choose its program again, or remove it.", c.program.c_str());
                track("repair.credential");
                if (ImGui::Button(ICON_PENCIL " Edit credential")) emit(a, act::OpenCredential{c.id});
                track("edit-credential");
            }
        };
        if (wide) {
            ImGui::BeginChild("left", ImVec2(avail * 0.42f, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NoBackground);
            dashboard();
            content_ends_here();
            ImGui::EndChild();
            ImGui::SameLine(0, px(20));
            ImGui::BeginChild("right", ImVec2(0, 0), ImGuiChildFlags_Border | ImGuiChildFlags_AlwaysUseWindowPadding);
            draw_log(a, &c, r);
            ImGui::EndChild();
            a.open_activities = false;  // beside the dashboard already
        } else if (ImGui::BeginTabBar("narrow")) {
            // Each tab named right after it is drawn: its content's items come next.
            begin_tablist("tabs.narrow", "Show");
            const bool stand = ImGui::BeginTabItem("Where I stand");
            track("tab.dashboard", Role::tab, stand ? State::selected : 0);
            end_tablist();
            if (stand) {
                ImGui::BeginChild("left", ImVec2(0, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NoBackground);
                dashboard();
                content_ends_here();
                ImGui::EndChild();
                ImGui::EndTabItem();
            }
            begin_tablist("tabs.narrow", "Show");
            const bool activities = ImGui::BeginTabItem("Activities", nullptr, a.open_activities ? ImGuiTabItemFlags_SetSelected : 0);
            a.open_activities = false;
            track("tab.activities", Role::tab, activities ? State::selected : 0);
            end_tablist();
            if (activities) {
                draw_log(a, &c, r);
                ImGui::EndTabItem();
            }
            ImGui::EndTabBar();
        }
    }
    ImGui::End();
    draw_entry_form(a);
    draw_credential_form(a);
    draw_step_form(a);
    draw_program_check(a);
    draw_import(a);
    draw_settings(a);
    draw_toast(a);
}

// In a host's frame, the height the content wants, so the frame can fit it (embed.js): never so
// low that a dialog has no room, nor so high that a long log makes a canvas of ten screens.
void tell_height(Shell& s) {
    if (!s.app.config.framed) return;
    constexpr float least = 560, most = 2400;  // CSS pixels
    const float bottom = content_end() + ImGui::GetStyle().WindowPadding.y + toast_band(s.app);
    const int css = static_cast<int>(std::lround(std::clamp(bottom / s.dpr, least, most)));
    if (std::abs(css - s.told_height) < 2) return;
    s.told_height = css;
    platform::content_height(css);
}

// Every text of the log, for the atlas to hold its characters before a row shows them.
void note_log(const Log& log) {
    for (const Credential& c : log.credentials) note_text(c.label);
    for (const Entry& e : log.entries) {
        for (const std::string* t : {&e.title, &e.provider, &e.code, &e.notes}) note_text(*t);
        for (const std::string& t : e.topics) note_text(t);
    }
}

void frame() {
    Shell& s = *shell;
    if (s.noted_revision != s.app.revision) {
        note_log(s.app.log);
        s.noted_revision = s.app.revision;
    }
    sync_size_and_theme();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(s.width), static_cast<float>(s.height));
    io.DisplayFramebufferScale = ImVec2(1, 1);
    ImGui::NewFrame();
    begin_tracking(s.app.test_mode, s.dpr);
    draw_main(s.app);
    tell_height(s);
    run_pending(s.app);
    if (s.semantics_off) {
        semantics().requests.clear();
    } else {
        // Only a tree that changed reaches the DOM: an unchanged frame costs no DOM work.
        if (const SemanticPatch patch = end_semantics(); !patch.empty()) {
            // What the tree newly shows (labels, what is typed into a field) is what the canvas draws.
            for (const SemanticNode& n : patch.upsert)
                for (const std::string* t : {&n.name, &n.value, &n.description}) note_text(*t);
            platform::publish_semantics(to_json(patch));
        }
        if (!semantics().focus.empty()) {
            platform::focus_semantic(semantics().focus);  // its element exists now
            semantics().focus.clear();
        }
    }
    if (const auto wanted = take_requests(); !wanted.empty()) platform::request_glyphs(wanted);
    ImGui::Render();
    glViewport(0, 0, s.width, s.height);
    const ImVec4 bg = palette().bg;
    glClearColor(bg.x, bg.y, bg.z, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (s.app.test_mode) s.widgets_json = tracked_json();
    // Idle: stop drawing until the next input, or until a toast has to disappear. Characters
    // just met are drawn once the next frame has rebuilt the atlas.
    if (atlas_outdated()) s.frames_left = std::max(s.frames_left, 2);
    if (--s.frames_left > 0) return;
    s.paused = true;
    emscripten_pause_main_loop();
    if (!s.app.toast.empty()) {
        const double wait_ms = std::max(50.0, (s.app.toast_until - platform::now_seconds()) * 1000 + 50);
        emscripten_set_timeout([](void*) { wake(); }, wait_ms, nullptr);
    }
}

void load_programs(App& a, const char* programs_json) {
    Problems problems;
    const auto list = parse_json(programs_json ? programs_json : "[]", problems);
    if (!list || !list->is_array()) {
        a.program_errors.push_back("the list of programs could not be read");
        return;
    }
    for (const auto& item : *list) {
        if (!item.is_object() || !item.contains("text") || !item["text"].is_string()) continue;
        const std::string file = item.value("file", "?");
        const auto doc = parse_json(item["text"].get<std::string>(), problems);
        auto r = doc ? read_program(*doc) : ProgramResult{std::nullopt, problems};
        problems.clear();
        if (!r.program) {
            a.program_errors.push_back(file + ": " + describe(r.problems.front()));
            continue;
        }
        a.shipped_files[r.program->id] = *doc;
        a.shipped.push_back(std::move(*r.program));
    }
    std::stable_sort(a.shipped.begin(), a.shipped.end(), [](const Program& x, const Program& y) { return x.name < y.name; });
    a.programs = a.shipped;  // until the log's own join them, at the first evaluation
}

std::vector<unsigned char> take(unsigned char* p, int n) {
    std::vector<unsigned char> v;
    if (p && n > 0) v.assign(p, p + n);
    std::free(p);
    return v;
}

const char* set_clipboard_none(void*) { return ""; }
// The wheel, as Dear ImGui's backend reads it (100 pixels, 3 lines or 1/80 page a step), but
// from the canvas: the backend listens on the document, where Chrome makes wheel listeners
// passive, so its preventDefault logged "Unable to preventDefault inside passive event
// listener" on every scroll.
EM_BOOL on_wheel(int, const EmscriptenWheelEvent* ev, void*) {
    const float step = ev->deltaMode == DOM_DELTA_PIXEL ? 1.0f / 100 : ev->deltaMode == DOM_DELTA_LINE ? 1.0f / 3 : 80.0f;
    ImGui::GetIO().AddMouseWheelEvent(static_cast<float>(ev->deltaX) * -step, static_cast<float>(ev->deltaY) * -step);
    return EM_TRUE;  // the canvas scrolls its own content, not the page
}

void set_clipboard(void*, const char* text) { platform::clipboard_write(text); }

// A host's options as boot.js gathered them: {site: site.json or null, url: {key: value},
// framed, origin}. config.h decides what they mean.
void load_config(App& a, const char* options_json) {
    Problems problems;
    const auto j = parse_json(options_json ? options_json : "{}", problems);
    if (!j || !j->is_object()) return;
    const auto r = read_config(j->value("site", nlohmann::json()), j->value("url", nlohmann::json::object()), j->value("framed", false),
                               j->value("origin", std::string()), a.programs);
    a.config = r.config;
    for (const auto& w : r.warnings) platform::warn(w);
}

// "sha256\treason" lines (app.h's archive_reasons), as the .zip backup's JavaScript lists them.
std::vector<std::pair<std::string, std::string>> reason_lines(const char* text) {
    std::vector<std::pair<std::string, std::string>> out;
    std::string_view all = text ? text : "";
    for (std::size_t at = 0; at < all.size();) {
        const auto end = std::min(all.find('\n', at), all.size());
        const std::string_view line = all.substr(at, end - at);
        if (const auto tab = line.find('\t'); tab != std::string_view::npos) out.emplace_back(line.substr(0, tab), line.substr(tab + 1));
        at = end + 1;
    }
    return out;
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void recert_start(const char* programs_json, unsigned char* regular, int regular_len, unsigned char* semibold,
                                       int semibold_len, unsigned char* icons, int icons_len, int test_mode, const char* options_json) {
    if (shell) return;
    shell = new Shell;
    Shell& s = *shell;
    s.fonts = {take(regular, regular_len), take(semibold, semibold_len), take(icons, icons_len)};
    set_primary_font(s.fonts.regular);
    App& a = s.app;
    a.test_mode = test_mode != 0;
    a.today = platform::today();
    load_programs(a, programs_json);
    load_config(a, options_json);
    a.check.open = a.config.check;
    a.settings = load_settings();
    load_stored(a);
    evaluate_now(a);
    keep_storage_if_installed(a);
    platform::list_certificates();  // which are missing shows once the browser answers
    platform::accept_dropped_certificates(max_certificate_bytes);

    if (!glfwInit()) return;
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    s.window = glfwCreateWindow(1280, 800, "Recert", nullptr, nullptr);
    if (!s.window) return;
    glfwMakeContextCurrent(s.window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is fixed; nothing to remember
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.ConfigInputTextCursorBlink = false;  // a blinking caret would keep the page drawing
    // Text is typed and pasted into the semantic tree's real inputs, never into ImGui's.
    io.GetClipboardTextFn = set_clipboard_none;
    io.SetClipboardTextFn = set_clipboard;
    ImGui::GetCurrentContext()->TestEngineHookItems = true;  // the semantic tree's source (widgets.cpp)
    ImGui_ImplGlfw_InitForOpenGL(s.window, true);
    emscripten_set_wheel_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, false, nullptr);
    emscripten_set_wheel_callback("#canvas", nullptr, false, on_wheel);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    s.frames_left = frames_after_input;
    emscripten_set_main_loop(frame, 0, false);
}

EMSCRIPTEN_KEEPALIVE void recert_wake() { wake(); }

// A fallback font the browser fetched after request_glyphs, and its semibold (or none).
EMSCRIPTEN_KEEPALIVE void recert_fallback_font(unsigned char* regular, int regular_len, unsigned char* semibold, int semibold_len) {
    FallbackFont font{take(regular, regular_len), take(semibold, semibold_len)};
    if (!shell) return;
    add_fallback_font(std::move(font));
    wake();
}

// Test mode: how the page's fonts draw each character of `text` (glyphs.h).
EMSCRIPTEN_KEEPALIVE const char* recert_glyphs(const char* text) {
    if (!shell || !shell->app.test_mode) return "null";
    shell->glyphs_json = glyph_report(text ? text : "");
    return shell->glyphs_json.c_str();
}

// phase 0 start, 1 move, 2 end. A touch is a press where it lands; once it moves further
// than a tap would, it lets go of what it pressed and scrolls instead.
EMSCRIPTEN_KEEPALIVE void recert_touch(int phase, float x, float y) {
    if (!shell) return;
    static float last_y = 0, start_y = 0;
    static bool scrolling = false;
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    if (phase == 0) {
        // With no mouse over the canvas, the GLFW backend gives Dear ImGui GLFW's own cursor
        // position each frame, (0, 0) where only fingers are used (touches never reach GLFW):
        // a press held longer than two frames moved off the finger and never clicked. Told the
        // pointer is in, it stops.
        ImGui_ImplGlfw_CursorEnterCallback(shell->window, GLFW_TRUE);
        scrolling = false;
        start_y = last_y = y;
        io.AddMousePosEvent(x, y);
        io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
    } else if (phase == 1) {
        if (!scrolling && std::fabs(y - start_y) > px(10)) {
            scrolling = true;
            // Released away from the item, the press does not become a click.
            io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
            io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
            io.AddMousePosEvent(x, y);
        }
        if (scrolling) {
            // ImGui scrolls five lines per wheel step. The position goes first so the wheel
            // lands on the window under the finger.
            io.AddMousePosEvent(x, y);
            io.AddMouseWheelEvent(0, (y - last_y) / (5 * ImGui::GetFontSize()));
            last_y = y;
        }
    } else {
        if (!scrolling) io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
        io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);  // a finger leaves no hover behind
    }
    wake();
}

EMSCRIPTEN_KEEPALIVE void recert_file_picked(const char* name, const char* bytes, int size, const char* error) {
    if (!shell) return;
    update(shell->app, act::FilePicked{name ? name : "file", bytes && size > 0 ? std::string(bytes, static_cast<std::size_t>(size)) : "",
                                       error ? error : ""});
    wake();
}

EMSCRIPTEN_KEEPALIVE void recert_archive_picked(const char* name, const char* bytes, int size, const char* error, int restored,
                                                const char* not_restored) {
    if (!shell) return;
    update(shell->app, act::FilePicked{name ? name : "backup.zip", bytes && size > 0 ? std::string(bytes, static_cast<std::size_t>(size)) : "",
                                       error ? error : "", ArchiveRestore{std::max(0, restored), reason_lines(not_restored)}});
    wake();
}

EMSCRIPTEN_KEEPALIVE void recert_archive_progress(double done, double total) {
    if (!shell) return;
    update(shell->app, act::ArchiveProgress{static_cast<std::int64_t>(done), static_cast<std::int64_t>(total)});
    wake();
}

EMSCRIPTEN_KEEPALIVE void recert_backup_written(const char* error, const char* left_out, int ok) {
    if (!shell) return;
    update(shell->app, act::BackupWritten{ok != 0, error ? error : "", reason_lines(left_out)});
    wake();
}

EMSCRIPTEN_KEEPALIVE void recert_packet_prepared(const char* left_out) {
    if (!shell) return;
    update(shell->app, act::PacketPrepared{reason_lines(left_out)});
    wake();
}

EMSCRIPTEN_KEEPALIVE void recert_packet_made(const char* error, int pages, int summary_pages) {
    if (!shell) return;
    update(shell->app, act::PacketMade{pages > 0 && !(error && *error), error ? error : "", pages, summary_pages});
    wake();
}

EMSCRIPTEN_KEEPALIVE void recert_certificate_stored(const char* name, const char* mime, const char* sha256, double size, int outcome) {
    if (!shell || outcome < 0 || outcome > static_cast<int>(platform::FileOutcome::unreadable)) return;
    update(shell->app, act::CertificateStored{name ? name : "", mime ? mime : "", sha256 ? sha256 : "",
                                              static_cast<std::int64_t>(size), static_cast<platform::FileOutcome>(outcome)});
    wake();
}

// The hashes IndexedDB holds, one a line; ok 0: the browser refused to say (nothing is known missing).
EMSCRIPTEN_KEEPALIVE void recert_certificates_listed(const char* hashes, int ok) {
    if (!shell || !ok) return;
    std::set<std::string> stored;
    std::string_view all = hashes ? hashes : "";
    for (std::size_t at = 0; at < all.size();) {
        const auto end = std::min(all.find('\n', at), all.size());
        if (end > at) stored.emplace(all.substr(at, end - at));
        at = end + 1;
    }
    update(shell->app, act::CertificatesListed{std::move(stored)});
    wake();
}

EMSCRIPTEN_KEEPALIVE void recert_certificate_unavailable(const char* sha256, int altered) {
    if (!shell || !sha256) return;
    update(shell->app, act::CertificateUnavailable{sha256, altered != 0});
    wake();
}

// What the person did to a DOM element of the semantic tree: what 0 activate, 1 focus,
// 2 set the text (a real input's whole text), 3 a key left to the widget (text: its name).
EMSCRIPTEN_KEEPALIVE void recert_semantic(const char* id, int what, const char* text) {
    if (!shell || !id || what < 0 || what > 3) return;
    semantics().requests.push_back({id, static_cast<Request>(what), text ? text : ""});
    wake();
}

// Test mode (?test) only: the semantic layer off for the rest of the page's life, so that
// scripts/bench semantics can measure what it costs. Dear ImGui stops reporting items, no tree
// is compared or published, and every element leaves the DOM. Text still arrives through
// recert_semantic (set_text), as the real inputs would send it.
EMSCRIPTEN_KEEPALIVE void recert_semantics_off() {
    if (!shell || !shell->app.test_mode || shell->semantics_off) return;
    shell->semantics_off = true;
    ImGui::GetCurrentContext()->TestEngineHookItems = false;
    semantics().recording.clear();
    platform::publish_semantics(to_json(semantics().end_frame()));
    wake();
}

EMSCRIPTEN_KEEPALIVE void recert_storage_changed() {
    if (!shell) return;
    update(shell->app, act::StorageChanged{});
    wake();
}

EMSCRIPTEN_KEEPALIVE const char* recert_log_json() {
    if (!shell) return "null";
    shell->log_json = serialize(shell->app.log);
    return shell->log_json.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* recert_report_json() {
    if (!shell) return "null";
    shell->report_json = to_json(shell->app.report).dump();
    return shell->report_json.c_str();
}

// window.recert.config(): the host's options in force; window.recert.programs(): those offered.
EMSCRIPTEN_KEEPALIVE const char* recert_config_json() {
    if (!shell) return "null";
    shell->config_json = to_json(shell->app.config).dump();
    return shell->config_json.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* recert_programs_json() {
    if (!shell) return "[]";
    nlohmann::json list = nlohmann::json::array();
    for (const auto& p : shell->app.programs)
        if (offered(shell->app.config, p)) list.push_back({{"id", p.id}, {"name", p.name}});
    shell->programs_json = list.dump();
    return shell->programs_json.c_str();
}

// The host's logo, drawn by boot.js into RGBA pixels (it decodes PNG and SVG; C++ keeps them).
EMSCRIPTEN_KEEPALIVE void recert_logo(unsigned char* rgba, int width, int height) {
    const auto pixels = take(rgba, width * height * 4);
    if (!shell || width <= 0 || height <= 0 || pixels.size() != static_cast<std::size_t>(width) * height * 4) return;
    if (!shell->logo) glGenTextures(1, &shell->logo);
    glBindTexture(GL_TEXTURE_2D, shell->logo);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    shell->logo_aspect = static_cast<float>(width) / static_cast<float>(height);
    wake();
}

EMSCRIPTEN_KEEPALIVE const char* recert_widgets_json() {
    if (!shell) return "{}";
    return shell->widgets_json.empty() ? "{}" : shell->widgets_json.c_str();
}

}  // extern "C"

// The page starts from recert_start; main only exists for the toolchain.
int main() { return 0; }
