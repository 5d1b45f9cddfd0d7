// The options a host gives the page (README, "Embedding Recert"): from site.json beside
// index.html and from the page's URL, the URL winning. A pure function of those two and the
// programs loaded, so tests/model/config_test.cpp checks every rule without a browser.
// An unknown or invalid value is dropped with a warning (boot.js prints them to the console):
// a host's typo must never keep a person from their log.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "palette.h"
#include "program.h"

namespace recert::app {

struct SiteConfig {
    std::vector<std::string> programs;  // ids offered in the add-credential form; empty: every program
    std::string program;                // the program that form starts on, if any
    std::string org;                    // "Recert for <org>"
    std::optional<Rgb> accent;          // as given: the palette adjusts it for contrast (palette.h)
    std::string logo;                   // a same-origin URL path of a PNG or SVG
    bool embed = false;                 // compact layout, without the header's own chrome
    bool framed = false;                // the page runs in a frame (another site's, usually)
    bool check = false;                 // ?check: the page opens on the program check, for authors (URL only)
};

struct ConfigRead {
    SiteConfig config;
    std::vector<std::string> warnings;  // "site.json: accent: \"blue\" is not a hex colour…"
};

// `site`: site.json's object (null when there is none); `url`: the URL's parameters, as
// strings; `origin`: the page's own, for the logo's check.
ConfigRead read_config(const nlohmann::json& site, const nlohmann::json& url, bool framed, const std::string& origin,
                       const std::vector<Program>& programs);
nlohmann::json to_json(const SiteConfig& c);  // window.recert.config()

// Whether the add-credential form offers `p`.
bool offered(const SiteConfig& c, const Program& p);

}  // namespace recert::app
