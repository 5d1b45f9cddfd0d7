// A host's options (site.json and the URL, README "Embedding Recert"): what wins, what is
// dropped and how each drop is reported, so a typo on a host's page never stops the page.
#include <doctest/doctest.h>

#include "config.h"
#include "support.h"

using namespace recert;
using namespace recert::app;
using nlohmann::json;

namespace {
const std::string origin = "https://ce.example.org";
ConfigRead read(const json& site, const json& url, bool framed = false) {
    return read_config(site, url, framed, origin, test::all_programs());
}
bool warned(const ConfigRead& r, const std::string& part) {
    for (const auto& w : r.warnings)
        if (w.find(part) != std::string::npos) return true;
    return false;
}
}  // namespace

TEST_CASE("Site options: none given is the whole page as it is, no warning") {
    const auto r = read(nullptr, json::object());
    CHECK(r.warnings.empty());
    CHECK(r.config.programs.empty());
    CHECK(r.config.org.empty());
    CHECK_FALSE(r.config.accent);
    CHECK_FALSE(r.config.embed);
    for (const auto& p : test::all_programs()) CHECK(offered(r.config, p));
}

TEST_CASE("Site options: the URL wins over site.json, option by option") {
    const auto r = read({{"org", "NAMSS"}, {"accent", "005a9c"}, {"programs", "namss-cpcs,namss-cpmsm"}},
                        {{"org", "National Association Medical Staff Services"}});
    CHECK(r.warnings.empty());
    CHECK(r.config.org == "National Association Medical Staff Services");
    REQUIRE(r.config.accent);
    CHECK(*r.config.accent == 0x005A9C);
    CHECK(r.config.programs == std::vector<std::string>{"namss-cpcs", "namss-cpmsm"});
    CHECK(offered(r.config, test::program("namss-cpcs")));
    CHECK_FALSE(offered(r.config, test::program("dmec-clms")));
}

TEST_CASE("Site options: programs as a list in site.json or commas in the URL, spaces and repeats forgiven") {
    CHECK(read({{"programs", {"ala-clm-recert", "dmec-clms"}}}, json::object()).config.programs == std::vector<std::string>{"ala-clm-recert", "dmec-clms"});
    const auto r = read(nullptr, {{"programs", " namss-cpcs , namss-cpcs,,"}});
    CHECK(r.warnings.empty());
    CHECK(r.config.programs == std::vector<std::string>{"namss-cpcs"});
}

TEST_CASE("Site options: an unknown program is dropped with a warning naming it and where it was") {
    const auto r = read(nullptr, {{"programs", "namss-cpcs,namss-cpxx"}});
    CHECK(r.config.programs == std::vector<std::string>{"namss-cpcs"});
    CHECK(warned(r, "the URL: programs: no program \"namss-cpxx\" is loaded; ignored"));
    // None known: every program stays offered, rather than none.
    const auto none = read({{"programs", "cpxx"}}, json::object());
    CHECK(none.config.programs.empty());
    CHECK(warned(none, "none of them is loaded, so every program is offered"));
}

TEST_CASE("Site options: the starting program must be loaded and offered") {
    CHECK(read(nullptr, {{"program", "namss-cpcs"}}).config.program == "namss-cpcs");
    const auto hidden = read(nullptr, {{"programs", "namss-cpcs"}, {"program", "dmec-clms"}});
    CHECK(hidden.config.program.empty());
    CHECK(warned(hidden, "program: \"dmec-clms\" is not among the programs offered"));
    const auto unknown = read({{"program", 7}}, json::object());
    CHECK(unknown.config.program.empty());
    CHECK(warned(unknown, "site.json: program: no program 7 is loaded"));
}

TEST_CASE("Site options: accent is a hex colour, with or without #, three or six digits") {
    CHECK(*read(nullptr, {{"accent", "#005A9C"}}).config.accent == 0x005A9C);
    CHECK(*read(nullptr, {{"accent", "f80"}}).config.accent == 0xFF8800);
    for (const char* bad : {"blue", "005a9", "#005a9cc", "rgb(0,0,0)", ""}) {
        CAPTURE(bad);
        const auto r = read(nullptr, {{"accent", bad}});
        CHECK_FALSE(r.config.accent);
        CHECK(warned(r, "accent:"));
    }
}

TEST_CASE("Site options: org is one line of at most 80 characters") {
    CHECK(read(nullptr, {{"org", "  DMEC  "}}).config.org == "DMEC");
    CHECK(read(nullptr, {{"org", "Société française"}}).config.org == "Société française");
    for (const std::string bad : {std::string("A\nB"), std::string(81, 'x'), std::string("   ")}) {
        const auto r = read(nullptr, {{"org", bad}});
        CHECK(r.config.org.empty());
        CHECK(warned(r, "org:"));
    }
}

TEST_CASE("Site options: the logo is a PNG or SVG of this site") {
    CHECK(read(nullptr, {{"logo", "brand/logo.svg"}}).config.logo == "brand/logo.svg");
    CHECK(read(nullptr, {{"logo", "/logo.PNG?v=2"}}).config.logo == "/logo.PNG?v=2");
    CHECK(read(nullptr, {{"logo", "https://ce.example.org/logo.png"}}).config.logo == "https://ce.example.org/logo.png");
    for (const char* other : {"https://evil.example/logo.png", "//evil.example/logo.png", "https://ce.example.org.evil.example/logo.png",
                              "data:image/png;base64,AAAA", "javascript:alert(1)"}) {
        CAPTURE(other);
        const auto r = read(nullptr, {{"logo", other}});
        CHECK(r.config.logo.empty());
        CHECK(warned(r, "is not on this site"));
    }
    const auto gif = read(nullptr, {{"logo", "logo.gif"}});
    CHECK(gif.config.logo.empty());
    CHECK(warned(gif, "is not a .png or .svg file"));
}

TEST_CASE("Site options: a frame is an embed unless the host says otherwise") {
    CHECK(read(nullptr, json::object(), true).config.embed);
    CHECK(read(nullptr, json::object(), true).config.framed);
    CHECK_FALSE(read(nullptr, {{"embed", "0"}}, true).config.embed);
    CHECK(read(nullptr, {{"embed", ""}}).config.embed);  // ?embed
    CHECK(read({{"embed", true}}, json::object()).config.embed);
    const auto r = read(nullptr, {{"embed", "maybe"}});
    CHECK_FALSE(r.config.embed);
    CHECK(warned(r, "embed: \"maybe\" is not true or false"));
}

TEST_CASE("Site options: site.json that is not an object, or names an unknown option, is reported") {
    CHECK(warned(read(json::array(), json::object()), "site.json: not a JSON object of options"));
    const auto r = read({{"colour", "005a9c"}, {"org", "DMEC"}}, json::object());
    CHECK(r.config.org == "DMEC");
    CHECK(warned(r, "site.json: \"colour\" is not an option"));
}

TEST_CASE("Site options: window.recert.config() shows the options in force") {
    const auto j = to_json(read(nullptr, {{"org", "NAMSS"}, {"accent", "005A9C"}, {"programs", "namss-cpcs"}}, true).config);
    CHECK(j["org"] == "NAMSS");
    CHECK(j["accent"] == "005a9c");
    CHECK(j["programs"] == json{"namss-cpcs"});
    CHECK(j["embed"] == true);
    CHECK(j["framed"] == true);
}
