#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <map>

#include "calendar.h"
#include "explain.h"
#include "format.h"
#include "icons.h"
#include "screens.h"
#include "theme.h"
#include "widgets.h"

namespace recert::app {

namespace {

// The programs of the person's credentials, each once: whose rules the form explains.
std::vector<const Program*> credential_programs(const App& a) {
    std::vector<const Program*> out;
    for (const auto& c : a.log.credentials)
        if (const Program* p = program_of(a, c); p && std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
    return out;
}

// The programs the entry form speaks of: the person's (all programs before any credential).
std::vector<const Program*> offered_programs(const App& a) {
    std::vector<const Program*> out = credential_programs(a);
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
                         with_unit(credits_from_minutes(Minutes{75}), *counts_minutes) + ").";
    // "NAMSS-approved", as the requirement it counts toward is named; with several bodies, "Approved by A or B".
    if (approvers.size() == 1) w.approved_label = approvers[0] + "-approved";
    else if (!approvers.empty()) w.approved_label = "Approved by " + list_in_words(approvers, "or");
    for (const auto& q : quotes) w.approved_help += (w.approved_help.empty() ? "" : "\n\n") + q;
    return w;
}

// One thing a program's file says counts: the rules that rest on it, the body's words, and
// how Recert reads them. Rules quoting the same words the same way are one ("a minimum of
// three hours per Subject Area", for five areas).
struct CountsRule {
    std::vector<std::string> names;
    std::string quote, interpretation, source;
};

std::vector<CountsRule> what_counts(const Program& p) {
    std::vector<CountsRule> out;
    auto add = [&](const std::string& name, const Cite& cite) {
        if (cite.quote.empty()) return;
        for (auto& r : out)
            if (r.quote == cite.quote && r.interpretation == cite.interpretation) return r.names.push_back(name);
        out.push_back({{name}, cite.quote, cite.interpretation, p.source(cite.source) ? p.source(cite.source)->title : cite.source});
    };
    add("How an activity earns " + p.unit_plural, p.credit.cite);
    for (const auto& q : p.requirements) add(q.name, q.cite);
    for (const auto& c : p.caps) add(c.name, c.cite);
    return out;
}

// "What counts for <program>": shut until asked, as it is long; the file's own words when open.
void draw_what_counts(EntryForm& f, const Program& p) {
    const std::string id = "entry.counts." + p.id, title = "What counts for " + p.name;
    const auto at = std::find(f.showing_rules.begin(), f.showing_rules.end(), p.id);
    bool open = at != f.showing_rules.end();
    if (disclosure(id, title, open, id + ".region")) open = !open;
    if (open && at == f.showing_rules.end()) f.showing_rules.push_back(p.id);
    if (!open && at != f.showing_rules.end()) f.showing_rules.erase(at);
    if (!open) return;
    ImGui::Indent(px(12));
    begin_node(id + ".region", Role::region, title);
    if (!p.description.empty()) say(p.description);
    if (!p.credit.by_kind.empty()) {
        std::vector<std::string> fixed;
        for (const auto& [kind, credits] : p.credit.by_kind) fixed.push_back(std::string(label(kind)) + ": " + with_unit(credits, p));
        say("Fixed amounts, whatever the certificate says: " + list_in_words(fixed) + ".");
    }
    for (const auto& r : what_counts(p)) {
        ImGui::Spacing();
        ImGui::PushFont(fonts().bold);
        say(list_in_words(r.names));
        ImGui::PopFont();
        say("\u201c" + r.quote + "\u201d");
        muted("Source: %s", r.source.c_str());
        if (!r.interpretation.empty()) muted("How Recert reads it: %s", r.interpretation.c_str());
    }
    end_node();
    ImGui::Unindent(px(12));
    ImGui::Spacing();
}

// What the programs fix for `kind`, whatever the entry says ("Earns 2 CEUs, fixed by DMEC"),
// and whether any of them reads the Credits field for it.
struct FixedCredit {
    std::vector<std::string> words;
    bool credits_read = false;
};

FixedCredit fixed_credit(const App& a, Kind kind) {
    FixedCredit out;
    for (const Program* p : offered_programs(a)) {
        const auto it = p->credit.by_kind.find(kind);
        if (it == p->credit.by_kind.end()) out.credits_read = true;
        else out.words.push_back("Earns " + with_unit(it->second, *p) + ", fixed by " + body_short_name(*p));
    }
    return out;
}

// "Discard your changes?", over a changed form that Cancel or Escape would close. Keeping
// them is the first choice and has the focus: a stray Enter loses nothing.
void ask_discard(App& a, bool asking) {
    bool open = asking;
    if (!begin_dialog("Discard", "Discard your changes?", &open, 400, Role::alertdialog)) return;
    ImGui::PushFont(fonts().bold);
    ImGui::TextUnformatted("Discard your changes?");
    ImGui::PopFont();
    muted("What you changed in this form is lost if you discard it.");
    ImGui::Spacing();
    if (primary_button("Keep editing") || escape_here()) emit(a, act::KeepEditing{});
    track("discard.keep");
    if (ImGui::IsWindowAppearing()) semantics().focus = "discard.keep";
    ImGui::SameLine();
    if (danger_button("Discard")) emit(a, act::DiscardChanges{});
    track("discard.yes");
    end_dialog();
}

// A message beside the footer's buttons, or under them where it would not fit (a phone).
void footer_note(const std::string& text) {
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(text.c_str()).x) ImGui::NewLine();
    ImGui::AlignTextToFramePadding();
    say(text, palette().late);
}

// A field's label, wrapped on a narrow screen; "(required)" beside it, or under it where it does not fit.
void label_row(const char* text, bool required = false) {
    ImGui::PushFont(fonts().bold);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    if (required) {
        ImGui::SameLine(0, px(4));
        if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize("(required)").x) ImGui::NewLine();
        ImGui::TextColored(palette().muted, "(required)");
    }
}
// The program's own options (a track, a first renewal as dual certificant), as its file states them.
void draw_options(CredentialForm& f, const Program& p, float w) {
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
            // None first, then the program's choices, and a stored one it no longer offers.
            std::vector<std::string> values{""};
            values.insert(values.end(), o.choices.begin(), o.choices.end());
            if (std::find(values.begin(), values.end(), current) == values.end()) values.push_back(current);
            std::vector<Choice> choices;
            for (const auto& v : values) choices.push_back({"option." + o.id + "." + (v.empty() ? "none" : v), name_of(v)});
            const auto at = std::find(values.begin(), values.end(), current) - values.begin();
            if (const int k = combo("option." + o.id, o.label, choices, static_cast<int>(at)); k == 0) f.options.erase(o.id);
            else if (k > 0) f.options[o.id] = values[static_cast<std::size_t>(k)];
        }
        if (!o.help.empty()) help_tip(o.help);
        ImGui::PopID();
    }
}

