// The renewal packet's words: what a body would read in it, made from the report alone.
#include <doctest/doctest.h>

#include <algorithm>

#include "format.h"
#include "packet.h"
#include "support.h"

using namespace recert;
using nlohmann::json;

namespace {
const std::string sha_a(64, 'a'), sha_b(64, 'b');
std::string file(const std::string& sha, const std::string& name) {
    return R"({"id":"f-)" + name + R"(","name":")" + name + R"(","type":"application/pdf","size":10,"sha256":")" + sha + R"("})";
}
// DMEC: certified Feb 10, 2025; two events counted (one lacking its code), one before the cycle,
// one planned, the exam not yet passed.
const std::string credential = R"({"id":"c1","program":"dmec-clms","certified_on":"2025-02-10","label":"Work"})";
const std::string entries = R"([
  {"id":"late","title":"Leave law update","provider":"DMEC","date":"2026-03-04","credits":1.5,"kind":"live_webinar","topics":["fmla"],"code":"CLMS-77","files":[)" + file(sha_b, "update.pdf") + R"(]},
  {"id":"early","title":"FMLA webinar","provider":"DMEC","date":"2025-06-01","credits":2,"kind":"live_webinar","topics":["fmla"],"files":[)" + file(sha_a, "fmla.pdf") + R"(]},
  {"id":"old","title":"Old webinar","date":"2024-06-01","credits":1,"kind":"live_webinar","topics":["fmla"]},
  {"id":"ahead","title":"Annual conference","date":"2027-01-10","credits":5,"kind":"conference","topics":["fmla"]}])";

struct Made {
    CredentialReport report;
    Packet packet;
};
Made made(const std::string& holder = "Dana Reyes", const std::vector<NotIncluded>& not_included = {}) {
    const Log log = test::log_from(R"({"format":"recert-log","version":1,"credentials":[)" + credential + R"(],"entries":)" + entries + "}");
    CredentialReport r = test::evaluate_one("dmec-clms", credential, entries, "2026-12-03");
    Packet p = make_packet(test::program("dmec-clms"), log.credentials[0], log.entries, r, holder, test::day("2026-12-03"), not_included);
    return {std::move(r), std::move(p)};
}
const PacketBlock* after_heading(const Packet& p, const std::string& heading, PacketBlock::Type type) {
    auto it = std::find_if(p.blocks.begin(), p.blocks.end(), [&](const PacketBlock& b) { return b.type == PacketBlock::Type::heading && b.text == heading; });
    if (it == p.blocks.end()) return nullptr;
    it = std::find_if(it + 1, p.blocks.end(), [&](const PacketBlock& b) { return b.type == type; });
    return it == p.blocks.end() ? nullptr : &*it;
}
std::string fact(const Packet& p, const std::string& label) {
    for (const auto& b : p.blocks)
        if (b.type == PacketBlock::Type::facts)
            for (std::size_t i = 0; i < b.columns.size(); ++i)
                if (b.columns[i] == label) return b.rows[i].cells[0];
    return "(none)";
}
}  // namespace

TEST_CASE("Packet: names the person, the credential, its cycle, what is left and the day it was made") {
    const auto m = made();
    CHECK(m.packet.title == "Renewal packet: DMEC CLMS");
    CHECK(m.packet.filename == "recert-packet-dmec-clms-2026-12-03.pdf");
    CHECK(fact(m.packet, "Name") == "Dana Reyes");
    CHECK(fact(m.packet, "Credential") == "Certified Leave Management Specialist (CLMS)");  // not "Work", their own label
    CHECK(fact(m.packet, "Cycle") == date_in_words(m.report.start) + " to " + date_in_words(m.report.end));
    CHECK(fact(m.packet, "Status").find("Left: ") != std::string::npos);  // the exam is open: never "done"
    CHECK(fact(m.packet, "Status").find("pass the recertification exam") != std::string::npos);
    CHECK(fact(m.packet, "Produced").rfind("Dec 3, 2026", 0) == 0);
    CHECK(fact(made("").packet, "Name") == "(none)");  // no name given: no empty line
}

TEST_CASE("Packet: each requirement with its figures and the activities counted toward it, by date, missing evidence flagged") {
    const auto m = made();
    const auto& req = m.report.requirements.at(0);
    const PacketBlock* t = after_heading(m.packet, req.name, PacketBlock::Type::table);
    REQUIRE(t);
    CHECK(t->columns == std::vector<std::string>{"Date", "Activity", "Provider", "Kind", "CEUs", "Code", "Certificate"});
    REQUIRE(t->rows.size() == 2);  // the old one and the planned one count for nothing
    CHECK(t->rows[0].cells == std::vector<std::string>{"Jun 1, 2025", "FMLA webinar", "DMEC", "Live webinar", "2", "", "1 file"});
    CHECK(t->rows[0].flag == "Needs its CLMS verification code");
    CHECK(t->rows[1].cells[1] == "Leave law update");
    CHECK(t->rows[1].cells[5] == "CLMS-77");
    CHECK(t->rows[1].flag.empty());
    const auto figures = std::find_if(m.packet.blocks.begin(), m.packet.blocks.end(), [](const PacketBlock& b) { return b.text.find(" earned of ") != std::string::npos; });
    REQUIRE(figures != m.packet.blocks.end());
    CHECK(figures->text == "3.5 CEUs earned of " + with_unit(req.required, test::program("dmec-clms")) + " required: " + number(req.remaining) + " still to earn.");
    const auto warning = std::find_if(m.packet.blocks.begin(), m.packet.blocks.end(), [](const PacketBlock& b) { return b.flagged; });
    REQUIRE(warning != m.packet.blocks.end());
    CHECK(warning->text == "For an audit, 1 activity lacks its CLMS verification code. They are flagged below.");
}

