#include "config.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "text.h"
#include "utf8.h"

namespace recert::app {

using nlohmann::json;

namespace {

constexpr const char* keys[] = {"programs", "program", "org", "accent", "logo", "embed"};
constexpr std::size_t org_max = 80;  // characters: one line of the header

// One option's value as given, and where: the URL's wins over site.json's.
struct Given {
    json value;
    std::string where;  // "the URL" or "site.json"
};

std::optional<Given> given(const json& site, const json& url, const char* key) {
    if (url.is_object() && url.contains(key)) return Given{url[key], "the URL"};
    if (site.is_object() && site.contains(key)) return Given{site[key], "site.json"};
    return std::nullopt;
}

std::string trim(std::string s) {
    const auto space = [](unsigned char c) { return std::isspace(c) != 0; };
    s.erase(s.begin(), std::find_if_not(s.begin(), s.end(), space));
    s.erase(std::find_if_not(s.rbegin(), s.rend(), space).base(), s.end());
    return s;
}

std::optional<Rgb> hex_colour(std::string s) {
    if (!s.empty() && s[0] == '#') s.erase(0, 1);
    if (s.size() == 3) s = {s[0], s[0], s[1], s[1], s[2], s[2]};
    if (s.size() != 6 || !std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isxdigit(c) != 0; })) return std::nullopt;
    return static_cast<Rgb>(std::stoul(s, nullptr, 16));
}

// A path on the page's own site, or an absolute URL of it, naming a PNG or an SVG. Anything
// else (another site, data:, javascript:) the page's CSP would refuse anyway; saying so is kinder.
std::string logo_problem(const std::string& path, const std::string& origin) {
    const std::string l = lower(path);
    const std::size_t scheme = l.find(':'), slash = l.find('/');
    const bool absolute = scheme != std::string::npos && (slash == std::string::npos || scheme < slash);
    if (l.rfind("//", 0) == 0 || (absolute && l.rfind(lower(origin) + "/", 0) != 0)) return "is not on this site (" + origin + "): give a path such as logo.svg";
    const std::string file = l.substr(0, l.find_first_of("?#"));
    const auto ends = [&](std::string_view e) { return file.size() > e.size() && file.compare(file.size() - e.size(), e.size(), e) == 0; };
    if (!ends(".png") && !ends(".svg")) return "is not a .png or .svg file";
    return "";
}

std::string quoted(const json& v) { return v.is_string() ? "\"" + v.get<std::string>() + "\"" : v.dump(); }

}  // namespace

ConfigRead read_config(const json& site, const json& url, bool framed, const std::string& origin, const std::vector<Program>& programs) {
    ConfigRead out;
    SiteConfig& c = out.config;
    c.framed = framed;
    auto warn = [&](const Given& g, const char* key, const std::string& what) {
        out.warnings.push_back(g.where + ": " + key + ": " + what + "; ignored");
    };
    if (!site.is_null() && !site.is_object()) out.warnings.push_back("site.json: not a JSON object of options; ignored");
    if (site.is_object())
        for (const auto& [key, value] : site.items())
            if (std::find(std::begin(keys), std::end(keys), key) == std::end(keys))
                out.warnings.push_back("site.json: \"" + key + "\" is not an option (they are programs, program, org, accent, logo, embed); ignored");
    const auto loaded = [&](const std::string& id) {
        return std::any_of(programs.begin(), programs.end(), [&](const Program& p) { return p.id == id; });
    };

    c.check = url.is_object() && url.contains("check");
    if (const auto g = given(site, url, "programs")) {
        std::vector<std::string> ids;
        if (g->value.is_string()) {
            const std::string s = g->value.get<std::string>();
            for (std::size_t at = 0; at <= s.size();) {
                const std::size_t comma = std::min(s.find(',', at), s.size());
                if (auto id = trim(s.substr(at, comma - at)); !id.empty()) ids.push_back(std::move(id));
                at = comma + 1;
            }
        } else if (g->value.is_array() && std::all_of(g->value.begin(), g->value.end(), [](const json& v) { return v.is_string(); })) {
            for (const auto& v : g->value) ids.push_back(trim(v.get<std::string>()));
        } else {
            warn(*g, "programs", quoted(g->value) + " is not a list of program ids");
        }
        for (const auto& id : ids) {
            if (!loaded(id)) warn(*g, "programs", "no program \"" + id + "\" is loaded");
            else if (std::find(c.programs.begin(), c.programs.end(), id) == c.programs.end()) c.programs.push_back(id);
        }
        if (c.programs.empty() && !ids.empty()) out.warnings.push_back(g->where + ": programs: none of them is loaded, so every program is offered");
    }
    if (const auto g = given(site, url, "program")) {
        const std::string id = g->value.is_string() ? trim(g->value.get<std::string>()) : "";
        if (!g->value.is_string() || !loaded(id)) warn(*g, "program", "no program " + quoted(g->value) + " is loaded");
        else if (!c.programs.empty() && std::find(c.programs.begin(), c.programs.end(), id) == c.programs.end())
            warn(*g, "program", "\"" + id + "\" is not among the programs offered");
        else c.program = id;
    }
    if (const auto g = given(site, url, "org")) {
        const std::string org = g->value.is_string() ? trim(g->value.get<std::string>()) : "";
        const bool control = std::any_of(org.begin(), org.end(), [](unsigned char ch) { return ch < 0x20 || ch == 0x7f; });
        if (!g->value.is_string() || org.empty() || control || utf8_length(org) > org_max)
            warn(*g, "org", quoted(g->value) + " is not a name of 1 to " + std::to_string(org_max) + " characters on one line");
        else c.org = org;
    }
    if (const auto g = given(site, url, "accent")) {
        if (const auto rgb = g->value.is_string() ? hex_colour(trim(g->value.get<std::string>())) : std::nullopt) c.accent = rgb;
        else warn(*g, "accent", quoted(g->value) + " is not a hex colour such as 005a9c");
    }
    if (const auto g = given(site, url, "logo")) {
        const std::string path = g->value.is_string() ? trim(g->value.get<std::string>()) : "";
        const std::string problem = g->value.is_string() && !path.empty() ? logo_problem(path, origin) : "is not a path";
        if (!problem.empty()) warn(*g, "logo", quoted(g->value) + " " + problem);
        else c.logo = path;
    }
    c.embed = framed;  // a frame is an embed unless the host says otherwise
    if (const auto g = given(site, url, "embed")) {
        const json& v = g->value;
        const std::string s = v.is_string() ? lower(trim(v.get<std::string>())) : "";
        if (v.is_boolean()) c.embed = v.get<bool>();
        else if (v.is_string() && (s.empty() || s == "1" || s == "true" || s == "yes")) c.embed = true;
        else if (v.is_string() && (s == "0" || s == "false" || s == "no")) c.embed = false;
        else warn(*g, "embed", quoted(v) + " is not true or false");
    }
    return out;
}

json to_json(const SiteConfig& c) {
    json j = {{"programs", c.programs}, {"program", c.program}, {"org", c.org}, {"logo", c.logo}, {"embed", c.embed}, {"framed", c.framed}};
    if (c.accent) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "%06x", static_cast<unsigned>(*c.accent));
        j["accent"] = hex;
    } else {
        j["accent"] = "";
    }
    return j;
}

bool offered(const SiteConfig& c, const Program& p) {
    return c.programs.empty() || std::find(c.programs.begin(), c.programs.end(), p.id) != c.programs.end();
}

}  // namespace recert::app
