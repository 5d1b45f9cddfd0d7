#include "packet.h"

#include <algorithm>
#include <set>

#include "explain.h"
#include "format.h"
#include "text.h"

namespace recert {

namespace {

using Block = PacketBlock;

Block text(std::string s, bool flagged = false) { return {Block::Type::text, std::move(s), flagged, {}, {}}; }
Block heading(std::string s) { return {Block::Type::heading, std::move(s), false, {}, {}}; }
Block table(std::vector<std::string> columns) { return {Block::Type::table, "", false, std::move(columns), {}}; }

std::string entry_day(const Entry& e) { return date_in_words(e.date); }

}  // namespace

Packet make_packet(const Program& p, const Credential& credential, const std::vector<Entry>& entries,
                   const CredentialReport& r, const std::string& holder, Date produced,
                   const std::vector<NotIncluded>& not_included) {
    auto logged = [&](const EntryResult& er) -> const Entry* {
        const auto it = std::find_if(entries.begin(), entries.end(), [&](const Entry& e) { return e.id == er.id; });
        return it == entries.end() ? nullptr : &*it;
    };
    // A document reads by date: the report's entries (log order) sorted by day, ties in log order.
    std::vector<std::size_t> by_date;
    for (std::size_t i = 0; i < r.entries.size(); ++i)
        if (logged(r.entries[i])) by_date.push_back(i);
    std::stable_sort(by_date.begin(), by_date.end(),
                     [&](std::size_t a, std::size_t b) { return logged(r.entries[a])->date < logged(r.entries[b])->date; });
    std::vector<std::size_t> rank(r.entries.size());  // entry index -> its place by date: sorting asks it often
    for (std::size_t i = 0; i < by_date.size(); ++i) rank[by_date[i]] = i;

    Packet out;
    const std::string credential_name = list_in_words(credential_short_names(p));
    out.title = "Renewal packet: " + credential_name;
    out.filename = "recert-packet-" + r.program + "-" + to_iso(produced) + ".pdf";
    out.blocks.push_back({Block::Type::title, out.title, false, {}, {}});

    Block facts{Block::Type::facts, "", false, {}, {}};
    auto fact = [&](std::string label, std::string value) {
        facts.columns.push_back(std::move(label));
        facts.rows.push_back({{std::move(value)}, ""});
    };
    if (!holder.empty()) fact("Name", holder);
    fact("Credential", p.credential);  // not the person's own label for it: that is for them
    fact("Certifying body", p.body);
    if (credential.certified_on) fact("Certified on", date_in_words(*credential.certified_on));
    fact("Cycle", date_in_words(r.start) + " to " + date_in_words(r.end));
    fact("Status", r.phase_text + " " + left_in_words(r));
    fact("Produced", date_in_words(produced) + ", by Recert from the person's own log");
    out.blocks.push_back(std::move(facts));
    if (const std::string lacking = missing_evidence_in_words(p, r); !lacking.empty())
        out.blocks.push_back(text(lacking + " They are flagged below.", true));

    // Each requirement, then the activities counted toward it (an activity can count toward
    // several, a total and a category, and is listed under each).
    const std::string unit = capitalized(p.unit_plural);
    std::set<std::size_t> counted;
    out.blocks.push_back(heading("Requirements"));
    for (const auto& req : r.requirements) {
        out.blocks.push_back(heading(req.name));
        out.blocks.push_back(text(with_unit(req.earned, p) + " earned of " + with_unit(req.required, p) + " required: " +
                                  (req.met ? "met." : number(req.remaining) + " still to earn.")));
        auto lines = requirement_lines(p, r, req.id);
        lines.erase(std::remove_if(lines.begin(), lines.end(), [](const Line& l) { return l.share != Share::counted; }), lines.end());
        std::stable_sort(lines.begin(), lines.end(), [&](const Line& a, const Line& b) { return rank[a.entry] < rank[b.entry]; });
        if (lines.empty()) {
            out.blocks.push_back(text("No activity counts toward it yet."));
            continue;
        }
        Block t = table({"Date", "Activity", "Provider", "Kind", unit, "Code", "Certificate"});
        for (const auto& l : lines) {
            const EntryResult& er = r.entries[l.entry];
            const Entry* e = logged(er);
            if (!e) continue;
            counted.insert(l.entry);
            t.rows.push_back({{entry_day(*e), e->title, e->provider, std::string(label(e->kind)), number(l.amount), e->code,
                               e->files.empty() ? "No" : count_of(static_cast<std::int64_t>(e->files.size()), "file", "files")},
                              er.missing.empty() ? "" : "Needs its " + missing_in_words(p, er)});
        }
        out.blocks.push_back(std::move(t));
    }

    // What the log holds that does not count, or counts in part, and why; planned activities
    // (dated after the report's day) are not proof of anything yet and are only counted.
    Block left_out = table({"Date", "Activity", unit, "Why"});
    int planned = 0;
    for (std::size_t i : by_date) {
        const EntryResult& er = r.entries[i];
        if (er.excluded == Exclusion::planned) { ++planned; continue; }
        if (er.excluded == Exclusion::none && er.detail.empty()) continue;
        const Entry* e = logged(er);
        left_out.rows.push_back({{entry_day(*e), e->title,
                                  er.excluded == Exclusion::none ? number(er.counted) + " of " + number(er.amount) : number(er.amount),
                                  capitalized(er.detail)},
                                 ""});
    }
    if (!left_out.rows.empty()) {
        out.blocks.push_back(heading("Not counted, or counted in part"));
        out.blocks.push_back(std::move(left_out));
    }
    if (planned > 0)
        out.blocks.push_back(text(count_of(planned, "planned activity", "planned activities") + ", dated after " +
                                  date_in_words(produced) + ", " + (planned == 1 ? "is" : "are") + " not listed: not attended yet."));

    if (!r.steps.empty()) {
        out.blocks.push_back(heading("Steps besides " + p.unit_plural));
        Block t = table({"Step", "Done"});
        for (const auto& s : r.steps)
            t.rows.push_back({{s.name, s.done && s.done_on ? date_in_words(*s.done_on) : "Not yet"}, s.done ? "" : "Still to do"});
        out.blocks.push_back(std::move(t));
    }
    if (!r.deadlines.empty()) {
        out.blocks.push_back(heading("Dates"));
        Block t = table({"Date", "What"});
        for (const auto& d : r.deadlines) t.rows.push_back({{date_in_words(d.date), d.label}, ""});
        out.blocks.push_back(std::move(t));
    }
    if (!p.fees.empty()) {
        out.blocks.push_back(heading("Fees"));
        if (r.fees.empty()) out.blocks.push_back(text("No fee is owed on " + date_in_words(produced) + "."));
        else {
            Block t = table({"Owed now", "Fee"});
            for (const auto& f : r.fees) t.rows.push_back({{money(f.amount, p.currency), f.label}, ""});
            out.blocks.push_back(std::move(t));
        }
    }

    // The certificates of the counted activities, each file once, in the order listed above.
    std::set<std::string> seen;
    for (std::size_t i : by_date) {
        if (!counted.count(i)) continue;
        const Entry* e = logged(r.entries[i]);
        for (const auto& f : e->files)
            if (seen.insert(f.sha256).second) out.certificates.push_back({f.sha256, f.name, entry_day(*e) + " \u00B7 " + e->title, f.type});
    }
    out.blocks.push_back(heading("Certificates"));
    if (out.certificates.empty()) out.blocks.push_back(text("No certificate is attached to the activities counted."));
    else {
        Block t = table({"#", "Activity", "File"});
        std::vector<PacketCertificate> appended;
        for (std::size_t i = 0; i < out.certificates.size(); ++i) {
            auto& c = out.certificates[i];
            const auto left = std::find_if(not_included.begin(), not_included.end(), [&](const NotIncluded& n) { return n.sha256 == c.sha256; });
            t.rows.push_back({{std::to_string(i + 1), c.caption, c.name}, left == not_included.end() ? "" : "Not in this PDF: the file " + left->why});
            if (left == not_included.end()) appended.push_back(std::move(c));
        }
        const auto all = static_cast<std::int64_t>(out.certificates.size()), in = static_cast<std::int64_t>(appended.size());
        std::string says = count_of(all, "certificate is", "certificates are") + " attached to the activities counted; the PDF packet ";
        if (in == all) says += all == 1 ? "appends it." : "appends them in this order.";
        else if (in == 0) says += "could append none of them, for the reasons flagged below.";
        else says += "appends " + std::to_string(in) + " of them in this order, and could not append the " + std::to_string(all - in) + " flagged below.";
        out.blocks.push_back(text(says, in < all));
        out.blocks.push_back(std::move(t));
        out.certificates = std::move(appended);
    }
    return out;
}

nlohmann::json to_json(const Packet& packet) {
    static constexpr const char* types[] = {"title", "facts", "heading", "text", "table"};
    nlohmann::json blocks = nlohmann::json::array();
    for (const auto& b : packet.blocks) {
        nlohmann::json j{{"type", types[static_cast<int>(b.type)]}};
        if (!b.text.empty()) j["text"] = b.text;
        if (b.flagged) j["flagged"] = true;
        if (!b.columns.empty()) j["columns"] = b.columns;
        if (!b.rows.empty()) {
            j["rows"] = nlohmann::json::array();
            for (const auto& row : b.rows) {
                nlohmann::json rj{{"cells", row.cells}};
                if (!row.flag.empty()) rj["flag"] = row.flag;
                j["rows"].push_back(std::move(rj));
            }
        }
        blocks.push_back(std::move(j));
    }
    nlohmann::json certificates = nlohmann::json::array();
    for (const auto& c : packet.certificates)
        certificates.push_back({{"sha256", c.sha256}, {"name", c.name}, {"caption", c.caption}, {"type", to_mime(c.type)}});
    return {{"filename", packet.filename}, {"title", packet.title}, {"blocks", blocks}, {"certificates", certificates}};
}

}  // namespace recert