// The two dates told apart on the chosen program's own cycle, from the date typed (or today,
// as an example): where the first cycle ends, and what the second date does.
std::string cycle_example(const Program& p, const CredentialForm& f, Date today) {
    const auto typed = parse_date(f.certified_on);
    Credential c;
    c.program = p.id;
    c.certified_on = typed.value_or(today);
    Problems problems;
    const auto first = current_cycle(p, c, *c.certified_on, problems);
    if (!first) return "";
    c.renewed_through = first->end;
    const auto next = current_cycle(p, c, *c.certified_on, problems);
    if (!next) return "";
    const std::string end = date_in_words(first->end);
    return (typed ? "Earned or renewed on " : "For example, earned or renewed on ") + date_in_words(*c.certified_on) + ", your cycle runs to " +
           end + ": leave the second date empty while you are in that cycle. Once you have renewed it, enter " + end +
           " as the second date, and Recert tracks the next cycle, to " + date_in_words(next->end) + ".";
}

}  // namespace

// Certificates of an activity, one line each with View and Download (and Remove, in the entry
// form), named with the file: "View “Ethics.pdf”" is one of many to a screen reader. A file
// the browser no longer holds, or holds altered, says so.
void draw_certificates(App& a, const std::vector<Attachment>& files, const std::string& node, bool removable) {
    if (files.empty()) return;
    begin_node(node, Role::list, "Certificates").level = static_cast<int>(files.size());
    for (std::size_t i = 0; i < files.size(); ++i) {
        const Attachment& f = files[i];
        const std::string item = node + "." + f.id, quoted = " \u201C" + f.name + "\u201D";
        begin_node(item, Role::listitem).level = static_cast<int>(i) + 1;
        ImGui::PushID(f.id.c_str());  // one View, Download and Remove each
        ImGui::AlignTextToFramePadding();
        say(ICON_PAPERCLIP " " + f.name + "  \u00B7  " + std::string(label(f.type)) + ", " + file_size(f.size));
        if (a.altered_certificates.count(f.sha256)) say(ICON_WARNING " Changed since it was attached: attach the original again.", palette().late);
        else if (a.stored_certificates && !a.stored_certificates->count(f.sha256))
            say(ICON_WARNING " Not in this browser: restore a backup that carries certificates, or attach it again.", palette().late);
        ImGui::Button("View");
        if (press_started()) emit(a, act::ViewCertificate{f.sha256});
        name_last("View" + quoted);
        track(item + ".view");
        ImGui::SameLine();
        ImGui::Button("Download");
        if (press_started()) emit(a, act::ViewCertificate{f.sha256, true});
        name_last("Download" + quoted);
        track(item + ".download");
        if (removable) {
            ImGui::SameLine();
            if (ImGui::Button("Remove")) emit(a, act::RemoveCertificate{f.sha256});
            name_last("Remove" + quoted);
            track(item + ".remove");
        }
        ImGui::PopID();
        end_node();
    }
    end_node();
}

