// The renewal packet: what a person sends a certifying body for a renewal or an audit, as a
// document of plain blocks (headings, facts, tables, flagged lines) and the certificates to
// append. All its words are made here, from the report; the page only lays the blocks out (as a
// PDF, or as a print view), so both say the same and a test can read it without a browser.
#pragma once
#include <string>
#include <vector>

#include "log.h"
#include "program.h"
#include "report.h"

namespace recert {

struct PacketRow {
    std::vector<std::string> cells;
    std::string flag;  // what an audit would find lacking ("Needs its certificate"), or ""
};

struct PacketBlock {
    enum class Type { title, facts, heading, text, table } type = Type::text;
    std::string text;                      // title, heading, text
    bool flagged = false;                  // text: a warning, drawn in the risk colour
    std::vector<std::string> columns;      // table: its header; facts: the labels
    std::vector<PacketRow> rows;           // table; facts: one row of one cell per label
};

// A certificate of a counted activity, once per file (by hash), in the order the packet lists
// the activities.
struct PacketCertificate {
    std::string sha256, name, caption;  // caption: "Dec 1, 2026 · FMLA webinar"
    FileType type = FileType::pdf;
};

struct Packet {
    std::string filename;  // "recert-packet-dmec-clms-2026-12-03.pdf"
    std::string title;     // the document's title: "Renewal packet: DMEC CLMS"
    std::vector<PacketBlock> blocks;
    std::vector<PacketCertificate> certificates;
};

// A certificate the PDF cannot carry, by hash, with why in words ("is not kept in this browser").
struct NotIncluded {
    std::string sha256, why;
};

// `holder`: the person's name as Settings gives it ("" leaves the line out); `produced`: today.
// `r` is `credential` evaluated against `p` with `entries` (the log's entries, by id).
// `not_included`: certificates the PDF packet found it cannot append; each stays in the list of
// certificates, flagged with why, and leaves `certificates`.
Packet make_packet(const Program& p, const Credential& credential, const std::vector<Entry>& entries,
                   const CredentialReport& r, const std::string& holder, Date produced,
                   const std::vector<NotIncluded>& not_included = {});

nlohmann::json to_json(const Packet& packet);

}  // namespace recert
