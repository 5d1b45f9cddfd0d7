#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <map>

#include "commands.h"
#include "format.h"
#include "icons.h"
#include "screens.h"
#include "store.h"
#include "theme.h"
#include "widgets.h"

namespace recert::app {

namespace {

using nlohmann::json;

// The programs the entry form speaks of: the person's (all programs before any credential).
std::vector<const Program*> offered_programs(const App& a) {
    std::vector<const Program*> out;
    for (const auto& c : a.log.credentials)
        if (const Program* p = program_of(a, c); p && std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
    if (a.log.credentials.empty())
        for (const auto& p : a.programs) out.push_back(&p);
    return out;
}

// Topics offered in the form: those of the offered programs.
std::vector<Topic> offered_topics(const App& a) {
    std::vector<Topic> out;
    for (const Program* p : offered_programs(a))
        for (const auto& t : p->topics)
            if (std::none_of(out.begin(), out.end(), [&](const Topic& x) { return x.id == t.id; })) out.push_back(t);
    return out;
}

// The form's texts that depend on the programs, taken from their files: none is written for one program.
struct ProgramWords {
    std::string provider_hint;  // "Who offered it (e.g. NAMSS, your employer)"
    std::string minutes_note;   // how minutes become the unit, where a program counts them
    std::string approved_label; // "NAMSS-approved", where a requirement of the person's counts approval
    std::string approved_help;  // ...with the body's own words on what approval looks like
};

ProgramWords program_words(const App& a) {
    ProgramWords w;
    std::vector<std::string> bodies, units, approvers, quotes;
    auto add = [](std::vector<std::string>& v, const std::string& s) {
        if (!s.empty() && std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
    };
    const Program* counts_minutes = nullptr;
    for (const Program* p : offered_programs(a)) {
        add(bodies, body_short_name(*p));
        if (p->credit.from_minutes) {
            add(units, p->unit_plural);
            if (!counts_minutes) counts_minutes = p;
        }
    }
    // Asked only once a credential's requirement counts approval.
    for (const auto& c : a.log.credentials)
        if (const Program* p = program_of(a, c))
            for (const auto& q : p->requirements)
                if (q.eligible && q.eligible->approved) {
                    add(approvers, body_short_name(*p));
                    add(quotes, q.cite.quote);
                }
    std::string examples;
    for (const auto& b : bodies) examples += b + ", ";
    w.provider_hint = "Who offered it (e.g. " + examples + "your employer)";
    if (counts_minutes)
        w.minutes_note = "Where only minutes are given, programs that count " + list_in_words(units, "or") + " use them (75 minutes = " +
                         with_unit(credits_from_minutes(75), *counts_minutes) + ").";
    // "NAMSS-approved", as the requirement it counts toward is named; with several bodies, "Approved by A or B".
    if (approvers.size() == 1) w.approved_label = approvers[0] + "-approved";
    else if (!approvers.empty()) w.approved_label = "Approved by " + list_in_words(approvers, "or");
    for (const auto& q : quotes) w.approved_help += (w.approved_help.empty() ? "" : "\n\n") + q;
    return w;
}

// The form's text as an entry document, checked by the same reader as a log file.
std::optional<Entry> read_form(const EntryForm& f, std::map<std::string, std::string>& errors) {
    json j = json::object();
    j["id"] = f.editing_id.empty() ? "new" : f.editing_id;
    j["title"] = f.title;
    j["date"] = f.date;
    j["kind"] = std::string(to_string(all_kinds[f.kind]));
    if (!f.provider.empty()) j["provider"] = f.provider;
    if (!f.code.empty()) j["code"] = f.code;
    if (!f.notes.empty()) j["notes"] = f.notes;
    if (!f.minutes.empty()) {
        if (f.minutes.find_first_not_of("0123456789") == std::string::npos && f.minutes.size() < 10) j["minutes"] = std::stoll(f.minutes);
        else j["minutes"] = f.minutes;
    }
    if (!f.credits.empty()) j["credits"] = f.credits;
    if (!f.topics.empty()) j["topics"] = f.topics;
    if (f.approved) j["approved"] = true;
    Problems problems;
    auto e = read_entry(Node(j, "", problems));
    for (const auto& p : problems) {
        const std::string field = p.where.substr(1, p.where.find('/', 1) - 1);
        if (!errors.count(field)) errors[field] = p.what;
    }
    if (f.title.empty()) errors["title"] = "Give the activity a title, as on its certificate";
    if (f.date.empty()) errors["date"] = "When did it take place (or when will it)?";
    return problems.empty() ? e : std::nullopt;
}

void label_row(const char* text, bool required = false) {
    ImGui::PushFont(fonts().bold);
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
    if (required) {
        ImGui::SameLine(0, px(4));
        ImGui::TextColored(palette().muted, "(required)");
    }
}


}  // namespace

void open_entry_form(App& a, const Entry* from, bool duplicate) {
    EntryForm f;
    f.open = true;
    f.focus_first = true;
    f.date = to_iso(a.today);
    if (from) {
        f.editing_id = duplicate ? "" : from->id;
        f.title = from->title;
        f.provider = from->provider;
        f.date = to_iso(from->date);
        f.minutes = from->minutes ? std::to_string(*from->minutes) : "";
        f.credits = from->credits ? from->credits->to_string(from->credit_places) : "";
        f.kind = static_cast<int>(from->kind);
        f.topics = from->topics;
        f.approved = from->approved.value_or(false);
        f.code = duplicate ? "" : from->code;
        f.notes = from->notes;
        if (!duplicate) f.original = to_json(*from);
    }
    a.entry_form = std::move(f);
}

namespace {
// A field of an unreadable item as text to correct: strings as they are, anything else as JSON.
std::string field_text(const nlohmann::json& j, const char* key) {
    if (!j.is_object() || !j.contains(key)) return "";
    const auto& v = j[key];
    return v.is_string() ? v.get<std::string>() : v.dump();
}

// Log without the unreadable item `u`, and with `id` if no one else uses it (else a new one).
Log without(Log log, const Unreadable& u, std::vector<Unreadable> Log::*list) {
    auto& v = log.*list;
    if (auto it = std::find_if(v.begin(), v.end(), [&](const Unreadable& x) { return x.original == u.original; }); it != v.end()) v.erase(it);
    return log;
}

std::string free_id(const Log& log, const std::string& id) {
    if (id.empty()) return "";
    for (const auto& e : log.entries) if (e.id == id) return "";
    for (const auto& c : log.credentials) if (c.id == id) return "";
    return id;
}
}  // namespace

void open_entry_repair(App& a, const Unreadable& u) {
    const auto& j = u.original;
    EntryForm f;
    f.open = f.focus_first = f.tried = true;  // show every problem at once
    f.repairing = j;
    for (auto [field, key] : {std::pair{&f.title, "title"}, {&f.provider, "provider"}, {&f.date, "date"}, {&f.minutes, "minutes"},
                              {&f.credits, "credits"}, {&f.code, "code"}, {&f.notes, "notes"}})
        *field = field_text(j, key);
    if (const auto k = parse_kind(field_text(j, "kind")))
        f.kind = static_cast<int>(std::find(std::begin(all_kinds), std::end(all_kinds), *k) - std::begin(all_kinds));
    if (j.is_object() && j.contains("topics") && j["topics"].is_array())
        for (const auto& t : j["topics"])
            if (t.is_string()) f.topics.push_back(t.get<std::string>());
    f.approved = j.is_object() && j.value("approved", nlohmann::json()).is_boolean() && j["approved"].get<bool>();
    a.entry_form = std::move(f);
}

void open_credential_repair(App& a, const Unreadable& u) {
    const auto& j = u.original;
    CredentialForm f;
    f.open = f.tried = true;
    f.repairing = j;
    for (std::size_t i = 0; i < a.programs.size(); ++i)
        if (a.programs[i].id == field_text(j, "program")) f.program = static_cast<int>(i);
    f.certified_on = field_text(j, "certified_on");
    f.renewed_through = field_text(j, "renewed_through");
    f.label = field_text(j, "label");
    a.credential_form = std::move(f);
}

void delete_unreadable(App& a, const Unreadable& u) {
    const bool entry = std::any_of(a.log.unreadable_entries.begin(), a.log.unreadable_entries.end(),
                                   [&](const Unreadable& x) { return x.original == u.original; });
    a.undo = a.log;
    apply(a, without(a.log, u, entry ? &Log::unreadable_entries : &Log::unreadable_credentials));
    show_toast(a, entry ? "Deleted the activity that could not be read." : "Deleted the credential that could not be read.");
}

void draw_entry_form(App& a) {
    EntryForm& f = a.entry_form;
    if (!f.open) return;
    const char* id = "Activity";
    if (!begin_dialog(id, &f.open, 640)) return;
    std::map<std::string, std::string> errors;
    const auto entry = read_form(f, errors);
    auto message_for = [&](const char* field) -> std::string {
        auto it = errors.find(field);
        if (it == errors.end()) return "";
        const bool empty_required = (std::string(field) == "title" && f.title.empty()) || (std::string(field) == "date" && f.date.empty());
        return !empty_required || f.tried ? it->second : "";
    };
    auto error_for = [&](const char* field) { field_error(message_for(field)); };
    // Rows whose message comes and goes while typing keep a line for it, so the
    // fields below do not jump under the pointer.
    auto error_line = [&](std::initializer_list<const char*> fields) {
        bool shown = false;
        for (const char* field : fields)
            if (const auto m = message_for(field); !m.empty()) {
                field_error(m);
                shown = true;
            }
        if (!shown) ImGui::Dummy(ImVec2(1, fonts().small->FontSize));
    };
    const float w = ImGui::GetContentRegionAvail().x;
    const ProgramWords words = program_words(a);

    ImGui::PushFont(fonts().heading);
    ImGui::TextUnformatted(f.editing_id.empty() ? "Log an activity" : "Edit activity");
    ImGui::PopFont();
    ImGui::Spacing();

    label_row("Title", true);
    if (f.focus_first) { ImGui::SetKeyboardFocusHere(); f.focus_first = false; }
    ImGui::SetNextItemWidth(w);
    ImGui::InputTextWithHint("##title", "as on the certificate", &f.title);
    track("entry.title");
    error_for("title");

    // Two fields side by side: labels on one line, fields on the next (groups would
    // carry the field's text offset over to the second label and misalign it).
    const float half = (w - ImGui::GetStyle().ItemSpacing.x) / 2;
    const float second = ImGui::GetCursorPosX() + half + ImGui::GetStyle().ItemSpacing.x;
    label_row("Date", true);
    ImGui::SameLine(second);
    label_row("Kind");
    date_input("entry.date", f.date, half, a.today);
    ImGui::SameLine(second);
    ImGui::SetNextItemWidth(half);
    if (ImGui::BeginCombo("##kind", std::string(label(all_kinds[f.kind])).c_str())) {
        for (int k = 0; k < static_cast<int>(std::size(all_kinds)); ++k)
            if (ImGui::Selectable(std::string(label(all_kinds[k])).c_str(), f.kind == k)) f.kind = k;
        ImGui::EndCombo();
    }
    track("entry.kind");
    if (const auto d = parse_date(f.date); d && *d > a.today) {
        ImGui::PushFont(fonts().small);
        muted(ICON_CLOCK " Dated after today: kept as a planned activity.");  // in the line kept for messages
        ImGui::PopFont();
    } else {
        error_line({"date"});
    }

    label_row("Provider");
    ImGui::SetNextItemWidth(w);
    ImGui::InputTextWithHint("##provider", words.provider_hint.c_str(), &f.provider);
    track("entry.provider");

    label_row("Minutes");
    ImGui::SameLine(second);
    label_row("Credits");
    ImGui::SetNextItemWidth(half);
    ImGui::InputTextWithHint("##minutes", "e.g. 90", &f.minutes, ImGuiInputTextFlags_CharsDecimal);
    track("entry.minutes");
    ImGui::SameLine(second);
    ImGui::SetNextItemWidth(half);
    ImGui::InputTextWithHint("##credits", "as on the certificate, e.g. 1.5", &f.credits, ImGuiInputTextFlags_CharsDecimal);
    track("entry.credits");
    error_line({"minutes", "credits"});
    if (!words.minutes_note.empty()) muted("%s", words.minutes_note.c_str());

    const auto topics = offered_topics(a);
    if (!topics.empty()) {
        label_row("Topics");
        std::string group = "\x01";
        for (const auto& t : topics) {
            if (t.group != group) {
                group = t.group;
                if (!group.empty()) muted("%s", group.c_str());
            }
            bool on = std::find(f.topics.begin(), f.topics.end(), t.id) != f.topics.end();
            const float item = ImGui::CalcTextSize(t.name.c_str()).x + ImGui::GetFrameHeight() + px(24);
            if (ImGui::GetCursorPosX() > ImGui::GetStyle().WindowPadding.x + 1 && ImGui::GetCursorPosX() + item > w) ImGui::NewLine();
            if (ImGui::Checkbox(t.name.c_str(), &on)) {
                if (on) f.topics.push_back(t.id);
                else f.topics.erase(std::remove(f.topics.begin(), f.topics.end(), t.id), f.topics.end());
            }
            track("entry.topic." + t.id);
            ImGui::SameLine();
        }
        ImGui::NewLine();
        error_for("topics");
    }
    if (!words.approved_label.empty()) {
        ImGui::Checkbox(words.approved_label.c_str(), &f.approved);
        track("entry.approved");
        if (!words.approved_help.empty()) help_tip(words.approved_help);
    }

    label_row("Verification code");
    ImGui::SetNextItemWidth(w);
    ImGui::InputText("##code", &f.code);
    track("entry.code");
    label_row("Notes");
    ImGui::InputTextMultiline("##notes", &f.notes, ImVec2(w, ImGui::GetTextLineHeight() * 3 + px(14)));
    track("entry.notes");

    const bool enter = ImGui::IsKeyPressed(ImGuiKey_Enter, false) && !ImGui::IsItemActive();  // the notes take newlines
    ImGui::Separator();
    if (primary_button(f.editing_id.empty() ? ICON_CHECK " Save activity" : ICON_CHECK " Save changes") || enter) {
        f.tried = true;
        if (entry) {
            // Another tab may have changed or deleted this entry since the form opened.
            if (sync_with_storage(a)) evaluate_now(a);
            const auto current = std::find_if(a.log.entries.begin(), a.log.entries.end(), [&](const Entry& x) { return x.id == f.editing_id; });
            if (!f.editing_id.empty() && current == a.log.entries.end()) {
                f.conflict = "This activity was deleted in another tab while you were editing it. Your changes are still here: "
                             "save again to keep it as a new activity, or cancel.";
                f.editing_id.clear();
                f.original = nlohmann::json();
            } else if (!f.editing_id.empty() && to_json(*current) != f.original) {
                f.conflict = "This activity was changed in another tab while you were editing it (it now reads \"" + current->title +
                             "\"). Your changes are still here: save again to replace the other tab's version with yours, or cancel to keep it.";
                f.original = to_json(*current);
            } else {
                Entry e = *entry;
                if (f.editing_id.empty()) {
                    Log base = f.repairing ? without(a.log, Unreadable{*f.repairing, {}}, &Log::unreadable_entries) : a.log;
                    e.id = f.repairing ? free_id(base, Unreadable{*f.repairing, {}}.id()) : "";
                    apply(a, add_entry(std::move(base), e));
                    show_toast(a, (f.repairing ? "Repaired \"" : "Logged \"") + e.title + "\".");
                } else {
                    // Keep fields this page does not edit (unknown ones from newer versions).
                    e.extra = current->extra;
                    apply(a, edit_entry(a.log, e));
                    show_toast(a, "Saved \"" + e.title + "\".");
                }
                f.open = false;
                ImGui::CloseCurrentPopup();
            }
        }
    }
    track("entry.save");
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
        f.open = false;
        ImGui::CloseCurrentPopup();
    }
    track("entry.cancel");
    if (f.tried && !entry) {
        ImGui::SameLine();
        ImGui::TextColored(palette().late, ICON_EXCLAMATION_CIRCLE " Check the fields marked above.");
    }
    if (!f.conflict.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(palette().risk, ICON_WARNING " %s", f.conflict.c_str());
        ImGui::PopTextWrapPos();
        track("entry.conflict");
    }
    ImGui::EndPopup();
}

void open_credential_form(App& a, const Credential* from) {
    CredentialForm f;
    f.open = true;
    if (from) {
        f.editing_id = from->id;
        for (std::size_t i = 0; i < a.programs.size(); ++i)
            if (a.programs[i].id == from->program) f.program = static_cast<int>(i);
        f.certified_on = from->certified_on ? to_iso(*from->certified_on) : "";
        f.renewed_through = from->renewed_through ? to_iso(*from->renewed_through) : "";
        f.label = from->label;
        f.options = from->options;
    }
    a.credential_form = std::move(f);
}

void draw_credential_form(App& a) {
    CredentialForm& f = a.credential_form;
    if (!f.open || a.programs.empty()) return;
    if (!begin_dialog("Credential", &f.open, 620)) return;
    const float w = ImGui::GetContentRegionAvail().x;
    ImGui::PushFont(fonts().heading);
    ImGui::TextUnformatted(f.editing_id.empty() ? "Add your credential" : "Edit credential");
    ImGui::PopFont();
    muted("Recert evaluates your activities by this program's published rules.");
    ImGui::Spacing();

    label_row("Credential and program", true);
    ImGui::SetNextItemWidth(w);
    const Program& chosen = a.programs[static_cast<std::size_t>(f.program)];
    if (ImGui::BeginCombo("##program", chosen.name.c_str())) {
        for (std::size_t i = 0; i < a.programs.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            if (ImGui::Selectable(a.programs[i].name.c_str(), f.program == static_cast<int>(i))) {
                f.program = static_cast<int>(i);
                f.options.clear();
            }
            track("program." + a.programs[i].id);
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    track("credential.program");
    const Program& p = a.programs[static_cast<std::size_t>(f.program)];
    if (!p.description.empty()) muted("%s", p.description.c_str());

    std::map<std::string, std::string> errors;
    const bool lookback = p.cycle.type == CycleRule::Type::lookback;
    const auto certified = parse_date(f.certified_on);
    if (!lookback) {
        label_row("Date you earned or last renewed the credential", true);
        date_input("credential.certified_on", f.certified_on, std::min(w, px(300)), a.today);
        if (f.certified_on.empty()) errors["certified_on"] = "Enter the date on your certificate";
        else if (!certified) errors["certified_on"] = "\"" + f.certified_on + "\" is not a real date written YYYY-MM-DD";
        else if (*certified > a.today) errors["certified_on"] = "This date is in the future";
        if (errors.count("certified_on") && (f.tried || !f.certified_on.empty())) field_error(errors["certified_on"]);
        label_row("Cycle already renewed through (optional)");
        help_tip("Leave empty if you are in your first cycle. Otherwise enter the last day of the cycle you have already renewed; Recert then tracks the next one.");
        date_input("credential.renewed_through", f.renewed_through, std::min(w, px(300)), a.today);
        if (!f.renewed_through.empty()) {
            const auto rt = parse_date(f.renewed_through);
            if (!rt) errors["renewed_through"] = "\"" + f.renewed_through + "\" is not a real date written YYYY-MM-DD";
            else if (certified && *rt < *certified) errors["renewed_through"] = "This is before the date you earned the credential";
            if (errors.count("renewed_through")) field_error(errors["renewed_through"]);
        }
    } else {
        muted(ICON_INFO " This program looks back from the day you apply: activities in the %s up to today count.", span_in_words(p.cycle).c_str());
    }

    for (const auto& o : p.options) {
        ImGui::PushID(o.id.c_str());
        if (!o.is_choice) {
            bool on = false;
            if (auto it = f.options.find(o.id); it != f.options.end() && std::holds_alternative<bool>(it->second)) on = std::get<bool>(it->second);
            if (ImGui::Checkbox(o.label.c_str(), &on)) f.options[o.id] = on;
            track("option." + o.id);
        } else {
            label_row(o.label.c_str());
            std::string current;
            if (auto it = f.options.find(o.id); it != f.options.end() && std::holds_alternative<std::string>(it->second)) current = std::get<std::string>(it->second);
            auto name_of = [&](const std::string& t) {
                for (const auto& topic : p.topics)
                    if (topic.id == t) return topic.name;
                return t.empty() ? std::string("None") : t;
            };
            ImGui::SetNextItemWidth(std::min(w, px(360)));
            if (ImGui::BeginCombo("##choice", name_of(current).c_str())) {
                if (ImGui::Selectable("None", current.empty())) f.options.erase(o.id);
                for (const auto& ch : o.choices)
                    if (ImGui::Selectable(name_of(ch).c_str(), current == ch)) f.options[o.id] = ch;
                ImGui::EndCombo();
            }
            track("option." + o.id);
        }
        if (!o.help.empty()) help_tip(o.help);
        ImGui::PopID();
    }

    label_row("Name shown (optional)");
    ImGui::SetNextItemWidth(w);
    ImGui::InputTextWithHint("##label", p.credential.empty() ? p.name.c_str() : p.credential.c_str(), &f.label);
    track("credential.label");

    ImGui::Separator();
    const bool enter = ImGui::IsKeyPressed(ImGuiKey_Enter, false);
    if (primary_button(ICON_CHECK " Save credential") || enter) {
        f.tried = true;
        if (errors.empty()) {
            Credential c;
            for (const auto& old : a.log.credentials)
                if (old.id == f.editing_id) c = old;
            c.id = f.editing_id;
            c.program = p.id;
            c.label = f.label;
            c.certified_on = lookback ? std::nullopt : certified;
            c.renewed_through = lookback || f.renewed_through.empty() ? std::nullopt : parse_date(f.renewed_through);
            c.options = f.options;
            if (f.editing_id.empty()) {
                Log base = f.repairing ? without(a.log, Unreadable{*f.repairing, {}}, &Log::unreadable_credentials) : a.log;
                c.id = f.repairing ? free_id(base, Unreadable{*f.repairing, {}}.id()) : "";
                apply(a, add_credential(std::move(base), c));
                keep_storage_after_first_credential(a);
                a.active = static_cast<int>(a.log.credentials.size()) - 1;
            } else {
                apply(a, edit_credential(a.log, c));
            }
            f.open = false;
            ImGui::CloseCurrentPopup();
        }
    }
    track("credential.save");
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
        f.open = false;
        ImGui::CloseCurrentPopup();
    }
    track("credential.cancel");
    if (!f.editing_id.empty()) {
        ImGui::SameLine(w - px(160));
        if (danger_button(ICON_TRASH " Remove")) a.confirm_remove_credential = true;
        track("credential.remove");
    }
    if (a.confirm_remove_credential) {
        ImGui::Spacing();
        ImGui::TextWrapped("Remove this credential? Your logged activities stay.");
        if (danger_button("Remove credential")) {
            a.undo = a.log;
            apply(a, delete_credential(a.log, f.editing_id));
            a.active = 0;
            show_toast(a, "Credential removed.");
            a.confirm_remove_credential = false;
            f.open = false;
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Keep it")) a.confirm_remove_credential = false;
    }
    ImGui::EndPopup();
}

}  // namespace recert::app