void draw_entry_form(App& a) {
    EntryForm& f = a.entry_form;
    if (!begin_dialog("Activity", f.editing_id.empty() ? "Log an activity" : "Edit activity", &f.open, 640)) return;
    const auto check = check_entry(f);
    const auto& errors = check.errors;
    auto message_for = [&](Field field) -> std::string {
        auto it = errors.find(field);
        if (it == errors.end()) return "";
        // A required field left empty is named only once the person tried to save.
        const bool empty_required = (field == Field::title && f.title.empty()) || (field == Field::date && f.date.empty());
        return !empty_required || f.tried ? it->second : "";
    };
    // The node of the field a message is about (a date's is its text).
    auto id_of = [](Field field) { return "entry." + std::string(to_string(field)) + (field == Field::date ? ".text" : ""); };
    auto error_for = [&](Field field) { field_error(message_for(field), id_of(field)); };
    // Rows whose message comes and goes while typing keep a line for it, so the
    // fields below do not jump under the pointer.
    auto error_line = [&](std::initializer_list<Field> fields) {
        bool shown = false;
        for (const Field field : fields)
            if (const auto m = message_for(field); !m.empty()) {
                field_error(m, id_of(field));
                shown = true;
            }
        if (!shown) ImGui::Dummy(ImVec2(1, fonts().small->FontSize));
    };
    const ProgramWords words = program_words(a);

    ImGui::PushFont(fonts().heading);
    ImGui::TextUnformatted(f.editing_id.empty() ? "Log an activity" : "Edit activity");
    ImGui::PopFont();
    ImGui::Spacing();
    begin_dialog_body("entry.body");
    const float w = ImGui::GetContentRegionAvail().x;

    label_row("Title", true);
    if (f.focus_first) {
        ImGui::SetKeyboardFocusHere();
        semantics().focus = "entry.title";
        f.focus_first = false;
    }
    ImGui::SetNextItemWidth(w);
    text_field("entry.title", "Title", f.title, "as on the certificate");
    error_for(Field::title);

    // Two fields side by side: labels on one line, fields on the next (groups would
    // carry the field's text offset over to the second label and misalign it).
    const float half = (w - ImGui::GetStyle().ItemSpacing.x) / 2;
    const float second = ImGui::GetCursorPosX() + half + ImGui::GetStyle().ItemSpacing.x;
    label_row("Date", true);
    ImGui::SameLine(second);
    label_row("Kind");
    date_input("entry.date", "Date", f.date, half, a.today);
    ImGui::SameLine(second);
    ImGui::SetNextItemWidth(half);
    std::vector<Choice> kinds;
    for (const Kind k : all_kinds) kinds.push_back({"entry.kind." + std::string(to_string(k)), std::string(label(k))});
    if (const int k = combo("entry.kind", "Kind", kinds, f.kind); k >= 0) f.kind = k;
    if (const auto d = parse_date(f.date); d && *d > a.today) {
        ImGui::PushFont(fonts().small);
        muted(ICON_CLOCK " Dated after today: kept as a planned activity.");  // in the line kept for messages
        ImGui::PopFont();
    } else {
        error_line({Field::date});
    }

    label_row("Provider");
    ImGui::SetNextItemWidth(w);
    text_field("entry.provider", "Provider", f.provider, words.provider_hint.c_str());

    // A kind whose credits the programs fix has no Credits box to fill in: what it earns
    // stands there instead. Credits already typed keep their box, so nothing is hidden.
    const FixedCredit fixed = fixed_credit(a, all_kinds[f.kind]);
    const bool credits_box = fixed.credits_read || !f.credits.empty();
    label_row("Minutes");
    ImGui::SameLine(second);
    label_row("Credits");
    ImGui::SetNextItemWidth(half);
    text_field("entry.minutes", "Minutes", f.minutes, "e.g. 90", Input::numeric, ImGuiInputTextFlags_CharsDecimal);
    ImGui::SameLine(second);
    if (credits_box) {
        ImGui::SetNextItemWidth(half);
        text_field("entry.credits", "Credits", f.credits, "as on the certificate, e.g. 1.5", Input::decimal, ImGuiInputTextFlags_CharsDecimal);
    } else {
        ImGui::AlignTextToFramePadding();
        say(ICON_CHECK_CIRCLE " " + list_in_words(fixed.words) + ".");
    }
    error_line({Field::minutes, Field::credits});
    if (credits_box && !fixed.words.empty())
        muted("%s%s.", list_in_words(fixed.words).c_str(), fixed.credits_read ? "" : ": the credits entered are kept but do not count");
    if (!words.minutes_note.empty()) muted("%s", words.minutes_note.c_str());

    for (const Program* p : credential_programs(a)) draw_what_counts(f, *p);

    const auto topics = offered_topics(a);
    if (!topics.empty()) {
        label_row("Topics");
        // Each group of topics under its heading, on a line of its own.
        std::string group = "\x01";
        bool line_start = true, in_group = false;
        for (const auto& t : topics) {
            if (t.group != group) {
                if (in_group) end_node();
                group = t.group;
                in_group = !group.empty();
                if (in_group) {
                    begin_node("entry.topics." + group, Role::group, group);
                    muted("%s", group.c_str());
                }
                line_start = true;
            }
            bool on = std::find(f.topics.begin(), f.topics.end(), t.id) != f.topics.end();
            if (wrapped_checkbox("entry.topic." + t.id, t.name, &on, line_start)) {
                if (on) f.topics.push_back(t.id);
                else f.topics.erase(std::remove(f.topics.begin(), f.topics.end(), t.id), f.topics.end());
            }
            line_start = false;
        }
        if (in_group) end_node();
        error_for(Field::topics);
    }
    if (!words.approved_label.empty()) {
        ImGui::Checkbox(words.approved_label.c_str(), &f.approved);
        track("entry.approved");
        if (!words.approved_help.empty()) help_tip(words.approved_help);
    }

    label_row("Verification code");
    ImGui::SetNextItemWidth(w);
    text_field("entry.code", "Verification code", f.code, "", Input::code);
    label_row("Certificates");
    draw_certificates(a, f.files, "entry.files", true);
    ImGui::Button(ICON_PAPERCLIP " Attach a certificate\u2026");
    if (press_started()) emit(a, act::PickCertificates{});
    track("entry.attach");
    // A phone's camera, for a paper certificate: only where a finger is the pointer.
    if (ImGui::GetIO().MouseSource == ImGuiMouseSource_TouchScreen) {
        ImGui::SameLine();
        ImGui::Button(ICON_CAMERA " Take a photo");
        if (press_started()) emit(a, act::PickCertificates{true});
        track("entry.photo");
    }
    std::string refused;  // one message under the button, a line for each file
    for (const auto& m : f.file_messages) refused += (refused.empty() ? "" : "\n") + m;
    field_error(refused, "entry.attach");
    if (f.show_messages) {
        ImGui::SetScrollHereY(1.0f);  // under the button the person just used, and read
        f.show_messages = false;
    }
    ImGui::PushFont(fonts().small);
    muted("PDF, PNG or JPEG, up to %s each. You can also drop files anywhere on the page.", file_size(max_certificate_bytes).c_str());
    ImGui::PopFont();
    label_row("Notes");
    ImGui::SetNextItemWidth(w);
    text_field("entry.notes", "Notes", f.notes, "", Input::text, 0, ImGui::GetTextLineHeight() * 3 + px(14));
    end_dialog_body();

    // The notes take newlines; the question over a changed form takes the keys while it asks.
    const bool enter = field_entered() && !f.asking;
    ImGui::Separator();
    if (primary_button(f.editing_id.empty() ? ICON_CHECK " Save activity" : ICON_CHECK " Save changes") || enter) emit(a, act::SaveEntry{});
    track("entry.save");
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || escape_here()) emit(a, act::CancelEntry{});
    track("entry.cancel");
    if (f.tried && !check.entry) footer_note(ICON_EXCLAMATION_CIRCLE " Check the fields marked above.");
    if (!f.conflict.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(palette().risk, ICON_WARNING " %s", f.conflict.c_str());
        ImGui::PopTextWrapPos();
        track("entry.conflict");
    }
    ask_discard(a, f.asking);
    end_dialog();
}

