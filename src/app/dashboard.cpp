#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>

#include "explain.h"
#include "format.h"
#include "icons.h"
#include "screens.h"
#include "theme.h"
#include "widgets.h"

namespace recert::app {

namespace {

struct Status {
    const char* icon;
    std::string word;
    ImVec4 colour;
};

Status status_of(const CredentialReport& r, const Program& program) {
    const Palette& p = palette();
    switch (r.phase) {
        case Phase::not_started: return {ICON_CLOCK, "Not started", p.muted};
        case Phase::earning:
            // Never "requirements met" while an exam or application is still to do.
            if (r.complete && !r.ready) return {ICON_CHECK_CIRCLE, "On track: " + program.unit_plural + " met", p.met};
            return r.complete ? Status{ICON_CHECK_CIRCLE, "On track: requirements met", p.met}
                              : Status{ICON_HOURGLASS, "Earning " + program.unit_plural, p.primary};
        case Phase::window_open: return r.complete ? Status{ICON_CHECK_CIRCLE, "Ready to apply", p.met} : Status{ICON_WARNING, "Application open", p.risk};
        case Phase::extension: return {ICON_WARNING, "Extension", p.risk};
        case Phase::late: return {ICON_EXCLAMATION_CIRCLE, "Late", p.late};
        case Phase::grace: return {ICON_EXCLAMATION_CIRCLE, "Grace period", p.late};
        case Phase::lapsed: return {ICON_EXCLAMATION_CIRCLE, "Lapsed", p.late};
    }
    return {ICON_INFO, "", p.muted};
}

void card_begin(const char* id) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(px(18), px(16)));
    ImGui::BeginChild(id, ImVec2(0, 0), ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding);
}
void card_end() {
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

// The next date still ahead, or nullptr once all have passed.
const DeadlineResult* next_deadline(const CredentialReport& r) {
    for (const auto& d : r.deadlines)
        if (d.days_from_as_of >= 0) return &d;
    return nullptr;
}

void draw_timeline(const CredentialReport& r, Date today) {
    const Palette& pal = palette();
    // One marker a day: deadlines on the same day share it.
    struct Mark {
        Date date;
        int count = 0;
        bool past = false;
        float x = 0;
        int row = -1;  // of its label below the line; -1 when none fits (the list below has it)
        float left = 0;
        std::string text;
    };
    std::vector<Mark> marks;
    Date last = r.end;
    for (const auto& d : r.deadlines) {
        last = std::max(last, d.date);
        auto m = std::find_if(marks.begin(), marks.end(), [&](const Mark& x) { return x.date == d.date; });
        if (m == marks.end()) m = marks.insert(marks.end(), Mark{d.date, 0, d.days_from_as_of < 0});
        ++m->count;
    }
    std::sort(marks.begin(), marks.end(), [](const Mark& x, const Mark& y) { return x.date < y.date; });
    const float span = static_cast<float>(std::max(1, days_between(r.start, last)));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    const float line_y = origin.y + px(46);
    const float radius = px(5);
    auto x_of = [&](Date d) { return origin.x + w * std::clamp(days_between(r.start, d) / span, 0.0f, 1.0f); };
    // Days a month apart are a few pixels apart: markers keep their order, moved just enough
    // not to touch, rightward and then back from the end.
    const float gap = 2 * radius + px(4);
    for (std::size_t i = 0; i < marks.size(); ++i) marks[i].x = std::max(x_of(marks[i].date), i ? marks[i - 1].x + gap : origin.x);
    for (std::size_t i = marks.size(); i-- > 0;) marks[i].x = std::min(marks[i].x, i + 1 < marks.size() ? marks[i + 1].x - gap : origin.x + w);

    ImFont* small = fonts().small;
    const float fs = small->FontSize;
    const float row_h = fs + px(4);
    auto width_of = [&](const std::string& t) { return small->CalcTextSizeA(fs, FLT_MAX, 0, t.c_str()).x; };
    auto left_of = [&](float x, float tw) { return std::clamp(x - tw / 2, origin.x, origin.x + w - tw); };
    // Date labels below the line, from the left: each in the first of three rows where it,
    // centred on its marker or beside it, touches no other label and no line leading down to
    // one. What fits nowhere is read in the list below.
    constexpr int rows = 3;
    struct Placed {
        int row;
        float left, right, x;
    };
    std::vector<Placed> placed;
    auto fits = [&](int row, float left, float right, float x) {
        const float pad = px(8), line_pad = px(3);
        return std::none_of(placed.begin(), placed.end(), [&](const Placed& p) {
            return (p.row == row && left < p.right + pad && p.left < right + pad) ||     // label on label
                   (p.row > row && left - line_pad < p.x && p.x < right + line_pad) ||  // label on a line
                   (row > p.row && p.left - line_pad < x && x < p.right + line_pad);    // line on a label
        });
    };
    // The next date ahead is placed first: it is the one a person looks for.
    const auto next = std::find_if(marks.begin(), marks.end(), [](const Mark& m) { return !m.past; });
    std::vector<Mark*> order;
    if (next != marks.end()) order.push_back(&*next);
    for (auto& m : marks)
        if (&m != (next != marks.end() ? &*next : nullptr)) order.push_back(&m);
    int rows_used = 1;
    for (Mark* mp : order) {
        Mark& m = *mp;
        m.text = date_in_words(m.date) + (m.count > 1 ? " \xC2\xB7 " + count_of(m.count, "date", "dates") : "");
        const float tw = width_of(m.text);
        for (int row = 0; row < rows && m.row < 0; ++row)
            for (const float left : {left_of(m.x, tw), left_of(m.x - tw / 2 + radius, tw), left_of(m.x + tw / 2 - radius, tw)})
                if (fits(row, left, left + tw, m.x)) {
                    m.row = row;
                    m.left = left;
                    placed.push_back({row, left, left + tw, m.x});
                    rows_used = std::max(rows_used, row + 1);
                    break;
                }
    }

    const float h = px(8);
    dl->AddRectFilled(ImVec2(origin.x, line_y - h / 2), ImVec2(origin.x + w, line_y + h / 2), col(pal.surface_alt), h);
    dl->AddRectFilled(ImVec2(origin.x, line_y - h / 2), ImVec2(x_of(r.end), line_y + h / 2), col(pal.primary, 0.25f), h);
    dl->AddRectFilled(ImVec2(origin.x, line_y - h / 2), ImVec2(x_of(std::min(today, r.end)), line_y + h / 2), col(pal.primary, 0.8f), h);
    // Today above the line, the dates below it: neither hides the other.
    const float tx = x_of(today);
    dl->AddLine(ImVec2(tx, line_y - px(16)), ImVec2(tx, line_y - h / 2), col(pal.primary), px(2));
    const float above = line_y - px(20) - fs;
    const float today_w = width_of("Today"), today_left = left_of(tx, today_w);
    dl->AddText(small, fs, ImVec2(today_left, above), col(pal.primary), "Today");
    const std::string start = date_in_words(r.start);
    if (origin.x + width_of(start) + px(10) < today_left) dl->AddText(small, fs, ImVec2(origin.x, above), col(pal.muted), start.c_str());
    for (const auto& m : marks) {
        const ImU32 c = col(m.past ? pal.muted : pal.text);
        dl->AddCircleFilled(ImVec2(m.x, line_y), radius, col(pal.surface));
        dl->AddCircle(ImVec2(m.x, line_y), radius, c, 0, px(2));
        if (m.count > 1) dl->AddCircle(ImVec2(m.x, line_y), radius + px(3), c, 0, px(1.5f));
        if (m.row < 0) continue;
        const float y = line_y + px(14) + m.row * row_h;
        if (m.row > 0) dl->AddLine(ImVec2(m.x, line_y + radius + px(4)), ImVec2(m.x, y - px(1)), col(pal.muted, 0.6f), px(1));
        dl->AddText(small, fs, ImVec2(m.left, y), c, m.text.c_str());
    }
    ImGui::Dummy(ImVec2(w, px(46) + px(14) + rows_used * row_h + px(8)));
    // The picture in words, in the order drawn; the list below reads each date's meaning.
    std::vector<std::string> said;
    for (const auto& m : marks)
        said.push_back(date_in_words(m.date) + (m.count > 1 ? " (" + count_of(m.count, "date", "dates") + ")" : "") + (m.past ? " (passed)" : ""));
    const auto ahead = std::find_if(marks.begin(), marks.end(), [&](const Mark& m) { return today < m.date; });
    said.insert(said.begin() + (ahead - marks.begin()), "today (" + date_in_words(today) + ")");
    track("timeline", Role::img);
    name_last("Timeline from " + start + ": " + list_in_words(said));
}

// Under a requirement, the answer to "why is this not met?": the activities counted toward it
// (adding up to its figure), those that fit it but went elsewhere or count for nothing, and
// why, then what the body says counts.
void draw_explanation(const App& a, const CredentialReport& r, const Program& p, const RequirementResult& q) {
    const Palette& pal = palette();
    std::unordered_map<std::string_view, const Entry*> by_id;
    for (const auto& e : a.log.entries) by_id.emplace(e.id, &e);
    const std::vector<Line> lines = requirement_lines(p, r, q.id);
    // Each group under its heading; a long log lists the first of each, the rest are in Activities.
    constexpr std::size_t shown_at_most = 40;
    struct Group {
        Share share;
        const char* icon;
        std::string heading;
        ImVec4 colour;
    };
    auto count = [&](Share s) { return std::count_if(lines.begin(), lines.end(), [&](const Line& l) { return l.share == s; }); };
    Credits planned;
    for (const auto& l : lines)
        if (l.share == Share::planned) planned += l.amount;
    const Group groups[] = {
        {Share::counted, ICON_CHECK, "Counted here: " + number(q.earned) + " of " + with_unit(q.required, p) +
                                         (q.met ? ", met" : ", " + with_unit(q.remaining, p) + " to go"), pal.met},
        {Share::elsewhere, ICON_INFO, "Fits here, counted elsewhere (" + std::to_string(count(Share::elsewhere)) + ")", pal.text},
        {Share::planned, ICON_CLOCK, "Planned (" + std::to_string(count(Share::planned)) + "): up to " + with_unit(planned, p) + " more once attended",
         pal.planned},
        {Share::not_counted, ICON_TIMES, "Fits here, counts for nothing (" + std::to_string(count(Share::not_counted)) + ")", pal.muted},
    };
    ImGui::Indent(px(12));
    for (const Group& g : groups) {
        if (g.share != Share::counted && count(g.share) == 0) continue;
        ImGui::PushFont(fonts().bold);
        say(std::string(g.icon) + "  " + g.heading, g.colour);
        ImGui::PopFont();
        std::size_t shown = 0, left = 0;
        for (const auto& l : lines) {
            if (l.share != g.share) continue;
            if (shown == shown_at_most) { ++left; continue; }
            ++shown;
            const auto found = by_id.find(r.entries[l.entry].id);
            if (found == by_id.end()) continue;
            const Entry& e = *found->second;
            // What counts for nothing shows no amount: its would-be figure is not what it earns.
            std::string text = date_in_words(e.date) + "  ·  " + e.title;
            if (l.share != Share::not_counted) text += "  ·  " + with_unit(l.amount, p);
            if (!l.why.empty()) text += ": " + l.why;
            say(text, g.share == Share::counted ? pal.text : pal.muted);
        }
        if (left) muted("and %s more: see Activities", count_of(static_cast<std::int64_t>(left), "other", "others").c_str());
        if (g.share == Share::counted && shown == 0) muted("No activity counts toward it yet.");
    }
    // What counts here, in the body's words, with the source named.
    for (const auto& rule : p.requirements) {
        if (rule.id != q.id || rule.cite.quote.empty()) continue;
        std::string text = "What counts, in " + body_short_name(p) + "\u2019s words: \u201C" + rule.cite.quote + "\u201D";
        if (const Source* s = p.source(rule.cite.source); s && !s->title.empty()) text += " (" + s->title + ")";
        say(text, pal.muted);
        if (!rule.cite.interpretation.empty()) say("How Recert reads it: " + rule.cite.interpretation, pal.muted);
    }
    ImGui::Unindent(px(12));
}

void draw_pace(const App& a, const CredentialReport& r, const Program& p) {
    // Credits still needed: at least the largest single shortfall, and all of an exclusive
    // group's shortfalls together, since each activity counts toward only one of them.
    Credits needed, grouped;
    for (std::size_t i = 0; i < r.requirements.size(); ++i) {
        const auto& q = r.requirements[i];
        const auto rule = std::find_if(p.requirements.begin(), p.requirements.end(), [&](const Requirement& x) { return x.id == q.id; });
        if (rule != p.requirements.end() && !rule->group.empty()) grouped += q.remaining;
        needed = std::max(needed, q.remaining);
    }
    needed = std::max(needed, grouped);
    if (needed == Credits{}) {
        muted(ICON_CHECK " Nothing more is needed for this cycle.");
        return;
    }
    Credits last_year;
    const Date year_ago = add_days(a.today, date::days{-365});
    std::unordered_map<std::string_view, Date> dates;  // by id: the report need not keep the log's order
    for (const auto& e : a.log.entries) dates.emplace(e.id, e.date);
    for (const auto& er : r.entries)
        if (const auto d = dates.find(er.id); er.excluded == Exclusion::none && d != dates.end() && d->second > year_ago) last_year += er.counted;
    const DeadlineResult* due = nullptr;
    for (const auto& d : r.deadlines)
        if (d.id == due_date_id) due = &d;
    const Date due_date = due ? due->date : r.end;
    const int days_to_due = days_between(a.today, due_date);
    // Rates are for reading only; every sum above is exact.
    const double need = static_cast<double>(needed.units()) / Credits::scale;
    char buf[256];
    if (last_year > Credits{}) {
        const int days = static_cast<int>(std::ceil(need / (static_cast<double>(last_year.units()) / Credits::scale / 12.0) * 30.44));
        const Date done = add_days(a.today, date::days{days});
        std::snprintf(buf, sizeof buf, "At your pace of the last 12 months (%s), you would finish around %s%s.",
                      per_month(last_year, 12, p).c_str(), date_in_words(done).c_str(),
                      !due ? "" : done <= due_date ? ", before it is due" : ", after it is due");
        const bool behind = due && done > due_date;
        say(std::string(behind ? ICON_WARNING : ICON_LINE_CHART) + " " + buf, behind ? palette().risk : palette().text);
    } else {
        say(ICON_LINE_CHART " Nothing was earned in the last 12 months.");
    }
    if (days_to_due > 0) {
        const double months = std::max(1.0, days_to_due / 30.44);
        std::snprintf(buf, sizeof buf, "To be done by %s: %s (%s in all).", date_in_words(due_date).c_str(), per_month(needed, months, p).c_str(),
                      with_unit(needed, p).c_str());
        muted("%s", buf);
    }
}

// What renewal asks besides credits: what is left in one line, then each step to tick, with the
// day it was done. Ticking asks the day (the step form); unticking forgets it, undoably.
void draw_steps(App& a, const Credential& c, const CredentialReport& r) {
    const Palette& pal = palette();
    ImGui::Spacing();
    say(left_in_words(r), r.ready ? pal.met : pal.text);
    begin_node("steps", Role::list, "Steps besides credits").level = static_cast<int>(r.steps.size());
    for (std::size_t i = 0; i < r.steps.size(); ++i) {
        const StepResult& s = r.steps[i];
        ImGui::PushID(s.id.c_str());
        begin_node("step." + s.id + ".item", Role::listitem).level = static_cast<int>(i) + 1;
        bool on = s.done;
        if (wrapped_checkbox("step." + s.id, s.name, &on, true)) {
            if (on) emit(a, act::OpenStep{c.id, s.id});
            else emit(a, act::ClearStep{c.id, s.id});
        }
        if (s.done_on) {
            // A day that does not count here was for an earlier cycle (a future one cannot be saved).
            const std::string when = (s.done ? "Done " : "Last done ") + date_in_words(*s.done_on) + (s.done ? "" : ", for an earlier cycle");
            ImGui::SameLine();
            if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(when.c_str()).x + ImGui::GetFrameHeight() * 2) ImGui::NewLine();
            ImGui::AlignTextToFramePadding();
            ImGui::TextColored(pal.muted, "%s", when.c_str());
            semantic_text("step." + s.id + ".when", when);
            ImGui::SameLine();
            if (icon_button(ICON_PENCIL, "date", "Change the date", "Change the date for \u201c" + s.name + "\u201d"))
                emit(a, act::OpenStep{c.id, s.id});
            track("step." + s.id + ".change");
        }
        end_node();
        ImGui::PopID();
    }
    end_node();
}

}  // namespace

