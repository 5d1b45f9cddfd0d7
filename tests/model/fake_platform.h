// platform.h in memory, for testing the page's model natively: a browser's storage, its
// downloads and the requests the page makes, all inspectable and settable by a test.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "platform.h"

namespace recert::fake {

struct Download {
    std::string filename, mime, content;
};

struct Archive {  // back_up_everything's request: the .zip's name, the log, the manifest
    std::string filename, log_json, manifest_json;
};

struct Browser {
    std::map<std::string, std::string> storage;
    bool storage_full = false;  // storage_set fails as a full quota does
    std::vector<Download> downloads;
    std::vector<std::string> printed;     // print_view: the packets' JSON
    std::vector<std::string> packet_checks, packets;  // prepare_packet's certificates, make_packet_pdf's packets
    int pick_file_calls = 0, persist_requests = 0, reloads = 0;
    std::vector<bool> certificate_picks;  // camera or not, per pick_certificates
    std::vector<std::string> opened;      // open_certificate: "<sha256> <mime> <name>", "download " first when saved
    std::vector<std::string> announced;
    std::vector<Archive> archives;
    int certificate_lists = 0, certificate_wipes = 0;
    Date today{date::year{2026}, date::November, date::day{26}};
};

// The one browser the fake platform uses; reset before each test.
Browser& browser();
void reset();

}  // namespace recert::fake