namespace {
// A list a screen reader counts ("list, 3 items"), a bullet for each line.
void bullet_list(const std::string& id, const std::string& name, const std::vector<std::string>& lines) {
    begin_node(id, Role::list, name).level = static_cast<int>(lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        begin_node(id + "." + std::to_string(i), Role::listitem).level = static_cast<int>(i) + 1;
        ImGui::Bullet();
        ImGui::SameLine();
        say(lines[i]);
        end_node();
    }
    end_node();
}

std::vector<std::string> described(const Problems& problems) {
    std::vector<std::string> out;
    for (const auto& p : problems) out.push_back(describe(p));
    return out;
}

// A program file picked in the credential form: what keeps it from being used, or what it
// would change in the program of its id, before it replaces it.
void draw_program_file(App& a) {
    ProgramFile& pf = a.program_file;
    const bool replacing = pf.incoming.has_value();
    const std::string title = replacing ? "Replace \u201c" + pf.replaces + "\u201d?" : "This program file cannot be used";
    if (!begin_dialog("ProgramFile", title, &pf.open, 600, replacing ? Role::alertdialog : Role::dialog)) return;
    ImGui::PushFont(fonts().heading);
    ImGui::TextWrapped("%s", title.c_str());
    ImGui::PopFont();
    begin_dialog_body("program-file.body");
    if (replacing) {
        say(pf.file_name + " is a newer file for the program \u201c" + pf.replaces +
            "\u201d. Your credentials of this program will be counted by its rules. What it changes:");
        bullet_list("program-file.changes", "What it changes", pf.changes);
    } else {
        say(pf.file_name + " was checked as recert validate checks a program file. Fix what is listed and load it again:", palette().late);
        bullet_list("program-file.problems", "Problems in " + pf.file_name, described(pf.problems));
    }
    end_dialog_body();
    ImGui::Separator();
    if (replacing) {
        if (primary_button("Replace the program")) emit(a, act::UseProgramFile{});
        track("program-file.replace");
        ImGui::SameLine();
    }
    if (ImGui::Button(replacing ? "Keep the one I have" : "Close") || escape_here()) emit(a, act::CloseProgramFile{});
    track("program-file.close");
    if (ImGui::IsWindowAppearing()) semantics().focus = "program-file.close";
    end_dialog();
}
}  // namespace

