// Using Recert without a connection: whether the browser keeps the log, and the one-file
// copy of Recert (recert.html) to keep on disk.
#include <imgui.h>

#include "format.h"
#include "icons.h"
#include "platform.h"
#include "screens.h"
#include "theme.h"
#include "widgets.h"

namespace recert::app {

void keep_storage_if_installed(const App& a) {
    // Installing is the person's own choice to keep Recert, and browsers grant an
    // installed app's request without asking: ask again for a log saved before.
    if (!a.log.credentials.empty() && platform::installed()) platform::request_persistent_storage();
}

void draw_offline_copy_item(App& a) {
    if (!platform::offline_copy_available()) return;
    ImGui::Separator();
    const bool online = platform::online();
    if (ImGui::MenuItem(ICON_DOWNLOAD "  Download Recert to use without internet", nullptr, false, online)) {
        platform::download_offline_copy();
        show_toast(a, "recert.html is in your downloads: open it from there, no connection needed. It keeps a log of its own: "
                      "to take this one along, back it up here and import the backup there.", 12);
    }
    track("menu.offline-copy", Role::menuitem);
    if (!online) muted("Needs a connection to download.");
}

void draw_storage_status(App& a) {
    const Palette& p = palette();
    // The certificates the log names, each file once: what IndexedDB holds for it.
    if (const auto [files, bytes] = certificates_named(a.log); files > 0)
        say(ICON_PAPERCLIP "  Certificates kept in this browser: " + count_of(files, "file", "files") + ", " + file_size(bytes) +
            ". Back up everything (Backup menu) to keep them with your log in one .zip; a JSON backup holds only their names.");
    const bool one_file = !platform::offline_copy_available();
    switch (platform::storage_persistence()) {
        case platform::Persistence::persistent:
            ImGui::TextColored(p.met, ICON_CHECK_CIRCLE);
            ImGui::SameLine();
            ImGui::TextWrapped("This browser keeps Recert's storage: it will not clear your log to free space. Back up now and then all the same.");
            track("settings.storage.persistent");
            break;
        case platform::Persistence::best_effort:
            ImGui::TextColored(p.risk, ICON_WARNING);
            ImGui::SameLine();
            if (one_file) {
                ImGui::TextWrapped("This browser may clear stored data when the device runs low on space. Back up regularly "
                                   "from the Backup menu, and keep the backup with recert.html.");
            } else {
                ImGui::TextWrapped("This browser may clear Recert's storage when the device runs low on space (Safari also after "
                                   "seven days of use without a visit). To keep your log: install Recert (the browser's Install "
                                   "or Add to Home Screen), and back up regularly from the Backup menu.");
            }
            track("settings.storage.best-effort");
            break;
        case platform::Persistence::unknown:
            muted("This browser does not say whether it keeps stored data: back up regularly.");
            track("settings.storage.unknown");
            break;
        case platform::Persistence::checking:
            muted("Checking whether this browser keeps your log...");
            track("settings.storage.checking");
            break;
    }
}

}  // namespace recert::app