void draw_dashboard(App& a, const Credential& c, const CredentialReport& r, const Program& p) {
    const Palette& pal = palette();
    ImGui::PushFont(fonts().heading);
    const std::string title = c.label.empty() ? (p.credential.empty() ? p.name : p.credential) : c.label;
    ImGui::TextWrapped("%s", title.c_str());
    semantic_heading("heading.credential", title, 2);
    ImGui::PopFont();
    muted("%s", p.name.c_str());
    if (!r.problems.empty()) {
        card_begin("problems");
        say(ICON_EXCLAMATION_CIRCLE " This credential needs a correction before it can be evaluated:", pal.late);
        for (const auto& pr : r.problems) {
            ImGui::Bullet();
            ImGui::SameLine();
            say(describe(pr));
        }
        if (ImGui::Button(ICON_PENCIL " Edit credential")) emit(a, act::OpenCredential{c.id});
        card_end();
        return;
    }

    // Where things stand, in words, with what to do next.
    const Status st = status_of(r, p);
    card_begin("phase");
    status_pill(st.icon, st.word, st.colour);
    track("phase", Role::status);
    name_last(st.word + ": " + r.phase_text);
    ImGui::PushFont(fonts().bold);
    ImGui::TextWrapped("%s", r.phase_text.c_str());  // the status's name says it
    ImGui::PopFont();
    if (const DeadlineResult* next = next_deadline(r))
        say(ICON_CALENDAR "  " + next->label + ": " + date_in_words(next->date) + ", " + relative_days(next->days_from_as_of) + ".");
    for (const auto& f : r.fees) say(ICON_WARNING "  " + f.label + ": " + money(f.amount, p.currency), pal.risk);
    if (!r.steps.empty()) draw_steps(a, c, r);
    if (const std::string lacking = missing_evidence_in_words(p, r); !lacking.empty()) {
        say(ICON_WARNING "  " + lacking, pal.risk);
        if (ImGui::Button("Show them")) emit(a, act::ShowMissingEvidence{});
        name_last("Show them: the activities missing what an audit asks");
        track("evidence.show");
    }
    if (p.cycle.type == CycleRule::Type::lookback)
        muted("Counting %s to %s: the %s up to the day you apply.", date_in_words(r.start).c_str(), date_in_words(r.end).c_str(),
              span_in_words(p.cycle).c_str());
    else if (r.days_left >= 0)
        muted("Cycle %s to %s: %s left.", date_in_words(r.start).c_str(), date_in_words(r.end).c_str(), count_of(r.days_left, "day", "days").c_str());
    else
        muted("Cycle %s to %s: ended %s.", date_in_words(r.start).c_str(), date_in_words(r.end).c_str(), relative_days(r.days_left).c_str());
    card_end();

    // Requirements.
    card_begin("requirements");
    ImGui::PushFont(fonts().bold);
    ImGui::TextUnformatted("Requirements");
    semantic_heading("heading.requirements", "Requirements", 3);
    ImGui::PopFont();
    // A list ("2 of 3"), each item its progress bar and what is planned.
    begin_node("requirements", Role::list, "Requirements").level = static_cast<int>(r.requirements.size());
    for (std::size_t i = 0; i < r.requirements.size(); ++i) {
        const auto& q = r.requirements[i];
        ImGui::PushID(q.id.c_str());
        begin_node("requirement." + q.id + ".item", Role::listitem).level = static_cast<int>(i) + 1;
        const ImVec4 colour = q.met ? pal.met : (r.phase == Phase::earning && !r.complete ? pal.primary : pal.risk);
        // The name opens what is behind the figure.
        const bool open = a.explained == q.id;
        const std::string why = "requirement." + q.id + ".why";
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(0, ImGui::GetStyle().FramePadding.y));
        if (disclosure("requirement." + q.id + ".explain", q.name, open, why)) a.explained = open ? "" : q.id;
        ImGui::PopStyleVar();
        const std::string figure = number(q.earned) + " / " + with_unit(q.required, p);
        const float figure_w = ImGui::CalcTextSize(figure.c_str()).x;
        // Right-aligned beside the name, or under it when both do not fit.
        if (ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + figure_w + px(16) < ImGui::GetContentRegionMax().x)
            right_align(figure_w);
        ImGui::TextUnformatted(figure.c_str());
        track("requirement." + q.id);
        // Read as the bar it is: its figures, and what is left.
        progress_last(q.name, static_cast<double>(q.earned.units()) / Credits::scale, static_cast<double>(q.required.units()) / Credits::scale,
                      figure + (q.met ? ", met" : ", " + with_unit(q.remaining, p) + " to go"));
        const float req = static_cast<float>(std::max<std::int64_t>(1, q.required.units()));
        progress_bar(q.earned.units() / req, q.projected.units() / req, colour, px(10));
        ImGui::PushFont(fonts().small);
        if (q.met) ImGui::TextColored(pal.met, ICON_CHECK_CIRCLE " Met");
        else ImGui::TextColored(colour, ICON_CIRCLE_O " %s to go", with_unit(q.remaining, p).c_str());
        if (q.projected != q.earned) {
            ImGui::SameLine();
            const std::string planned = "+" + number(q.projected - q.earned) + " planned";
            ImGui::TextColored(pal.planned, "  %s", planned.c_str());
            semantic_text("requirement." + q.id + ".planned", planned);
        }
        ImGui::PopFont();
        if (open) {
            begin_node(why, Role::region, "Activities behind " + q.name);
            draw_explanation(a, r, p, q);
            end_node();
        }
        end_node();
        ImGui::PopID();
    }
    end_node();
    if (!r.allocation_optimal)
        muted(ICON_INFO " The split of activities between requirements is the best found, not proven best.");
    ImGui::Spacing();
    draw_pace(a, r, p);
    card_end();

    if (!r.deadlines.empty()) {
        card_begin("timeline");
        ImGui::PushFont(fonts().bold);
        ImGui::TextUnformatted("Dates ahead");
        semantic_heading("heading.dates", "Dates ahead", 3);
        ImGui::PopFont();
        if (ImGui::Button(ICON_CALENDAR " Add to calendar")) emit(a, act::ExportCalendar{c.id});
        track("calendar.export");
        // Each beside the one before when it fits (a phone's card is narrower than the three).
        auto next_to = [](const char* label) {
            ImGui::SameLine();
            if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2) ImGui::NewLine();
        };
        constexpr const char* pdf_label = ICON_DOWNLOAD " Renewal packet (PDF)";
        next_to(pdf_label);
        if (ImGui::Button(pdf_label)) emit(a, act::MakePacket{c.id});
        track("packet.pdf");
        constexpr const char* print_label = "Print renewal summary";
        next_to(print_label);
        if (ImGui::Button(print_label)) emit(a, act::PrintPacket{c.id});
        track("packet.print");
        draw_timeline(r, a.today);
        // The timeline is a picture of the list below it, which a screen reader reads.
        begin_node("deadlines", Role::list, "Dates ahead").level = static_cast<int>(r.deadlines.size());
        for (std::size_t i = 0; i < r.deadlines.size(); ++i) {
            const auto& d = r.deadlines[i];
            begin_node("deadline." + std::to_string(i), Role::listitem).level = static_cast<int>(i) + 1;
            say(std::string(d.days_from_as_of < 0 ? ICON_CHECK : ICON_CALENDAR) + "  " + date_in_words(d.date) + " — " + d.label + " (" +
                    relative_days(d.days_from_as_of) + ")",
                d.days_from_as_of < 0 ? pal.muted : pal.text);
            end_node();
        }
        end_node();
        card_end();
    }
}