// The program check, for authors: paste or load a file, see every problem, or the figures it
// gives the person's own activities. A preview of the dashboard's words, not the dashboard
// itself, whose nodes the page behind it already has.
void draw_program_check(App& a) {
    ProgramCheck& c = a.check;
    if (!begin_dialog("Check", "Check a program file", &c.open, 860)) return;
    ImGui::PushFont(fonts().heading);
    ImGui::TextUnformatted("Check a program file");
    ImGui::PopFont();
    muted("Paste or load a program file to see every problem recert validate would find, and what it makes of your own activities. "
          "Nothing here is kept.");
    begin_dialog_body("check.body");
    const float w = ImGui::GetContentRegionAvail().x;
    ImGui::Button(ICON_UPLOAD " Load a file\u2026");
    if (press_started()) emit(a, act::PickFile{true});
    track("check.load");
    label_row("Program file (JSON)");
    ImGui::SetNextItemWidth(w);
    if (text_field("check.text", "Program file (JSON)", c.text, "", Input::code, 0, px(180))) c.checked = false;
    if (c.preview && c.program && c.program->cycle.type != CycleRule::Type::lookback) {
        label_row("Preview: a credential earned or last renewed on");
        if (date_input("check.certified_on", "Preview: a credential earned or last renewed on", c.certified_on, std::min(w, px(300)), a.today))
            emit(a, act::CheckProgram{});
    }
    if (primary_button(ICON_CHECK " Check")) emit(a, act::CheckProgram{});
    track("check.run");
    if (c.checked && !c.problems.empty()) {
        say(count_of(static_cast<std::int64_t>(c.problems.size()), "problem", "problems") + ":", palette().late);
        bullet_list("check.problems", "Problems", described(c.problems));
    } else if (c.checked && c.preview && c.program) {
        const CredentialReport& r = *c.preview;
        say(ICON_CHECK_CIRCLE " No problems: recert validate accepts " + c.program->name + ".", palette().met);
        begin_node("check.preview", Role::region, "Preview");
        if (!r.problems.empty()) {
            for (const auto& p : r.problems) say(describe(p), palette().late);
        } else {
            ImGui::PushFont(fonts().bold);
            ImGui::TextWrapped("%s", r.phase_text.c_str());
            ImGui::PopFont();
            muted("Cycle %s to %s.", date_in_words(r.start).c_str(), date_in_words(r.end).c_str());
            for (const auto& q : r.requirements) say((q.met ? ICON_CHECK_CIRCLE "  " : ICON_CIRCLE_O "  ") + q.name + ": " + number(q.earned) + " / " + with_unit(q.required, *c.program));
            for (const auto& d : r.deadlines) say(ICON_CALENDAR "  " + date_in_words(d.date) + " \u2014 " + d.label);
            for (const auto& f : r.fees) say(ICON_WARNING "  " + f.label + ": " + money(f.amount, c.program->currency));
            if (!r.steps.empty()) say(left_in_words(r));
        }
        end_node();
    }
    end_dialog_body();
    ImGui::Separator();
    if (ImGui::Button("Close") || escape_here()) emit(a, act::CloseCheck{});
    track("check.close");
    end_dialog();
}