TEST_CASE("Packet: exclusions with their reasons; planned activities only counted; steps, dates and fees") {
    const auto m = made();
    const PacketBlock* out = after_heading(m.packet, "Not counted, or counted in part", PacketBlock::Type::table);
    REQUIRE(out);
    REQUIRE(out->rows.size() == 1);
    CHECK(out->rows[0].cells[1] == "Old webinar");
    CHECK_FALSE(out->rows[0].cells[3].empty());
    CHECK(std::any_of(m.packet.blocks.begin(), m.packet.blocks.end(), [](const PacketBlock& b) { return b.text == "1 planned activity, dated after Dec 3, 2026, is not listed: not attended yet."; }));
    const PacketBlock* steps = after_heading(m.packet, "Steps besides CEUs", PacketBlock::Type::table);
    REQUIRE(steps);
    CHECK(steps->rows.at(0).cells == std::vector<std::string>{"Pass the recertification exam", "Not yet"});
    CHECK(steps->rows.at(0).flag == "Still to do");
    const PacketBlock* dates = after_heading(m.packet, "Dates", PacketBlock::Type::table);
    REQUIRE(dates);
    CHECK(dates->rows.size() == m.report.deadlines.size());
    CHECK(after_heading(m.packet, "Fees", PacketBlock::Type::text) != nullptr);
}

TEST_CASE("Packet: the certificates of counted activities follow once each, in the order listed") {
    const auto m = made();
    REQUIRE(m.packet.certificates.size() == 2);
    CHECK(m.packet.certificates[0].sha256 == sha_a);  // Jun 2025 before Mar 2026, whatever the log's order
    CHECK(m.packet.certificates[0].caption == "Jun 1, 2025 \u00B7 FMLA webinar");
    CHECK(m.packet.certificates[1].name == "update.pdf");
    const json j = to_json(m.packet);
    CHECK(j["certificates"][0]["type"] == "application/pdf");
    CHECK(j["blocks"][0] == json{{"type", "title"}, {"text", "Renewal packet: DMEC CLMS"}});
    const auto flagged = std::find_if(j["blocks"].begin(), j["blocks"].end(), [](const json& b) { return b.contains("flagged"); });
    CHECK(flagged != j["blocks"].end());
}

TEST_CASE("Packet: a certificate the PDF cannot append is flagged with why, and the rest are appended") {
    const auto whole = made();
    const PacketBlock* all = after_heading(whole.packet, "Certificates", PacketBlock::Type::text);
    REQUIRE(all);
    CHECK(all->text == "2 certificates are attached to the activities counted; the PDF packet appends them in this order.");
    CHECK_FALSE(all->flagged);

    const auto m = made("", {{sha_a, "is password-protected, so its pages cannot be copied"}});
    REQUIRE(m.packet.certificates.size() == 1);
    CHECK(m.packet.certificates[0].sha256 == sha_b);
    const PacketBlock* says = after_heading(m.packet, "Certificates", PacketBlock::Type::text);
    REQUIRE(says);
    CHECK(says->text == "2 certificates are attached to the activities counted; the PDF packet appends 1 of them in this order, and could not append the 1 flagged below.");
    CHECK(says->flagged);
    const PacketBlock* list = after_heading(m.packet, "Certificates", PacketBlock::Type::table);
    REQUIRE(list);
    REQUIRE(list->rows.size() == 2);  // both still listed, in date order
    CHECK(list->rows[0].cells == std::vector<std::string>{"1", "Jun 1, 2025 \u00B7 FMLA webinar", "fmla.pdf"});
    CHECK(list->rows[0].flag == "Not in this PDF: the file is password-protected, so its pages cannot be copied");
    CHECK(list->rows[1].flag.empty());

    const auto none = made("", {{sha_a, "is not kept in this browser"}, {sha_b, "is not kept in this browser"}});
    CHECK(none.packet.certificates.empty());
    CHECK(after_heading(none.packet, "Certificates", PacketBlock::Type::text)->text ==
          "2 certificates are attached to the activities counted; the PDF packet could append none of them, for the reasons flagged below.");
}