void draw_welcome(App& a) {
    const float w = std::min(px(640), ImGui::GetContentRegionAvail().x);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (ImGui::GetContentRegionAvail().x - w) / 2);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + px(40));
    ImGui::BeginChild("welcome", ImVec2(w, 0), ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding);
    ImGui::PushFont(fonts().big);
    ImGui::TextWrapped("Know exactly where your renewal stands.");
    semantic_heading("heading.welcome", "Know exactly where your renewal stands.", 2);
    ImGui::PopFont();
    ImGui::Spacing();
    say("Log the continuing education you attend. Recert checks it against your certifying body's own rules "
        "(totals, categories, caps, approved credits, deadlines and fees) and tells you what is still missing "
        "and what to do next.");
    ImGui::Spacing();
    // Named from the program files offered, so a program an association adds is listed too.
    std::vector<Program> shown;
    const Program* start = nullptr;
    for (const auto& p : a.programs) {
        if (offered(a.config, p)) shown.push_back(p);
        if (p.id == a.config.program) start = &p;
    }
    if (!shown.empty()) muted(ICON_CHECK "  Works for %s.", programs_in_words(shown).c_str());
    muted(ICON_CHECK "  Your log stays in this browser: no account, nothing sent anywhere, works offline.");
    muted(ICON_CHECK "  Export a backup or a spreadsheet at any time.");
    ImGui::Spacing();
    // A host's page for one credential names it: "Add your CPCS credential".
    const std::string add = start ? ICON_PLUS "  Add your " + list_in_words(credential_short_names(*start), "or") + " credential" : ICON_PLUS "  Add your credential";
    if (primary_button(add.c_str(), ImVec2(0, ImGui::GetFrameHeight() * 1.3f))) emit(a, act::NewCredential{});
    track("add-credential");
    ImGui::SameLine();
    ImGui::Button(ICON_UPLOAD "  Restore a backup", ImVec2(0, ImGui::GetFrameHeight() * 1.3f));
    if (press_started()) emit(a, act::PickFile{});
    track("restore");
    ImGui::EndChild();
}

}  // namespace recert::app