// "Pass the recertification exam": the day it was done, today unless the person says otherwise.
void draw_step_form(App& a) {
    StepForm& f = a.step_form;
    if (!begin_dialog("Step", f.name, &f.open, 460)) return;
    ImGui::PushFont(fonts().heading);
    ImGui::TextWrapped("%s", f.name.c_str());
    ImGui::PopFont();
    muted("Recert counts it for the cycle whose dates hold the day you did it.");
    ImGui::Spacing();
    label_row("Done on", true);
    date_input("step.date", "Done on", f.date, std::min(ImGui::GetContentRegionAvail().x, px(300)), a.today);
    if (!f.error.empty()) field_error(f.error, "step.date.text");
    if (ImGui::IsWindowAppearing()) semantics().focus = "step.date.text";
    ImGui::Separator();
    if (primary_button(ICON_CHECK " Save") || field_entered()) emit(a, act::SaveStep{});
    track("step.save");
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || escape_here()) emit(a, act::CloseStep{});
    track("step.cancel");
    end_dialog();
}

void draw_credential_form(App& a) {
    CredentialForm& f = a.credential_form;
    if (a.programs.empty() || !begin_dialog("Credential", f.editing_id.empty() ? "Add your credential" : "Edit credential", &f.open, 620)) return;
    ImGui::PushFont(fonts().heading);
    ImGui::TextUnformatted(f.editing_id.empty() ? "Add your credential" : "Edit credential");
    ImGui::PopFont();
    muted("Recert evaluates your activities by this program's published rules.");
    ImGui::Spacing();
    begin_dialog_body("credential.body");
    const float w = ImGui::GetContentRegionAvail().x;

    label_row("Credential and program", true);
    ImGui::SetNextItemWidth(w);
    // The programs a host offers (config.h), and always the one this credential already has.
    std::vector<Choice> programs;
    std::vector<int> index;  // of each choice in a.programs
    for (std::size_t i = 0; i < a.programs.size(); ++i) {
        const Program& program = a.programs[i];
        const bool own = std::any_of(a.log.programs.begin(), a.log.programs.end(), [&](const OwnProgram& o) { return o.id == program.id; });
        if (!offered(a.config, program) && !own && static_cast<int>(i) != f.program) continue;
        programs.push_back({"program." + program.id, program.name});
        index.push_back(static_cast<int>(i));
    }
    const int current = static_cast<int>(std::find(index.begin(), index.end(), f.program) - index.begin());
    if (const int i = combo("credential.program", "Credential and program", programs, current < static_cast<int>(index.size()) ? current : -1,
                            "Choose your certification\u2026");
        i >= 0 && index[static_cast<std::size_t>(i)] != f.program) {
        f.program = index[static_cast<std::size_t>(i)];
        f.options.clear();  // another program's options
    }
    const auto errors = check_credential(a, f).errors;
    auto error_for = [&](Field field, const std::string& node) {
        if (const auto it = errors.find(field); it != errors.end()) field_error(it->second, node);
    };
    if (f.tried) error_for(Field::program, "credential.program");  // not before a first try
    // An association's own credential, from the file it sent its members.
    ImGui::Button(ICON_UPLOAD " Use a program file\u2026");
    if (press_started()) emit(a, act::PickFile{true});
    track("credential.program-file");
    ImGui::SameLine();
    help_tip("A program file (JSON) that your certifying body or association wrote for its credential. Recert checks it, keeps it with your log, and your backups carry it.");
    const Program* p = f.program >= 0 && f.program < static_cast<int>(a.programs.size()) ? &a.programs[static_cast<std::size_t>(f.program)] : nullptr;
    if (p && !p->description.empty()) muted("%s", p->description.c_str());

    if (!p || p->cycle.type != CycleRule::Type::lookback) {
        // Both fields with messages are dates: their node is the date's text.
        label_row("Date you earned or last renewed the credential", true);
        date_input("credential.certified_on", "Date you earned or last renewed the credential", f.certified_on, std::min(w, px(300)), a.today);
        if (f.tried || !f.certified_on.empty()) error_for(Field::certified_on, "credential.certified_on.text");
        label_row("Cycle already renewed through (optional)");
        help_tip("Leave empty if you are in your first cycle. Otherwise enter the last day of the cycle you have already renewed; Recert then tracks the next one.");
        date_input("credential.renewed_through", "Cycle already renewed through (optional)", f.renewed_through, std::min(w, px(300)), a.today);
        error_for(Field::renewed_through, "credential.renewed_through.text");
        if (p) {
            const std::string example = cycle_example(*p, f, a.today);
            if (!example.empty()) muted(ICON_INFO " %s", example.c_str());
        }
    } else {
        muted(ICON_INFO " This program looks back from the day you apply: activities in the %s up to today count.", span_in_words(p->cycle).c_str());
    }

    if (p) draw_options(f, *p, w);

    label_row("Name shown (optional)");
    ImGui::SetNextItemWidth(w);
    text_field("credential.label", "Name shown (optional)", f.label, !p ? "" : p->credential.empty() ? p->name.c_str() : p->credential.c_str());
    end_dialog_body();

    ImGui::Separator();
    const bool enter = field_entered() && !f.asking;
    if (primary_button(ICON_CHECK " Save credential") || enter) emit(a, act::SaveCredential{});
    track("credential.save");
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || escape_here()) emit(a, act::CancelCredential{});
    track("credential.cancel");
    if (!f.editing_id.empty()) {
        ImGui::SameLine(w - px(160));
        if (danger_button(ICON_TRASH " Remove")) a.confirm_remove_credential = true;
        track("credential.remove");
    }
    if (a.confirm_remove_credential) {
        ImGui::Spacing();
        ImGui::TextWrapped("Remove this credential? Your logged activities stay.");
        if (danger_button("Remove credential")) emit(a, act::DeleteCredential{f.editing_id});
        ImGui::SameLine();
        if (ImGui::Button("Keep it")) a.confirm_remove_credential = false;
    }
    ask_discard(a, f.asking);
    draw_program_file(a);
    end_dialog();
}

}  // namespace recert::app
